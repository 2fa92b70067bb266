import type { ParticipantExtraTab } from '../features/participants/ParticipantPage.tsx';
import { ApprenticeshipTab } from '../features/apprenticeships/ApprenticeshipTab.tsx';
import { JobsTab } from '../features/jobs/JobsTab.tsx';
import { OffersTab } from '../features/offers/OffersTab.tsx';
import { MentorshipsTab } from '../features/mentorships/MentorshipsTab.tsx';
import { PlanTab } from '../features/plans/PlanTab.tsx';
import { ReferralsTab } from '../features/plans/ReferralsTab.tsx';
import { LeavingSituationTab } from '../features/leaving/LeavingSituationTab.tsx';

// The case file's tabs that other features add: the cycle's support plan and referrals,
// the jobs tab (job profile, matching, proposals, placements) and the person's mentorships.
// The app composes them into the participant page, since features do not import each other.
export const CASE_FILE_TABS: ParticipantExtraTab[] = [
  { name: 'plan', label: (t) => t('plan.tabTitle'), panel: (participant) => <PlanTab participant={participant} /> },
  { name: 'referrals', label: (t) => t('referralsTab.tabTitle'), panel: (participant) => <ReferralsTab participant={participant} /> },
  { name: 'jobs', label: (t) => t('jobs.tabTitle'), panel: (participant) => <JobsTab participant={participant} /> },
  // Offers: the participant's enrolments, and enrolling from a step of the current plan.
  { name: 'offers', label: (t) => t('offers.tab.title'), panel: (participant) => <OffersTab participant={participant} /> },
  { name: 'mentorships', label: (t) => t('mentorships.tab.title'), panel: (participant) => <MentorshipsTab participant={participant} /> },
  {
    name: 'apprenticeship',
    label: (t) => t('apprenticeships.tab.title'),
    panel: (participant) => <ApprenticeshipTab participant={participant} />,
  },
  { name: 'leaving', label: (t) => t('esf.leaving.tabTitle'), panel: (participant) => <LeavingSituationTab participant={participant} /> },
];
