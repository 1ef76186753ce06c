import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoursText } from './hours-text.ts';
import { translator } from './i18n/index.ts';

const en = (text: string) => hoursText(text, translator('en'), 'en');
const es = (text: string) => hoursText(text, translator('es'), 'es');

test('parsed hours are written out in the page language', () => {
  assert.deepEqual(en('M-F 8:30am-430pm'), { parsed: true, text: 'Monday–Friday, 8:30 AM–4:30 PM' });
  assert.deepEqual(es('M-F 8:30am-430pm'), { parsed: true, text: 'de lunes a viernes, de 8:30 a 16:30' });
  assert.equal(en('M,W,F 9AM-5PM').text, 'Monday, Wednesday, and Friday, 9 AM–5 PM');
  assert.equal(es('M,W,F 9AM-5PM').text, 'lunes, miércoles y viernes, de 9:00 a 17:00');
  assert.equal(
    es('Tuesday 10:00AM-12:00PM and Thursday 2:00PM-4:00PM').text,
    'martes, de 10:00 a 12:00; jueves, de 14:00 a 16:00',
  );
  assert.equal(en('Mon-Fri 9AM-1PM and 2:30PM-5PM').text, 'Monday–Friday, 9 AM–1 PM and 2:30 PM–5 PM');
});

test('appointments and monthly visits read naturally in both languages', () => {
  assert.equal(es('By appointment only').text, 'Solo con cita previa');
  assert.equal(en('Mon-Fri 9AM-5PM by appointment only').text, 'Monday–Friday, 9 AM–5 PM, by appointment only');
  assert.equal(
    es('Monday-Wednesday 9:00AM-5:00PM, Thursday and Friday by appointment only').text,
    'de lunes a miércoles, de 9:00 a 17:00; jueves y viernes, solo con cita previa',
  );
  assert.equal(es('Thursday 10AM-4:30PM or by appointment').text, 'jueves, de 10:00 a 16:30; o con cita previa');
  assert.equal(
    es('First and third Wednesday of every month 10AM-2PM').text,
    'primer y tercer miércoles de cada mes, de 10:00 a 14:00',
  );
  assert.equal(en('2nd and 4th Mondays 10:00AM–4:00PM').text, '2nd and 4th Monday of the month, 10 AM–4 PM');
  assert.equal(es('8:30 am to 5:00 pm').text, 'de 8:30 a 17:00, no se indican los días');
});

test('text Voz cannot read is given back as published', () => {
  assert.deepEqual(es('Only open Tuesdays and Thursdays'), { parsed: false, text: 'Only open Tuesdays and Thursdays' });
});
