import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officialTemplateValues, type TitledPerson } from './official-titles.ts';
import { PLACEHOLDERS, parseTemplate, renderTemplate, renderTemplateParts, validateTemplate } from './templates.ts';

function parse(text: string) {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.template;
}

const padilla: TitledPerson = { name: 'Alex Padilla', role: 'senator', gender: 'M', title: 'Senator' };

test('fills supporter and official placeholders in order', () => {
  const template = parse('My name is [name], [title or role] of [organization], calling [office] for [community].');
  const text = renderTemplate(template, {
    name: 'Ana',
    'title or role': 'director',
    organization: 'Casa Nueva',
    community: 'families in Fresno',
    ...officialTemplateValues(padilla, 'en'),
  });
  assert.equal(
    text,
    'My name is Ana, director of Casa Nueva, calling the office of Senator Alex Padilla for families in Fresno.',
  );
  assert.deepEqual(template.keys, ['name', 'title or role', 'organization', 'office', 'community']);
});

test('matches placeholders whatever their case, accents and inner spaces', () => {
  const template = parse('[Title  or Role] [ NAME ] [organizacion] [Código Postal]');
  assert.equal(
    renderTemplate(template, { 'title or role': 'T', name: 'N', organization: 'O', zip: '94110' }),
    'T N O 94110',
  );
});

test('leaves a missing or blank supporter value as written, so the supporter sees what to fill', () => {
  const template = parse('I am [Name] from [city].');
  assert.equal(renderTemplate(template, { name: '   ', city: undefined }), 'I am [Name] from [city].');
  const parts = renderTemplateParts(template, { name: 'Ana' });
  assert.deepEqual(
    parts.filter((p) => p.key).map((p) => [p.key, p.filled]),
    [
      ['name', true],
      ['city', false],
    ],
  );
});

test('inserts values as plain text, leaving escaping to the page', () => {
  const template = parse('[name]');
  assert.equal(renderTemplate(template, { name: '<script>x</script>' }), '<script>x</script>');
});

test('an escaped bracket is literal text', () => {
  assert.equal(renderTemplate(parse('See \\[1] and [name]'), { name: 'Ana' }), 'See [1] and Ana');
});

test('rejects a misspelled placeholder, naming it, the field and its position, with a suggestion', () => {
  const problems = validateTemplate('Hello.\nI work at [organisation] in town.', 'the English message');
  assert.equal(problems.length, 1);
  const [problem] = problems;
  assert.equal(problem?.placeholder, '[organisation]');
  assert.equal(problem?.line, 2);
  assert.equal(problem?.column, 11);
  assert.equal(problem?.suggestion, 'organization');
  assert.match(problem?.message ?? '', /\[organisation\] in the English message at line 2, column 11/);
  assert.match(problem?.message ?? '', /Did you mean \[organization\]\?/);
});

test("suggests the seed page's own spellings' replacements", () => {
  const problems = validateTemplate('[XXXXXX] [YOUR ORGANIZATION] [YOUR COMMUNITY] [nombr]', 'script');
  assert.deepEqual(
    problems.map((p) => p.suggestion),
    ['name', 'organization', 'community', 'nombre'],
  );
});

test('an unknown placeholder with nothing close lists the known ones', () => {
  const [problem] = validateTemplate('[favourite colour]', 'script');
  assert.equal(problem?.suggestion, null);
  assert.match(problem?.message ?? '', /Known placeholders: \[name\], \[title or role\]/);
});

test('an unclosed bracket is reported where it opens', () => {
  const [problem] = validateTemplate('ok\n  see [name\n]', 'script');
  assert.equal(problem?.placeholder, '[');
  assert.equal(problem?.line, 2);
  assert.equal(problem?.column, 7);
});

test('a vacant seat renders no official values, and the template keeps its placeholder', () => {
  assert.equal(officialTemplateValues(null, 'en'), null);
  const template = parse('Calling [official].');
  const text = renderTemplate(template, { name: 'Ana', ...officialTemplateValues(null, 'es') });
  assert.equal(text, 'Calling [official].');
  assert.doesNotMatch(text, /null|undefined/);
});

test('every placeholder and alias is recognised', () => {
  for (const p of PLACEHOLDERS) {
    for (const spelling of [p.key, ...p.aliases]) {
      assert.deepEqual(validateTemplate(`[${spelling}]`, 'x'), [], spelling);
      assert.deepEqual(parse(`[${spelling}]`).keys, [p.key]);
    }
  }
});
