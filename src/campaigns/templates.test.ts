import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officeName, officialTemplateValues, officialTitle, type TitledPerson } from './official-titles.ts';
import { PLACEHOLDERS, parseTemplate, renderTemplate, renderTemplateParts, validateTemplate } from './templates.ts';

function parse(text: string) {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.template;
}

const padilla: TitledPerson = { name: 'Alex Padilla', role: 'senator', gender: 'M', title: 'Senator' };
const murray: TitledPerson = { name: 'Patty Murray', role: 'senator', gender: 'F', title: 'Senator' };
const norton: TitledPerson = { name: 'Eleanor Holmes Norton', role: 'delegate', gender: 'F', title: 'Delegate' };
const trump: TitledPerson = { name: 'Donald J. Trump', role: 'president', gender: 'M', title: 'President' };
const pr: TitledPerson = { name: 'Pablo José Hernández', role: 'resident_commissioner', gender: 'M', title: '' };

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

test('English titles follow the role', () => {
  assert.equal(officialTitle(padilla, 'en'), 'Senator Alex Padilla');
  assert.equal(officialTitle(norton, 'en'), 'Delegate Eleanor Holmes Norton');
  assert.equal(officialTitle(trump, 'en'), 'President Donald J. Trump');
  assert.equal(officialTitle(pr, 'en'), 'Resident Commissioner Pablo José Hernández');
  assert.equal(
    officialTitle({ name: 'Gavin Newsom', role: 'governor', gender: 'M', title: '' }, 'en'),
    'Governor Gavin Newsom',
  );
});

test('Spanish titles agree with the published gender', () => {
  assert.equal(officialTitle(murray, 'es'), 'Senadora Patty Murray');
  assert.equal(officialTitle(padilla, 'es'), 'Senador Alex Padilla');
  assert.equal(officialTitle(norton, 'es'), 'Delegada Eleanor Holmes Norton');
  assert.equal(officialTitle({ ...norton, gender: 'M' }, 'es'), 'Delegado Eleanor Holmes Norton');
  assert.equal(officialTitle(pr, 'es'), 'Comisionado Residente Pablo José Hernández');
  assert.equal(officialTitle(trump, 'es'), 'Presidente Donald J. Trump');
  const rep: TitledPerson = { name: 'Nancy Pelosi', role: 'representative', gender: 'F', title: 'Representative' };
  assert.equal(officialTitle(rep, 'es'), 'Representante Nancy Pelosi');
});

test('Spanish writes both forms when the gender is not published', () => {
  assert.equal(officialTitle({ ...padilla, gender: null }, 'es'), 'Senador/a Alex Padilla');
  assert.equal(officialTitle({ ...pr, gender: null }, 'es'), 'Comisionado/a Residente Pablo José Hernández');
});

test('state legislators keep their state title, translated', () => {
  const member: TitledPerson = { name: 'Ana Ruiz', role: 'state_representative', gender: 'F', title: 'Assemblymember' };
  assert.equal(officialTitle(member, 'en'), 'Assemblymember Ana Ruiz');
  assert.equal(officialTitle(member, 'es'), 'Asambleísta Ana Ruiz');
});

test('[office] names the office with its article', () => {
  assert.equal(officeName(padilla, 'en'), 'the office of Senator Alex Padilla');
  assert.equal(officeName(murray, 'es'), 'la oficina de la senadora Patty Murray');
  assert.equal(officeName(trump, 'es'), 'la oficina del presidente Donald J. Trump');
  const custom: TitledPerson = {
    name: 'Kristi Noem',
    role: 'custom',
    gender: null,
    title: 'Secretaria de Seguridad Nacional',
  };
  assert.equal(officeName(custom, 'es'), 'la oficina de Secretaria de Seguridad Nacional Kristi Noem');
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
