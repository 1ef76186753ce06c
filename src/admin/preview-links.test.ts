import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previewLinks } from './preview-links.ts';

test('every path of the supporter step maps into the preview, keeping the place and language', () => {
  const link = previewLinks('fund-legal-aid', '7', 'es');
  assert.equal(
    link('/c/fund-legal-aid/officials', { zip: '94015', district: 'CA-11' }),
    '/admin/campaigns/7/preview?zip=94015&district=CA-11&lang=es',
  );
  assert.equal(link('/c/fund-legal-aid'), '/admin/campaigns/7/preview?lang=es');
  assert.equal(link('/c/fund-legal-aid/done', { zip: '94110' }), '/admin/campaigns/7/preview?zip=94110&lang=es');
  assert.equal(link('/c/fund-legal-aid/outcomes'), '/admin/campaigns/7/preview/outcomes?lang=es');
  assert.equal(link('/c/fund-legal-aid/address'), '/admin/campaigns/7/preview/address?lang=es');
  // The site's home, or a campaign with a slug that only starts the same, is not this step.
  assert.equal(link('/', { zip: '94110' }), '/admin/campaigns/7/preview?lang=es');
  assert.equal(link('/c/fund-legal-aid-2/officials', { zip: '94110' }), '/admin/campaigns/7/preview?lang=es');
  assert.equal(
    previewLinks('s', '7', undefined)('/c/s/officials', { zip: '94110' }),
    '/admin/campaigns/7/preview?zip=94110',
  );
});
