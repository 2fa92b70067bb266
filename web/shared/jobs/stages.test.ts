import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byStage, nextStagesFor } from './stages.ts';

test('a proposal moves forward only, and only the staff withdraw it', () => {
  assert.deepEqual(nextStagesFor('interview', 'staff'), ['trial_work', 'hired', 'rejected', 'withdrawn']);
  assert.deepEqual(nextStagesFor('interview', 'employer'), ['trial_work', 'hired', 'rejected']);
  assert.deepEqual(nextStagesFor('proposed', 'employer'), ['applied', 'interview', 'trial_work', 'hired', 'rejected']);
  assert.deepEqual(nextStagesFor('hired', 'staff'), []);
});

test('the board puts each proposal in its stage, the most recently moved first', () => {
  const columns = byStage([
    { id: 'a', stage: 'applied' as const, stageOn: '2026-11-02' },
    { id: 'b', stage: 'applied' as const, stageOn: '2026-11-20' },
    { id: 'c', stage: 'rejected' as const, stageOn: '2026-10-01' },
  ]);
  assert.deepEqual(
    columns.applied.map((p) => p.id),
    ['b', 'a'],
  );
  assert.deepEqual(
    columns.rejected.map((p) => p.id),
    ['c'],
  );
  assert.deepEqual(columns.proposed, []);
});
