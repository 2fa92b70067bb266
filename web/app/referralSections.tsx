import type { ReferralExtraSection } from '../features/cycle/ReferralPage.tsx';
import { ReferralProposeSection } from '../features/jobs/ReferralProposeSection.tsx';

// The sections other features add to a live referral for the partner's caseworker: the job
// coach proposes the person to an employer (jobs). The app composes them into the cycle's
// referral page, since features do not import each other.
export const LIVE_REFERRAL_SECTIONS: ReferralExtraSection[] = [
  {
    name: 'propose',
    panel: (referral) => <ReferralProposeSection participantId={referral.participantId} participantName={referral.participantName} />,
  },
];
