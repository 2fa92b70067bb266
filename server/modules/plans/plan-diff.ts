import type { GoalView, PlanDiff, PlanVersionView } from './plans.schemas.ts';

// What changed between two plan versions. Goals and steps are paired by lineage id,
// which a step keeps in every version it is carried into.

type Change = PlanDiff['goals'][number]['changes'][number];

const STEP_FIELDS = ['stepTypeKey', 'text', 'responsibleOrganisationName', 'dueOn', 'status', 'statusNote'] as const;

function changesOf<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Change[] {
  return fields.filter((f) => before[f] !== after[f]).map((field) => ({ field, before: before[field], after: after[field] }));
}

function diffSteps(before: GoalView | undefined, after: GoalView | undefined): PlanDiff['goals'][number]['steps'] {
  const old = new Map((before?.steps ?? []).map((s) => [s.lineageId, s]));
  const result: PlanDiff['goals'][number]['steps'] = [];
  for (const step of after?.steps ?? []) {
    const previous = old.get(step.lineageId);
    old.delete(step.lineageId);
    const changes = previous ? changesOf(previous, step, STEP_FIELDS) : [];
    result.push({
      lineageId: step.lineageId,
      text: step.text,
      stepTypeKey: step.stepTypeKey,
      stepTypeLabels: step.stepTypeLabels,
      change: !previous ? 'added' : changes.length > 0 ? 'changed' : 'unchanged',
      changes,
    });
  }
  for (const step of old.values())
    result.push({
      lineageId: step.lineageId,
      text: step.text,
      stepTypeKey: step.stepTypeKey,
      stepTypeLabels: step.stepTypeLabels,
      change: 'removed',
      changes: [],
    });
  return result;
}

export function diffPlans(from: PlanVersionView, to: PlanVersionView): PlanDiff['goals'] {
  const old = new Map(from.goals.map((g) => [g.lineageId, g]));
  const goals: PlanDiff['goals'] = [];
  for (const goal of to.goals) {
    const previous = old.get(goal.lineageId);
    old.delete(goal.lineageId);
    const changes = previous ? changesOf(previous, goal, ['title']) : [];
    const steps = diffSteps(previous, goal);
    const stepsChanged = steps.some((s) => s.change !== 'unchanged');
    goals.push({
      lineageId: goal.lineageId,
      title: goal.title,
      change: !previous ? 'added' : changes.length > 0 || stepsChanged ? 'changed' : 'unchanged',
      changes,
      steps,
    });
  }
  for (const goal of old.values())
    goals.push({ lineageId: goal.lineageId, title: goal.title, change: 'removed', changes: [], steps: diffSteps(goal, undefined) });
  return goals;
}
