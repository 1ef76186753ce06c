import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  officeName,
  officialInSentence,
  officialRole,
  officialTemplateValues,
  officialTitle,
  type TitledPerson,
} from './official-titles.ts';

const padilla: TitledPerson = { name: 'Alex Padilla', role: 'senator', gender: 'M', title: 'Senator' };
const murray: TitledPerson = { name: 'Patty Murray', role: 'senator', gender: 'F', title: 'Senator' };
const norton: TitledPerson = { name: 'Eleanor Holmes Norton', role: 'delegate', gender: 'F', title: 'Delegate' };
const trump: TitledPerson = { name: 'Donald J. Trump', role: 'president', gender: 'M', title: 'President' };
const pr: TitledPerson = { name: 'Pablo José Hernández', role: 'resident_commissioner', gender: 'M', title: '' };
// Open States publishes no gender for most state officials.
const newsom: TitledPerson = { name: 'Gavin Newsom', role: 'governor', gender: null, title: 'Governor' };
const mayor: TitledPerson = { name: 'Jordan Lee', role: 'custom', gender: null, title: 'Mayor', titleLang: 'en' };

test('English titles follow the role', () => {
  assert.equal(officialTitle(padilla, 'en'), 'Senator Alex Padilla');
  assert.equal(officialTitle(norton, 'en'), 'Delegate Eleanor Holmes Norton');
  assert.equal(officialTitle(trump, 'en'), 'President Donald J. Trump');
  assert.equal(officialTitle(pr, 'en'), 'Resident Commissioner Pablo José Hernández');
  assert.equal(officialTitle({ ...newsom, gender: 'M', title: '' }, 'en'), 'Governor Gavin Newsom');
  assert.equal(officialTitle(newsom, 'en'), 'Governor Gavin Newsom');
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

test('without a published gender, Spanish names the person and says the post in neutral words', () => {
  // Not "Honorable Gobernador/a Gavin Newsom:".
  assert.deepEqual(officialTemplateValues(newsom, 'es'), {
    official: 'Gavin Newsom',
    office: 'la oficina de Gavin Newsom',
  });
  assert.equal(officialInSentence(newsom, 'es'), 'Gavin Newsom');
  assert.deepEqual(officialRole(newsom, 'es'), { text: 'Titular de la gubernatura', lang: 'es' });
  assert.equal(officialRole(newsom, 'en'), null, 'the English heading has the title');
  assert.equal(officialTitle({ ...padilla, gender: null }, 'es'), 'Alex Padilla');
  // A title with one form needs no gender: only its article does.
  const member: TitledPerson = {
    name: 'Ana Ruiz',
    role: 'state_representative',
    gender: null,
    title: 'Assemblymember',
  };
  assert.equal(officialTitle(member, 'es'), 'Asambleísta Ana Ruiz');
  assert.equal(officialInSentence(member, 'es'), 'Ana Ruiz');
  assert.equal(officialRole(member, 'es'), null);
});

test('in a Spanish sentence the title takes its article, in lower case', () => {
  assert.equal(officialInSentence(trump, 'es'), 'el presidente Donald J. Trump');
  assert.equal(officialInSentence(murray, 'es'), 'la senadora Patty Murray');
  assert.equal(officialInSentence(pr, 'es'), 'el comisionado residente Pablo José Hernández');
  const rep: TitledPerson = { name: 'Rita Rep', role: 'representative', gender: 'F', title: 'Representative' };
  assert.equal(officialInSentence(rep, 'es'), 'la representante Rita Rep');
  const secretary: TitledPerson = { name: 'Shirley Weber', role: 'secretary_of_state', gender: 'F', title: '' };
  assert.equal(officialInSentence(secretary, 'es'), 'la secretaria de Estado Shirley Weber');
  assert.equal(officialInSentence(trump, 'en'), 'President Donald J. Trump');
});

test('state legislators keep their state title, translated', () => {
  const member: TitledPerson = { name: 'Ana Ruiz', role: 'state_representative', gender: 'F', title: 'Assemblymember' };
  assert.equal(officialTitle(member, 'en'), 'Assemblymember Ana Ruiz');
  assert.equal(officialTitle(member, 'es'), 'Asambleísta Ana Ruiz');
  const senator: TitledPerson = { name: 'Scott Wiener', role: 'state_senator', gender: 'M', title: 'Senator' };
  assert.equal(officeName(senator, 'es'), 'la oficina del senador estatal Scott Wiener');
});

test('a title Voz has no Spanish for is shown as written, never mixed into Spanish', () => {
  const comptroller: TitledPerson = { name: 'Ana Ruiz', role: 'auditor', gender: 'F', title: 'Comptroller' };
  const odd: TitledPerson = { ...comptroller, role: 'state_legislator', title: 'Comptroller' };
  assert.equal(officialTitle(odd, 'en'), 'Comptroller Ana Ruiz');
  assert.equal(officialTitle(odd, 'es'), 'Ana Ruiz');
  assert.deepEqual(officialRole(odd, 'es'), { text: 'Comptroller', lang: 'en' });
});

test('a custom target keeps its title in the language it was written in', () => {
  assert.equal(officialTitle(mayor, 'en'), 'Mayor Jordan Lee');
  assert.equal(officeName(mayor, 'en'), 'the office of Mayor Jordan Lee');
  assert.equal(officialTitle(mayor, 'es'), 'Jordan Lee');
  assert.equal(officeName(mayor, 'es'), 'la oficina de Jordan Lee');
  assert.deepEqual(officialRole(mayor, 'es'), { text: 'Mayor', lang: 'en' });
  const secretaria: TitledPerson = {
    name: 'Kristi Noem',
    role: 'custom',
    gender: null,
    title: 'Secretaria de Seguridad Nacional',
    titleLang: 'es',
  };
  assert.equal(officialTitle(secretaria, 'es'), 'Secretaria de Seguridad Nacional Kristi Noem');
  // No article Voz would have to guess.
  assert.equal(officeName(secretaria, 'es'), 'la oficina de Kristi Noem');
  assert.equal(officialTitle(secretaria, 'en'), 'Kristi Noem');
});

test('[office] names the office with its article', () => {
  assert.equal(officeName(padilla, 'en'), 'the office of Senator Alex Padilla');
  assert.equal(officeName(murray, 'es'), 'la oficina de la senadora Patty Murray');
  assert.equal(officeName(trump, 'es'), 'la oficina del presidente Donald J. Trump');
  assert.equal(officeName(pr, 'es'), 'la oficina del comisionado residente Pablo José Hernández');
});
