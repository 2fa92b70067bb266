import type { TFunction } from 'i18next';
import type { EMPLOYER_CONTACT_KINDS, EMPLOYER_SIZES } from '../../../server/modules/employers/employers.schemas.ts';
import type { MatchFlag, Reachability } from '../../../server/modules/matching/matching.schemas.ts';
import type { PlacementKind } from '../../../server/modules/placements/placements.schemas.ts';
import type { ProposalStage } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { PHYSICAL_DEMANDS, VACANCY_KINDS, VACANCY_STATUSES } from '../../../server/modules/vacancies/vacancies.schemas.ts';

// The words for the codes of employers, vacancies, proposals and placements, shared by the
// staff's jobs pages and the employer's portal. Unknown codes (a newer server) show as they are.

export type VacancyKind = (typeof VACANCY_KINDS)[number];
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export type PhysicalDemands = (typeof PHYSICAL_DEMANDS)[number];
export type EmployerSize = (typeof EMPLOYER_SIZES)[number];
export type EmployerContactKind = (typeof EMPLOYER_CONTACT_KINDS)[number];

export const stageLabel = (t: TFunction, stage: ProposalStage): string => t(`jobs.stages.${stage}`, { defaultValue: stage });
export const vacancyKindLabel = (t: TFunction, kind: VacancyKind): string => t(`jobs.vacancyKinds.${kind}`, { defaultValue: kind });
export const vacancyStatusLabel = (t: TFunction, status: VacancyStatus): string =>
  t(`jobs.vacancyStatuses.${status}`, { defaultValue: status });
export const physicalDemandsLabel = (t: TFunction, value: PhysicalDemands): string =>
  t(`jobs.physicalDemandsLevels.${value}`, { defaultValue: value });
export const employerSizeLabel = (t: TFunction, size: EmployerSize): string => t(`jobs.employerSizes.${size}`, { defaultValue: size });
export const contactKindLabel = (t: TFunction, kind: EmployerContactKind): string => t(`jobs.contactKinds.${kind}`, { defaultValue: kind });
export const reachabilityLabel = (t: TFunction, value: Reachability): string => t(`jobs.reachabilities.${value}`, { defaultValue: value });
export const placementKindLabel = (t: TFunction, kind: PlacementKind): string => t(`jobs.placementKinds.${kind}`, { defaultValue: kind });
/** A flag in the words DESIGN.md allows: a restriction is named, never described. */
export const flagLabel = (t: TFunction, flag: MatchFlag): string => t(`jobs.flags.${flag}`, { defaultValue: flag });

/** Badge colours dark enough for white text (WCAG AA); the text always says the stage too. */
export const STAGE_COLOURS: Record<ProposalStage, string> = {
  proposed: 'gray.7',
  applied: 'blue.8',
  interview: 'indigo.8',
  trial_work: 'violet.9',
  hired: 'teal.9',
  rejected: 'red.9',
  withdrawn: 'dark.5',
};

export const FLAG_COLOURS: Record<MatchFlag, string> = {
  // Mantine's orange.9 is too light for white text (4.0:1): a darker orange-brown.
  permission_required: '#9c3d00',
  restriction_applies: 'grape.9',
  residence_unknown: 'gray.7',
};
