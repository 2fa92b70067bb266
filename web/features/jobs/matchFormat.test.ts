import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import type { MatchReasons } from '../../../server/modules/matching/matching.schemas.ts';
import { kilometres, reasonLines } from './matchFormat.ts';

// A stand-in for t that shows which message was chosen and with what values.
const t = ((key: string, options?: Record<string, unknown>) =>
  options && Object.keys(options).length ? `${key}(${Object.values(options).join('|')})` : key) as unknown as TFunction;

const skill = (labelDe: string, labelEn: string) => ({ id: crypto.randomUUID(), labelDe, labelEn });

const reasons: MatchReasons = {
  skills: { points: 20, max: 40, matched: [skill('Teig herstellen', 'Making dough')], missing: [skill('Kassieren', 'Cashiering')] },
  germanLevel: { points: 5, max: 15, required: 'B1', actual: 'A2' },
  distance: { points: 12, max: 15, km: 7.26, reachability: 'public_transport', limitKm: 25 },
  hours: { points: 5, max: 10, required: 38.5, available: 30, childcareNeeded: true },
  start: { points: 10, max: 10, startsOn: '2027-02-01', availableFrom: null },
  conditions: { points: 5, max: 10, drivingLicence: 'not_required', shiftWork: 'ok', weekendWork: 'missing' },
};

test('each aspect of the score says what was asked and what the person brings, with its points', () => {
  const lines = reasonLines(t, reasons, 'de');
  assert.deepEqual(
    lines.map((l) => [l.aspect, l.points, l.max]),
    [
      ['skills', 20, 40],
      ['germanLevel', 5, 15],
      ['distance', 12, 15],
      ['hours', 5, 10],
      ['start', 10, 10],
      ['conditions', 5, 10],
    ],
  );
  const text = Object.fromEntries(lines.map((l) => [l.aspect, l.text]));
  assert.equal(text.skills, 'jobs.reasons.skillsMatched(Teig herstellen); jobs.reasons.skillsMissing(Kassieren)');
  assert.equal(text.germanLevel, 'jobs.reasons.german(B1|A2)');
  assert.equal(text.distance, 'jobs.reasons.distance(7,3|25|jobs.reasons.travel.public_transport)');
  assert.equal(text.hours, 'jobs.reasons.hours(38,5|30); jobs.reasons.childcare');
  assert.match(text.start!, /^jobs\.reasons\.start\(01\.02\.2027\|jobs\.reasons\.now\)$/);
  // Only the conditions the vacancy asks for are named.
  assert.equal(
    text.conditions,
    'jobs.reasons.condition.shiftWork: jobs.reasons.conditionState.ok; jobs.reasons.condition.weekendWork: jobs.reasons.conditionState.missing',
  );
});

test('skills show in the UI language', () => {
  assert.equal(reasonLines(t, reasons, 'en')[0]!.text, 'jobs.reasons.skillsMatched(Making dough); jobs.reasons.skillsMissing(Cashiering)');
});

test('what is not known is said so, rather than shown as zero', () => {
  const unknown: MatchReasons = {
    ...reasons,
    skills: { points: 0, max: 40, matched: [], missing: [] },
    germanLevel: { points: 15, max: 15, required: null, actual: 'none' },
    distance: { points: 0, max: 15, km: null, reachability: null, limitKm: 25 },
    hours: { points: 5, max: 10, required: 20, available: null, childcareNeeded: false },
    conditions: { points: 10, max: 10, drivingLicence: 'not_required', shiftWork: 'not_required', weekendWork: 'not_required' },
  };
  const text = Object.fromEntries(reasonLines(t, unknown, 'de').map((l) => [l.aspect, l.text]));
  assert.equal(text.skills, 'jobs.reasons.skillsNone');
  assert.equal(text.germanLevel, 'jobs.reasons.germanNotRequired(jobs.reasons.noGerman)');
  assert.equal(text.distance, 'jobs.reasons.distanceUnknown');
  assert.equal(text.hours, 'jobs.reasons.hoursUnknown(20)');
  assert.equal(text.conditions, 'jobs.reasons.conditionsNone');
  const noMeans = reasonLines(t, { ...reasons, distance: { ...reasons.distance, reachability: null } }, 'en');
  assert.equal(noMeans[2]!.text, 'jobs.reasons.distanceNoMeans(7.3|25)');
});

test('kilometres are rounded to one decimal in the UI language', () => {
  assert.equal(kilometres(12.345, 'de'), '12,3');
  assert.equal(kilometres(4, 'en'), '4');
});
