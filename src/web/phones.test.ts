import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Office } from '../officials/types.ts';
import { nearestLocalOffice, telUrl } from './phones.ts';

const office = (id: string, extra: Partial<Office>): Office => ({
  id,
  kind: 'district',
  address: null,
  suite: null,
  building: null,
  city: null,
  state: 'CA',
  zip: null,
  phone: '415-555-0100',
  fax: null,
  hours: null,
  lat: null,
  lon: null,
  timeZone: 'America/Los_Angeles',
  ...extra,
});

test('tel: links are E.164 for ten-digit U.S. numbers, and absent otherwise', () => {
  assert.equal(telUrl('(202) 224-3553'), 'tel:+12022243553');
  assert.equal(telUrl('1-202-224-3553'), 'tel:+12022243553');
  assert.equal(telUrl('202.224.3553'), 'tel:+12022243553');
  assert.equal(telUrl('224-3553'), null);
  assert.equal(telUrl('call us'), null);
});

test('the nearest local office is chosen by distance when the supporter gave a coordinate', () => {
  const fresno = office('fresno', { lat: 36.74, lon: -119.78, zip: '93721' });
  const sf = office('sf', { lat: 37.79, lon: -122.4, zip: '94104' });
  const la = office('la', { lat: 34.05, lon: -118.25, zip: '90012' });
  const dc = office('dc', { kind: 'dc', lat: 38.89, lon: -77.0 });
  assert.equal(nearestLocalOffice([dc, fresno, la, sf], { lat: 37.76, lon: -122.41, zip: null })?.id, 'sf');
  assert.equal(nearestLocalOffice([dc, fresno, sf, la], { lat: 34.1, lon: -118.3, zip: null })?.id, 'la');
});

test('without a coordinate the office sharing the longest ZIP prefix wins; never the DC office', () => {
  const fresno = office('fresno', { zip: '93721' });
  const sf = office('sf', { zip: '94104' });
  const noPhone = office('sf-nophone', { zip: '94110', phone: null });
  const dc = office('dc', { kind: 'dc', zip: '20510' });
  assert.equal(nearestLocalOffice([fresno, dc, noPhone, sf], { lat: null, lon: null, zip: '94110' })?.id, 'sf');
  assert.equal(nearestLocalOffice([sf, fresno], { lat: null, lon: null, zip: '93701' })?.id, 'fresno');
  assert.equal(nearestLocalOffice([dc], { lat: null, lon: null, zip: '20001' }), null);
});

test('without a coordinate, the ZIP is placed at its internal point and the nearest office wins', () => {
  // Sahuarita, AZ (85629) shares "85" with both Phoenix (85016) and Tucson (85701); Tucson is 30 km away.
  const phoenix = office('phoenix', { zip: '85016', lat: 33.5086, lon: -112.0338 });
  const tucson = office('tucson', { zip: '85701', lat: 32.2232, lon: -110.9738 });
  const points: Record<string, { lat: number; lon: number }> = { '85629': { lat: 31.9596, lon: -111.1093 } };
  const locateZip = (zip: string) => points[zip] ?? null;
  assert.equal(nearestLocalOffice([phoenix, tucson], { lat: null, lon: null, zip: '85629', locateZip })?.id, 'tucson');
  assert.equal(
    nearestLocalOffice([phoenix, tucson], { lat: null, lon: null, zip: '85629' })?.id,
    'phoenix',
    'by ZIP prefix alone the two tie, and the first listed wins',
  );
});

test('an office without coordinates is placed at its own ZIP’s internal point', () => {
  const far = office('far', { zip: '90012', lat: 34.05, lon: -118.25 });
  const unplaced = office('near', { zip: '94104' });
  const points: Record<string, { lat: number; lon: number }> = {
    '94104': { lat: 37.791, lon: -122.402 },
    '94110': { lat: 37.75, lon: -122.415 },
  };
  const near = { lat: null, lon: null, zip: '94110', locateZip: (zip: string) => points[zip] ?? null };
  assert.equal(nearestLocalOffice([far, unplaced], near)?.id, 'near');
});
