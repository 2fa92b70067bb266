import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VacancyCreateInput, VacancyUpdateInput } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { emptyVacancy, numberOrNull, vacancyCreateInputOf, vacancyUpdateInputOf } from './vacancyForm.ts';

const EMPLOYER = '0b5f2d4e-7c1a-4f3e-9a51-2d4c6b8e0f12';

test('numbers may be typed with a comma; empty means not given', () => {
  assert.equal(numberOrNull('38,5'), 38.5);
  assert.equal(numberOrNull(' 20 '), 20);
  assert.equal(numberOrNull(''), null);
  assert.equal(numberOrNull('viel'), 'viel');
});

test("a new vacancy's form becomes input the server's schema accepts, empty fields as null", () => {
  const values = { ...emptyVacancy(EMPLOYER), title: 'Verkäufer/in', postcode: '42103', town: 'Wuppertal', hoursPerWeek: '30' };
  const parsed = VacancyCreateInput.parse(vacancyCreateInputOf(values));
  assert.equal(parsed.employerId, EMPLOYER);
  assert.equal(parsed.hoursPerWeek, 30);
  assert.equal(parsed.places, 1);
  assert.equal(parsed.germanLevel, null);
  assert.equal(parsed.startsOn, null);
  assert.equal(parsed.occupation, null);
});

test('an apprenticeship without its occupation is refused by the same rule as on the server', () => {
  const result = VacancyCreateInput.safeParse(vacancyCreateInputOf({ ...emptyVacancy(EMPLOYER), kind: 'apprenticeship', title: 'Azubi' }));
  assert.equal(result.success, false);
  assert.deepEqual(
    result.error?.issues.map((i) => i.path.join('.')),
    ['occupation'],
  );
});

test('an edit carries the status and the version it was loaded at, and no employer', () => {
  const input = vacancyUpdateInputOf({ ...emptyVacancy(EMPLOYER), title: 'Fahrer/in', status: 'filled' }, 3);
  const parsed = VacancyUpdateInput.parse(input);
  assert.equal(parsed.status, 'filled');
  assert.equal(parsed.version, 3);
  assert.equal('employerId' in input, false);
});
