import type { TFunction } from 'i18next';
import type { AttendanceStatus, EnrolmentState, OfferKind, TargetGroup } from '../../../server/modules/offers/offers.schemas.ts';

// The words for the codes of offers and enrolments; unknown codes (a newer server) show as they are.

export const offerKindLabel = (t: TFunction, kind: OfferKind): string => t(`offers.kinds.${kind}`, { defaultValue: kind });
export const targetGroupLabel = (t: TFunction, group: TargetGroup): string => t(`offers.targetGroups.${group}`, { defaultValue: group });
export const enrolmentStateLabel = (t: TFunction, state: EnrolmentState): string => t(`offers.states.${state}`, { defaultValue: state });
export const attendanceLabel = (t: TFunction, status: AttendanceStatus): string =>
  t(`offers.attendanceStatuses.${status}`, { defaultValue: status });

/** Badge colours dark enough for white text (WCAG AA); the text always says the state too. */
export const STATE_COLOURS: Record<EnrolmentState, string> = {
  enrolled: 'teal.9',
  waiting: 'orange.9',
  completed: 'green.9',
  dropped_out: 'red.9',
  cancelled: 'gray.7',
};
