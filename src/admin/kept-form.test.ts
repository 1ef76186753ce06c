import assert from 'node:assert/strict';
import { campaignToForm } from '../campaigns/campaign-form.ts';
import { findCampaignBySlug } from '../campaigns/campaign-repository.ts';
import { sampleCampaignInput } from '../campaigns/fixtures.ts';
import { fixedClock } from '../clock.ts';
import { testEachDialect } from '../db/testing.ts';
import { SESSION_TTL_MS } from './accounts.ts';
import { SESSION_COOKIE } from './session.ts';
import { type Agent, signedIn, testApp } from './testing.ts';

/** The sample campaign as the editor submits it, with a change the organizer typed. */
const typed = (): Record<string, string | string[]> => ({
  ...campaignToForm({ ...sampleCampaignInput(), id: 0, createdAt: '', updatedAt: '', version: 1 }),
  status: 'draft',
  'content.en.body': 'Two hours of careful writing <b>that must not be lost</b>.\nSecond line.',
});
const fromVoz = { origin: 'http://localhost' };

/** The hidden fields of the first form on a page, as a browser would submit them. */
function hiddenFields(html: string): [string, string][] {
  const decodeEntities = (v: string) =>
    v
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  return [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
    decodeEntities(m[1]!),
    decodeEntities(m[2]!),
  ]);
}

async function postForm(agent: Agent, path: string, fields: [string, string][], headers: Record<string, string>) {
  return agent.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const entries = (values: Record<string, string | string[]>, csrf: string): [string, string][] => [
  ['_csrf', csrf],
  ...Object.entries(values).flatMap(([k, v]) => [v].flat().map((one): [string, string] => [k, one])),
];

testEachDialect(
  'a save after the session ended asks to sign in again and reopens the editor with what was typed',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    const editor = await signedIn(app, store, 'editor');
    const csrf = editor.csrf;
    clock.advance(SESSION_TTL_MS + 1);

    const refused = await postForm(editor, '/admin/campaigns', entries(typed(), csrf), fromVoz);
    assert.equal(refused.status, 401);
    const page = await refused.text();
    assert.match(page, /Sign in to keep your changes/);
    assert.match(page, /nothing has been saved yet/);
    // The text is on the page, escaped, as hidden fields and as a copy.
    assert.match(
      page,
      /value="Two hours of careful writing &lt;b&gt;that must not be lost&lt;\/b&gt;\.\nSecond line\."/,
    );
    assert.match(page, /<textarea id="kept-text" readonly="" rows="12">[^<]*Two hours of careful writing &lt;b&gt;/);
    assert.equal(await findCampaignBySlug(store.handle.db, 'fund-legal-aid'), null);

    const fields = hiddenFields(page);
    const signIn = await postForm(
      editor,
      '/admin/login',
      [...fields, ['email', 'editor@example.org'], ['password', 'a long password']],
      fromVoz,
    );
    assert.equal(signIn.status, 200);
    const reopened = await signIn.text();
    assert.match(reopened, /You are signed in again\. Nothing is saved yet/);
    assert.match(reopened, /<form method="post" action="\/admin\/campaigns"/);
    assert.match(
      reopened,
      />Two hours of careful writing &lt;b&gt;that must not be lost&lt;\/b&gt;\.\nSecond line\.<\/textarea>/,
    );
    assert.match(reopened, /<input type="checkbox" id="f-target-custom" name="targets" value="custom" checked=""/);
    assert.equal(await findCampaignBySlug(store.handle.db, 'fund-legal-aid'), null, 'signing in saves nothing');

    // Saving from the reopened editor (its fields, its fresh token) stores exactly what was typed.
    const saved = await editor.post('/admin/campaigns', typed());
    assert.equal(saved.status, 303);
    const campaign = await findCampaignBySlug(store.handle.db, 'fund-legal-aid');
    assert.equal(campaign?.content.en?.body, typed()['content.en.body']);
  },
);

testEachDialect('a wrong password on the keep-your-changes page keeps the changes', async (store) => {
  const clock = fixedClock('2026-03-01T12:00:00Z');
  const { app } = testApp(store, { clock });
  const editor = await signedIn(app, store, 'editor');
  const csrf = editor.csrf;
  clock.advance(SESSION_TTL_MS + 1);
  const page = await (await postForm(editor, '/admin/campaigns', entries(typed(), csrf), fromVoz)).text();
  const wrong = await postForm(
    editor,
    '/admin/login',
    [...hiddenFields(page), ['email', 'editor@example.org'], ['password', 'not my password']],
    fromVoz,
  );
  assert.equal(wrong.status, 401);
  const again = await wrong.text();
  assert.match(again, /That email and password do not match/);
  assert.deepEqual(hiddenFields(again).slice(2), hiddenFields(page).slice(2));
});

testEachDialect('a stale form token while signed in reopens the editor with the edits, unsaved', async (store) => {
  const { app } = testApp(store);
  const editor = await signedIn(app, store, 'editor');
  const location = (await editor.post('/admin/campaigns', typed())).headers.get('location')!;
  // Signed out and in again in another tab: this tab's form still carries the old token.
  const stale = editor.csrf;
  await editor.post('/admin/logout');
  await editor.signIn('editor@example.org', 'a long password');
  const edit = { ...typed(), 'content.en.title': 'A better title' };
  const res = await postForm(editor, location, entries(edit, stale), fromVoz);
  assert.equal(res.status, 403);
  const html = await res.text();
  assert.match(html, /This form had expired, so nothing was saved/);
  assert.match(html, new RegExp(`<form method="post" action="${location}"`));
  assert.match(html, /value="A better title"/);
  assert.ok(html.includes(`name="_csrf" value="${editor.csrf}"`), 'the editor carries the session token');
  assert.notEqual(editor.csrf, stale);
  assert.equal(
    (await findCampaignBySlug(store.handle.db, 'fund-legal-aid'))?.content.en?.title,
    typed()['content.en.title'],
  );
});

testEachDialect(
  'without proof the form came from Voz, the edits come back only as text; from another site, not at all',
  async (store) => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const { app } = testApp(store, { clock });
    const editor = await signedIn(app, store, 'editor');
    const csrf = editor.csrf;
    clock.advance(SESSION_TTL_MS + 1);
    const bare = await postForm(editor, '/admin/campaigns', entries(typed(), csrf), {});
    assert.equal(bare.status, 401);
    const html = await bare.text();
    assert.match(html, /Your changes were not saved/);
    assert.match(html, /Body \(English\):\nTwo hours of careful writing/);
    assert.doesNotMatch(html, /name="kept\./);
    assert.doesNotMatch(html, /name="content\.en\.body"/);

    const foreign = await postForm(editor, '/admin/campaigns', entries(typed(), csrf), {
      origin: 'https://evil.example',
    });
    assert.equal(foreign.status, 403);
    assert.doesNotMatch(await foreign.text(), /careful writing/);
    assert.equal(editor.cookies.has(SESSION_COOKIE), false);
  },
);
