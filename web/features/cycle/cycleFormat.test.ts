import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoWithOffset, isOverdue, localDateTime, stepTypeLabel } from './cycleFormat.ts';

test('an appointment moved in the form keeps its local time: date and time become an instant with the offset and back', () => {
  const iso = isoWithOffset('2027-01-15', '13:30');
  assert.match(iso, /^2027-01-15T13:30:00[+-]\d\d:\d\d$/);
  assert.deepEqual(localDateTime(iso), { date: '2027-01-15', time: '13:30' });
  // Across a daylight-saving change the offset is the one of that day.
  assert.deepEqual(localDateTime(isoWithOffset('2027-07-01', '09:05')), { date: '2027-07-01', time: '09:05' });
});

test('a step is overdue from the day after its due date, and never without one', () => {
  assert.equal(isOverdue('2026-11-22', '2026-11-23'), true);
  assert.equal(isOverdue('2026-11-23', '2026-11-23'), false);
  assert.equal(isOverdue(null, '2026-11-23'), false);
});

test('a step type shows in the UI language, in German where that language has no label', () => {
  const labels = { de: 'Praktikum', en: 'Internship', ar: 'تدريب عملي' };
  assert.equal(stepTypeLabel(labels, 'en'), 'Internship');
  assert.equal(stepTypeLabel(labels, 'ar-SY'), 'تدريب عملي');
  assert.equal(stepTypeLabel(labels, 'fa'), 'Praktikum');
});
