import type { ParticipantExtraTab } from '../features/participants/ParticipantPage.tsx';
import { PlanTab } from '../features/plans/PlanTab.tsx';
import { ReferralsTab } from '../features/plans/ReferralsTab.tsx';

// The case file's tabs that belong to the cycle: the support plan and the referrals.
// The app composes them into the participant page, since features do not import each other.
export const CYCLE_TABS: ParticipantExtraTab[] = [
  { name: 'plan', label: (t) => t('plan.tabTitle'), panel: (participant) => <PlanTab participant={participant} /> },
  { name: 'referrals', label: (t) => t('referralsTab.tabTitle'), panel: (participant) => <ReferralsTab participant={participant} /> },
];
