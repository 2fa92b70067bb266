import type { PlanDraftInput, PlanVersionView, StepStatus } from '../../../server/modules/plans/plans.schemas.ts';

// The draft editor's form values and the PUT body made from them. Goals and steps
// carry their lineage id, so that a step keeps its identity across versions and the
// diff pairs it; new ones have none until the server gives them one.

export interface StepValues {
  key: string;
  lineageId: string;
  stepTypeId: string;
  text: string;
  responsibleOrganisationId: string;
  dueOn: string;
  status: StepStatus;
  statusNote: string;
}

export interface GoalValues {
  key: string;
  lineageId: string;
  title: string;
  steps: StepValues[];
}

export interface DraftValues {
  goals: GoalValues[];
}

let counter = 0;
/** A React key for a row that has no id yet. */
export const newKey = () => `new-${++counter}`;

export function valuesOf(plan: PlanVersionView): DraftValues {
  return {
    goals: plan.goals.map((g) => ({
      key: g.id,
      lineageId: g.lineageId,
      title: g.title,
      steps: g.steps.map((s) => ({
        key: s.id,
        lineageId: s.lineageId,
        stepTypeId: s.stepTypeId,
        text: s.text,
        responsibleOrganisationId: s.responsibleOrganisationId,
        dueOn: s.dueOn ?? '',
        status: s.status,
        statusNote: s.statusNote ?? '',
      })),
    })),
  };
}

export function emptyStep(responsibleOrganisationId: string): StepValues {
  return { key: newKey(), lineageId: '', stepTypeId: '', text: '', responsibleOrganisationId, dueOn: '', status: 'open', statusNote: '' };
}

export function emptyGoal(): GoalValues {
  return { key: newKey(), lineageId: '', title: '', steps: [] };
}

export function inputOf(values: DraftValues, version: number): PlanDraftInput {
  return {
    version,
    goals: values.goals.map((g) => ({
      lineageId: g.lineageId || undefined,
      title: g.title,
      steps: g.steps.map((s) => ({
        lineageId: s.lineageId || undefined,
        stepTypeId: s.stepTypeId,
        text: s.text,
        responsibleOrganisationId: s.responsibleOrganisationId,
        dueOn: s.dueOn || null,
        status: s.status,
        statusNote: s.statusNote.trim() || null,
      })),
    })),
  };
}

/** "2 goals, 3 steps: Ausbildung, Führerschein", for the conflict notice. */
export function summaryOf(values: DraftValues): { goals: number; steps: number; titles: string } {
  return {
    goals: values.goals.length,
    steps: values.goals.reduce((n, g) => n + g.steps.length, 0),
    titles: values.goals.map((g) => g.title).join(', '),
  };
}
