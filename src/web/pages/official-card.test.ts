import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fixedClock } from '../../clock.ts';
import { createDirectory } from '../../lookup/create-directory.ts';
import { mirrorDirectory } from '../../lookup/testing.ts';
import { createPagesTestApp, getPage, type PagesTestApp } from '../testing/app.ts';
import { fixtureDataWithUnknownHolder } from '../testing/directory-fixture.ts';

const withUnknownHolder = () => createDirectory(fixtureDataWithUnknownHolder(), fixedClock('2026-03-11T17:30:00Z'));

let t: PagesTestApp;
before(async () => {
  t = await createPagesTestApp({ directory: withUnknownHolder() });
});
after(() => t.dispose());

test('a seat whose holder is not in the data is neither a vacancy nor the former holder', async () => {
  const { res, html } = await getPage(t.app, '/c/protect-asylum/officials?zip=94110');
  assert.equal(res.status, 200);
  assert.match(html, /<h3>Senator: current holder not in our data<\/h3>/);
  assert.match(html, /href="tel:\+12022243121"/, "the office's own line");
  assert.match(html, /href="https:\/\/www\.senate\.gov\/"/);
  assert.doesNotMatch(html, /This seat is vacant/);
  assert.doesNotMatch(html, /Jon Junior/);
  assert.match(html, /0 of 3 contacted/, 'nobody to report a call to');
  const es = await getPage(t.app, '/c/protect-asylum/officials?zip=94110&lang=es');
  assert.match(es.html, /<h3>Integrante del Senado: no tenemos los datos de quien ocupa el cargo<\/h3>/);
});

test('the local office offered is the one nearest the ZIP’s internal point (85629: Tucson, not Phoenix)', async () => {
  const { directory } = await mirrorDirectory();
  const app = await createPagesTestApp({ directory });
  try {
    const { res, html } = await getPage(app.app, '/c/protect-asylum/officials?zip=85629&district=AZ-7');
    assert.equal(res.status, 200);
    const kelly = html.split('Senator Mark Kelly')[1]?.split('</li></ol>')[0] ?? '';
    assert.match(kelly, /href="tel:\+15204755177"/, "Kelly's Tucson line");
    assert.doesNotMatch(kelly, /tel:\+16026717901/, 'not his Phoenix line');
  } finally {
    await app.dispose();
  }
});
