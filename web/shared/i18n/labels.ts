import type { TFunction } from 'i18next';
import type { CASE_STATUSES, GENDERS } from '../../../server/modules/participants/participants.schemas.ts';
import type { ORGANISATION_KINDS } from '../../../server/modules/organisations/organisations.schemas.ts';
import type { MembershipView } from '../../../server/modules/auth/auth.schemas.ts';

// The words for the server's codes (roles, organisation kinds, case statuses,
// genders) in the UI language. Unknown codes (a newer server) show as they are.

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Gender = (typeof GENDERS)[number];

export function roleLabel(t: TFunction, role: MembershipView['role']): string {
  return t(`roles.${role}`, { defaultValue: role });
}

export function kindLabel(t: TFunction, kind: OrganisationKind): string {
  return t(`organisationKinds.${kind}`, { defaultValue: kind });
}

export function caseStatusLabel(t: TFunction, status: CaseStatus | null): string {
  return status ? t(`caseStatuses.${status}`, { defaultValue: status }) : t('caseStatuses.none');
}

export function genderLabel(t: TFunction, gender: Gender): string {
  return t(`genders.${gender}`, { defaultValue: gender });
}
