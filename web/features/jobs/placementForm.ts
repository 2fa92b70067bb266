import type { PlacementKind } from '../../../server/modules/placements/placements.schemas.ts';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { numberOrNull } from '../../shared/jobs/vacancyForm.ts';

// What the placement form edits, how a hired proposal fills it in, and how it becomes the
// API's input. Pure, so that it is unit-tested.

/** The employer select's entry for an employer outside the network (named in a text field). */
export const OTHER_EMPLOYER = 'other';

export interface PlacementFormValues {
  proposalId: string;
  kind: string;
  firstLabourMarket: 'yes' | 'no';
  /** An employer's id, OTHER_EMPLOYER, or '' (none, e.g. self-employed). */
  employer: string;
  employerName: string;
  startsOn: string;
  hoursPerWeek: string;
  occupation: string;
}

export const emptyPlacement: PlacementFormValues = {
  proposalId: '',
  kind: '',
  firstLabourMarket: 'yes',
  employer: '',
  employerName: '',
  startsOn: '',
  hoursPerWeek: '',
  occupation: '',
};

const KIND_OF_VACANCY: Record<VacancyView['kind'], PlacementKind | ''> = {
  job: 'employment',
  apprenticeship: 'apprenticeship',
  internship: '',
};

/** The form filled in from a hired proposal and its vacancy: employer, occupation, hours, kind and start. */
export function placementValuesFrom(proposal: ProposalView, vacancy: VacancyView | undefined): PlacementFormValues {
  return {
    ...emptyPlacement,
    proposalId: proposal.id,
    employer: proposal.employerId,
    kind: vacancy ? KIND_OF_VACANCY[vacancy.kind] : '',
    occupation: vacancy ? (vacancy.occupation ?? vacancy.title) : proposal.vacancyTitle,
    hoursPerWeek: vacancy?.hoursPerWeek ? String(vacancy.hoursPerWeek) : '',
    // The vacancy's start if it lies after the hire, else the day of the hire.
    startsOn: vacancy?.startsOn && vacancy.startsOn > proposal.stageOn ? vacancy.startsOn : proposal.stageOn,
  };
}

export function placementInputOf(v: PlacementFormValues) {
  const other = v.employer === OTHER_EMPLOYER;
  return {
    kind: v.kind || undefined,
    firstLabourMarket: v.firstLabourMarket === 'yes',
    employerId: v.employer && !other ? v.employer : null,
    employerName: other ? v.employerName : null,
    startsOn: v.startsOn,
    hoursPerWeek: numberOrNull(v.hoursPerWeek),
    occupation: v.occupation,
    proposalId: v.proposalId || null,
  };
}
