import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessRisk, type RiskFacts } from './apprenticeships.risk.ts';

// The early-warning rule of decision 0017, case by case.

const TODAY = '2026-12-01';
const facts = (f: Partial<RiskFacts> = {}): RiskFacts => ({
  latestSignals: [],
  previousSignals: [],
  residenceValidUntil: null,
  nextCheckInOn: null,
  today: TODAY,
  ...f,
});
const codes = (f: Partial<RiskFacts>) => assessRisk(facts(f)).reasons.map((r) => `${r.code}${r.signal ? `:${r.signal}` : ''}`);

describe('apprenticeship risk rule', () => {
  test('no signals, a document valid for long and a check-in on time: low, no reasons', () => {
    assert.deepEqual(assessRisk(facts({ residenceValidUntil: '2028-01-01', nextCheckInOn: '2026-12-10' })), { level: 'low', reasons: [] });
  });

  test('one signal is medium, with the signal as reason', () => {
    assert.equal(assessRisk(facts({ latestSignals: ['poor_grades'] })).level, 'medium');
    assert.deepEqual(codes({ latestSignals: ['poor_grades'] }), ['signal:poor_grades']);
  });

  test('the same signal at two check-ins running is high', () => {
    const r = assessRisk(facts({ latestSignals: ['missed_school_days'], previousSignals: ['missed_school_days', 'poor_grades'] }));
    assert.equal(r.level, 'high');
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['repeated_signal'],
    );
  });

  test('a signal only at the check-in before no longer counts', () => {
    assert.equal(assessRisk(facts({ latestSignals: [], previousSignals: ['conflict_at_work'] })).level, 'low');
  });

  test('three different signals at once are high', () => {
    const f = { latestSignals: ['missed_school_days', 'poor_grades', 'conflict_at_work'] as const };
    assert.equal(assessRisk(facts({ latestSignals: [...f.latestSignals] })).level, 'high');
    assert.ok(codes({ latestSignals: [...f.latestSignals] }).includes('many_signals'));
    assert.equal(assessRisk(facts({ latestSignals: ['missed_school_days', 'poor_grades'] })).level, 'medium');
  });

  test('the residence document: expired or within 30 days high, within 90 days medium, later nothing', () => {
    assert.deepEqual(codes({ residenceValidUntil: '2026-11-30' }), ['residence_expired']);
    assert.equal(assessRisk(facts({ residenceValidUntil: '2026-11-30' })).level, 'high');
    assert.equal(assessRisk(facts({ residenceValidUntil: '2026-12-31' })).level, 'high');
    assert.equal(assessRisk(facts({ residenceValidUntil: '2027-01-01' })).level, 'medium');
    assert.equal(assessRisk(facts({ residenceValidUntil: '2027-03-01' })).level, 'medium');
    assert.equal(assessRisk(facts({ residenceValidUntil: '2027-03-02' })).level, 'low');
    assert.equal(assessRisk(facts({ residenceValidUntil: '2027-01-15' })).reasons[0]!.date, '2027-01-15');
  });

  test('a recorded residence signal beside the document is one reason, and counts once towards three', () => {
    assert.deepEqual(codes({ residenceValidUntil: '2027-02-01', latestSignals: ['residence_expiring'] }), ['residence_expiring']);
    const two = assessRisk(facts({ residenceValidUntil: '2027-02-01', latestSignals: ['residence_expiring', 'money_trouble'] }));
    assert.equal(two.level, 'medium');
    const three = assessRisk(facts({ residenceValidUntil: '2027-02-01', latestSignals: ['poor_grades', 'money_trouble'] }));
    assert.equal(three.level, 'high', 'the document is the third signal');
  });

  test('a recorded residence signal without a document date counts as a signal', () => {
    assert.deepEqual(codes({ latestSignals: ['residence_expiring'] }), ['signal:residence_expiring']);
  });

  test('a check-in more than 14 days overdue is medium', () => {
    assert.equal(assessRisk(facts({ nextCheckInOn: '2026-11-17' })).level, 'low');
    assert.deepEqual(codes({ nextCheckInOn: '2026-11-16' }), ['check_in_overdue']);
  });

  test('high reasons come before medium ones', () => {
    assert.deepEqual(codes({ residenceValidUntil: '2026-12-05', latestSignals: ['money_trouble'] }), [
      'residence_expiring',
      'signal:money_trouble',
    ]);
  });
});
