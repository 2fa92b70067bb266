import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, nextWorkingDay } from './dates.ts';

test('addMonths keeps the day or takes the month’s last one', () => {
  assert.equal(addMonths('2026-01-15', 6), '2026-07-15');
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
  assert.equal(addMonths('2027-08-31', 6), '2028-02-29');
  assert.equal(addMonths('2026-11-30', 2), '2027-01-30');
});

test('addDays crosses months and years', () => {
  assert.equal(addDays('2026-12-30', 3), '2027-01-02');
  assert.equal(addDays('2026-03-01', -28), '2026-02-01');
});

test('weekends move to Monday', () => {
  assert.equal(nextWorkingDay('2026-11-28'), '2026-11-30'); // Saturday
  assert.equal(nextWorkingDay('2026-11-29'), '2026-11-30'); // Sunday
  assert.equal(nextWorkingDay('2026-11-30'), '2026-11-30');
});

test('the day is the German one: 23:30 UTC in winter is the next day in Berlin', async () => {
  const { dayInGermany } = await import('./dates.ts');
  assert.equal(dayInGermany(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  assert.equal(dayInGermany(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
  assert.equal(dayInGermany(new Date('2026-07-01T22:01:00Z')), '2026-07-02');
});
