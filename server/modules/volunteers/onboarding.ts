import { addMonths } from '../../dates.ts';

// Whether a volunteer may start a mentorship: the volunteering agreement and the
// confidentiality pledge signed, and, where the network requires it, an extended
// certificate of conduct (erweitertes Führungszeugnis) not older than the network allows.
// Pure, so that the rule is tested on its own and the service and the list say the same.

export const ONBOARDING_GAPS = ['agreement', 'pledge', 'certificate', 'certificate_too_old'] as const;
export type OnboardingGap = (typeof ONBOARDING_GAPS)[number];

export interface OnboardingRule {
  certificateRequired: boolean;
  certificateMaxAgeMonths: number;
}

export interface OnboardingFacts {
  agreementSignedOn: string | null;
  pledgeSignedOn: string | null;
  certificateIssuedOn: string | null;
}

/** What is missing on a day; empty: onboarded. */
export function onboardingGaps(facts: OnboardingFacts, rule: OnboardingRule, on: string): OnboardingGap[] {
  const gaps: OnboardingGap[] = [];
  if (!facts.agreementSignedOn || facts.agreementSignedOn > on) gaps.push('agreement');
  if (!facts.pledgeSignedOn || facts.pledgeSignedOn > on) gaps.push('pledge');
  if (rule.certificateRequired) {
    if (!facts.certificateIssuedOn || facts.certificateIssuedOn > on) gaps.push('certificate');
    // Issued on 1 March with a rule of 36 months: valid up to and including 1 March three years on.
    else if (addMonths(facts.certificateIssuedOn, rule.certificateMaxAgeMonths) < on) gaps.push('certificate_too_old');
  }
  return gaps;
}
