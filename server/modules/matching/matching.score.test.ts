import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assess, exclusionOf, explain, flagsOf, MAX_POINTS, scoreOf, type CandidateFacts, type VacancyFacts } from './matching.score.ts';

// The matching rule, part by part: hard rules first, then what each part of the score
// gives and why.

const WUPPERTAL = { lat: 51.2562, lng: 7.1508 };
const SOLINGEN = { lat: 51.1652, lng: 7.0671 };
const PADERBORN = { lat: 51.7191, lng: 8.7575 };

const candidate = (over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  participantId: 'p1',
  name: 'Amal Haddad',
  skillIds: new Set(['dough', 'oven']),
  germanLevel: 'B1',
  carLicence: false,
  reachability: 'public_transport',
  coordinates: WUPPERTAL,
  childcareNeeded: false,
  maxHoursPerWeek: null,
  availableFrom: null,
  shiftWork: null,
  weekendWork: null,
  workClause: 'permitted',
  employability: null,
  ...over,
});
const vacancy = (over: Partial<VacancyFacts> = {}): VacancyFacts => ({
  vacancyId: 'v1',
  requiredSkillIds: ['dough', 'oven'],
  germanLevel: 'A2',
  drivingLicence: false,
  shiftWork: false,
  weekendWork: false,
  coordinates: WUPPERTAL,
  hoursPerWeek: 30,
  startsOn: '2027-01-01',
  ...over,
});

test('a document that forbids work excludes the candidate; one that needs permission flags it', () => {
  assert.equal(exclusionOf(candidate({ workClause: 'not_permitted' })), 'work_not_permitted');
  assert.equal(exclusionOf(candidate({ workClause: 'permission_required' })), null);
  assert.deepEqual(flagsOf(candidate({ workClause: 'permission_required' })), ['permission_required']);
  assert.deepEqual(flagsOf(candidate({ workClause: null })), ['residence_unknown']);
});

test('an employability check counts without saying why: restrictions flag, not fit for now excludes', () => {
  assert.deepEqual(flagsOf(candidate({ employability: 'fit_with_restrictions' })), ['restriction_applies']);
  assert.equal(exclusionOf(candidate({ employability: 'not_fit_for_now' })), 'restriction_applies');
  assert.equal(exclusionOf(candidate({ employability: 'fit' })), null);
});

test('a candidate who meets everything next door scores 100', () => {
  const a = assess(candidate({ maxHoursPerWeek: 39 }), vacancy());
  assert.equal(a.score, 100);
  assert.equal(a.distanceKm, 0);
});

test('skills score by the share of required skills the person has, and say which are missing', () => {
  const c = candidate({ skillIds: new Set(['dough']) });
  const v = vacancy();
  const a = assess(c, v);
  assert.equal(a.skills, 20);
  const labels = new Map([['oven', { id: 'oven', labelDe: 'Ofen', labelEn: 'Oven' }]]);
  const reasons = explain(c, v, a, labels);
  assert.deepEqual(
    reasons.skills.missing.map((s) => s.labelDe),
    ['Ofen'],
  );
  assert.deepEqual(
    reasons.skills.matched.map((s) => s.id),
    ['dough'],
  );
  assert.equal(assess(c, vacancy({ requiredSkillIds: [] })).skills, MAX_POINTS.skills);
});

test('German level: met gives all, one level below half, further below nothing, unknown little', () => {
  assert.equal(assess(candidate({ germanLevel: 'B2' }), vacancy({ germanLevel: 'B1' })).germanLevel, 20);
  assert.equal(assess(candidate({ germanLevel: 'A2' }), vacancy({ germanLevel: 'B1' })).germanLevel, 10);
  assert.equal(assess(candidate({ germanLevel: 'A1' }), vacancy({ germanLevel: 'B1' })).germanLevel, 0);
  assert.equal(assess(candidate({ germanLevel: null }), vacancy({ germanLevel: 'B1' })).germanLevel, 5);
});

test('distance counts against how far the person gets: Solingen is near by train, Paderborn too far even by car', () => {
  const solingen = assess(candidate(), vacancy({ coordinates: SOLINGEN }));
  assert.ok(solingen.distanceKm! > 8 && solingen.distanceKm! < 15, String(solingen.distanceKm));
  assert.ok(solingen.distance > 8 && solingen.distance < 15);
  assert.equal(assess(candidate({ reachability: 'bike' }), vacancy({ coordinates: SOLINGEN })).distance, 0);
  const paderborn = assess(candidate({ reachability: 'car' }), vacancy({ coordinates: PADERBORN }));
  assert.ok(paderborn.distanceKm! > 100);
  assert.equal(paderborn.distance, 0);
  assert.equal(assess(candidate({ coordinates: null }), vacancy()).distance, 7);
});

test('hours: more than the person can work gives nothing; full time with children to care for counts low', () => {
  assert.equal(assess(candidate({ maxHoursPerWeek: 20 }), vacancy({ hoursPerWeek: 30 })).hours, 0);
  assert.equal(assess(candidate({ maxHoursPerWeek: 30 }), vacancy({ hoursPerWeek: 30 })).hours, 10);
  assert.equal(assess(candidate({ childcareNeeded: true }), vacancy({ hoursPerWeek: 39 })).hours, 3);
  assert.equal(assess(candidate({ childcareNeeded: true }), vacancy({ hoursPerWeek: 20 })).hours, 7);
});

test('start date and conditions: available too late, no licence, no to weekends', () => {
  assert.equal(assess(candidate({ availableFrom: '2027-03-01' }), vacancy({ startsOn: '2027-01-01' })).start, 0);
  const v = vacancy({ drivingLicence: true, weekendWork: true, shiftWork: true });
  const c = candidate({ weekendWork: false });
  const a = assess(c, v);
  assert.equal(a.conditions, 3);
  const reasons = explain(c, v, a, new Map());
  assert.deepEqual(
    [reasons.conditions.drivingLicence, reasons.conditions.shiftWork, reasons.conditions.weekendWork],
    ['missing', 'ok', 'missing'],
  );
  assert.equal(assess(candidate({ carLicence: true }), vacancy({ drivingLicence: true })).conditions, 10);
});

test('the fast score is the sum of the explained parts, whatever the facts', () => {
  const candidates = [
    candidate(),
    candidate({ germanLevel: null, coordinates: null, shiftWork: false, carLicence: true, maxHoursPerWeek: 20 }),
  ];
  const vacancies = [
    vacancy(),
    vacancy({ drivingLicence: true, shiftWork: true, germanLevel: 'C1', coordinates: SOLINGEN, hoursPerWeek: null }),
  ];
  for (const c of candidates) for (const v of vacancies) assert.equal(scoreOf(c, v), assess(c, v).score);
});
