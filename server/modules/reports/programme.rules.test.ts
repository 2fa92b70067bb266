import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assembleProgramme, monthsOf } from './programme.ts';
import type { CountRow } from './programme.queries.ts';
import { DEFAULT_SETTINGS, estimateSavings } from './savings.ts';

// The pure rules of the dashboard: months of a period, the savings arithmetic, suppression.

const defaults = { ...DEFAULT_SETTINGS, version: 0, isDefault: true, updatedAt: null };

test('a period has every month from its first to its last, across the turn of the year', () => {
  assert.deepEqual(monthsOf('2024-11-15', '2025-02-01'), ['2024-11', '2024-12', '2025-01', '2025-02']);
  assert.deepEqual(monthsOf('2025-03-01', '2025-03-31'), ['2025-03']);
});

test('savings: placed × months × (per person + per household); none from a hidden count', () => {
  assert.equal(estimateSavings(498, defaults).total, 498 * 12 * (563 + 600));
  const own = { ...defaults, monthsWithoutBenefits: 6, monthlyAmountPerPerson: 441, monthlyAmountPerHousehold: 0, isDefault: false };
  assert.equal(estimateSavings(10, own).total, 10 * 6 * 441);
  assert.equal(estimateSavings(null, defaults).total, null);
});

test('Wuppertal at threshold 5: 1,042 participants, 448 women, 594 men, 338 under 25, 498 placed', () => {
  const rows: CountRow[] = [
    { dimension: 'total', key: 'participants', n: '1042' },
    { dimension: 'total', key: 'entrants', n: '1042' },
    { dimension: 'gender', key: 'female', n: '448' },
    { dimension: 'gender', key: 'male', n: '594' },
    { dimension: 'age', key: 'under_18', n: '40' },
    { dimension: 'age', key: '18_24', n: '298' },
    { dimension: 'age', key: '25_29', n: '180' },
    { dimension: 'age', key: '30_54', n: '500' },
    { dimension: 'age', key: '55_plus', n: '24' },
    { dimension: 'total', key: 'placed', n: '498' },
    { dimension: 'median', key: 'days', n: '212.5' },
  ];
  const r = assembleProgramme(rows, { from: '2016-01-01', to: '2020-12-31' }, defaults, 5);
  assert.equal(r.participants, 1042);
  assert.deepEqual(r.byGender, [
    { key: 'female', count: 448 },
    { key: 'male', count: 594 },
    { key: 'non_binary', count: 0 },
    { key: 'not_stated', count: 0 },
  ]);
  assert.equal(r.under25, 338);
  assert.equal(r.placementRate.placed, 498);
  assert.equal(r.placementRate.rate, 498 / 1042);
  assert.equal(r.medianDaysToPlacement, 212.5);
  assert.equal(r.savings.total, 498 * 12 * 1163);
});

test('a small part beside its whole is hidden, and so is what would reveal it', () => {
  const rows: CountRow[] = [
    { dimension: 'total', key: 'participants', n: '40' },
    { dimension: 'total', key: 'entrants', n: '38' },
    { dimension: 'age', key: '18_24', n: '20' },
    { dimension: 'age', key: '25_29', n: '3' },
    { dimension: 'age', key: '30_54', n: '17' },
    { dimension: 'total', key: 'placed', n: '12' },
    { dimension: 'city', key: 'Wuppertal', n: '30' },
    { dimension: 'city', key: 'Solingen', n: '10' },
    { dimension: 'placed_city', key: 'Wuppertal', n: '10' },
    { dimension: 'placed_city', key: 'Solingen', n: '2' },
  ];
  const r = assembleProgramme(rows, { from: '2025-01-01', to: '2025-12-31' }, defaults, 5);
  assert.equal(r.entrants, null, '38 of 40 would reveal the 2 others');
  assert.equal(r.under25, null, 'beside 18–29 it would reveal the 3 aged 25–29');
  assert.equal(r.placementRate.placed, 12);
  assert.deepEqual(
    r.placementRateByCity.map((c) => c.placed),
    [null, null],
    'Solingen’s 2 are hidden, and Wuppertal with them, or 12 − 10 would give them away',
  );
});
