import type { ParticipantExtraTab } from '../features/participants/ParticipantPage.tsx';
import { JobsTab } from '../features/jobs/JobsTab.tsx';
import { PlanTab } from '../features/plans/PlanTab.tsx';
import { ReferralsTab } from '../features/plans/ReferralsTab.tsx';
import { LeavingSituationTab } from '../features/leaving/LeavingSituationTab.tsx';

// The case file's tabs that other features add: the cycle's support plan and referrals, and
// the jobs tab (job profile, matching, proposals, placements). The app composes them into the
// participant page, since features do not import each other.
export const CASE_FILE_TABS: ParticipantExtraTab[] = [
  { name: 'plan', label: (t) => t('plan.tabTitle'), panel: (participant) => <PlanTab participant={participant} /> },
  { name: 'referrals', label: (t) => t('referralsTab.tabTitle'), panel: (participant) => <ReferralsTab participant={participant} /> },
  { name: 'jobs', label: (t) => t('jobs.tabTitle'), panel: (participant) => <JobsTab participant={participant} /> },
  { name: 'leaving', label: (t) => t('esf.leaving.tabTitle'), panel: (participant) => <LeavingSituationTab participant={participant} /> },
];
