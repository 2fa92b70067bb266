import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import { caseloadCsvColumns, filterByName, pageOf, sortCaseload } from './caseloadList.ts';
import type { CaseloadPerson } from './queries.ts';

const t = ((key: string, options?: Record<string, unknown>) =>
  options && Object.keys(options).length ? `${key}(${Object.values(options).join('|')})` : key) as unknown as TFunction;

const person = (name: string, scores: number[], excludedBecause: CaseloadPerson['excludedBecause'] = null): CaseloadPerson => ({
  participantId: crypto.randomUUID(),
  name,
  flags: excludedBecause ? [] : ['permission_required'],
  excludedBecause,
  best: scores.map((score, i) => ({ vacancyId: crypto.randomUUID(), title: `Stelle ${i + 1}`, employerName: 'Bäckerei', score })),
});

const people = [
  person('Şule Yılmaz', [81, 60]),
  person('Jonas Müller', [64]),
  person('Amal Haddad', [], 'work_not_permitted'),
  person('Omar Haddad', [81]),
];

test('the name filter ignores case and accents, and needs every word typed', () => {
  assert.deepEqual(
    filterByName(people, 'sule').map((p) => p.name),
    ['Şule Yılmaz'],
  );
  assert.deepEqual(
    filterByName(people, 'MULLER').map((p) => p.name),
    ['Jonas Müller'],
  );
  assert.deepEqual(
    filterByName(people, 'haddad amal').map((p) => p.name),
    ['Amal Haddad'],
  );
  assert.equal(filterByName(people, '  ').length, 4);
});

test('the best score first, ties by name, and the excluded (no score) last; or by name', () => {
  assert.deepEqual(
    sortCaseload(people, 'score', 'desc').map((p) => p.name),
    ['Omar Haddad', 'Şule Yılmaz', 'Jonas Müller', 'Amal Haddad'],
  );
  assert.deepEqual(
    sortCaseload(people, 'name', 'asc').map((p) => p.name),
    ['Amal Haddad', 'Jonas Müller', 'Omar Haddad', 'Şule Yılmaz'],
  );
  assert.deepEqual(
    sortCaseload(people, 'name', 'desc').map((p) => p.name),
    ['Şule Yılmaz', 'Omar Haddad', 'Jonas Müller', 'Amal Haddad'],
  );
});

test('a page past the end shows the last page', () => {
  assert.deepEqual(pageOf([1, 2, 3, 4, 5], 2, 2), { rows: [3, 4], page: 2 });
  assert.deepEqual(pageOf([1, 2, 3, 4, 5], 9, 2), { rows: [5], page: 3 });
  assert.deepEqual(pageOf([], 1, 25), { rows: [], page: 1 });
});

test('the export has a vacancy, employer and score column for each rank, empty where a person has fewer', () => {
  const columns = caseloadCsvColumns(t, 2);
  assert.deepEqual(
    columns.map((c) => c.header),
    [
      'jobs.caseload.person',
      'jobs.caseload.flags',
      'jobs.caseload.excluded',
      'jobs.caseload.csvVacancy(1)',
      'jobs.caseload.csvEmployer(1)',
      'jobs.caseload.csvScore(1)',
      'jobs.caseload.csvVacancy(2)',
      'jobs.caseload.csvEmployer(2)',
      'jobs.caseload.csvScore(2)',
    ],
  );
  assert.deepEqual(
    columns.map((c) => c.value(people[1]!)),
    [
      'Jonas Müller',
      'jobs.flags.permission_required(permission_required)',
      '',
      'Stelle 1',
      'Bäckerei',
      64,
      undefined,
      undefined,
      undefined,
    ],
  );
  assert.equal(columns[2]!.value(people[2]!), 'jobs.caseload.excludedBecause.work_not_permitted(work_not_permitted)');
});
