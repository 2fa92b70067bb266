import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ConsentRecipient } from '../../../server/modules/consents/consents.schemas.ts';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import type { PlanOverview, StepStatus, StepTypeView } from '../../../server/modules/plans/plans.schemas.ts';
import type { ReferralListItem, ReferralView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The queries of the plan and referrals tabs, and the words for their codes.

export function planQueryKey(participantId: string) {
  return ['/api/participants', participantId, 'plan'] as const;
}

export function usePlan(participantId: string) {
  return useQuery({
    queryKey: planQueryKey(participantId),
    queryFn: () => api.get<PlanOverview>(`/api/participants/${participantId}/plan`),
  });
}

export function useStepTypes() {
  return useQuery({ queryKey: ['/api/step-types'], queryFn: () => api.get<StepTypeView[]>('/api/step-types'), staleTime: 5 * 60_000 });
}

/** The partner organisations of the network (the consent recipients of kind partner). */
export function usePartners() {
  return useQuery({
    queryKey: ['/api/consent-recipients'],
    queryFn: () => api.get<ConsentRecipient[]>('/api/consent-recipients'),
    select: (recipients) => recipients.filter((r) => r.kind === 'partner'),
  });
}

/** Who may be responsible for a step: the participant's office, then the partners. */
export function useResponsibleOptions(participant: ParticipantView) {
  const partners = usePartners();
  return [
    { value: participant.officeId, label: participant.officeName },
    ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];
}

export function referralsQueryKey(participantId: string) {
  return ['/api/referrals', { participantId }] as const;
}

export function referralQueryKey(id: string) {
  return ['/api/referrals', id] as const;
}

export function useReferrals(participantId: string) {
  return useQuery({
    queryKey: referralsQueryKey(participantId),
    queryFn: () => api.get<ReferralListItem[]>('/api/referrals', { participantId, box: 'all' }),
  });
}

export function useReferral(id: string, enabled = true) {
  return useQuery({ queryKey: referralQueryKey(id), queryFn: () => api.get<ReferralView>(`/api/referrals/${id}`), enabled });
}

/** A step type's label in the UI language, German where it has none. */
export function stepTypeLabel(labels: StepTypeView['labels'] | undefined, language: string, fallback = ''): string {
  if (!labels) return fallback;
  const own = labels[language as keyof StepTypeView['labels']];
  return own?.trim() ? own : labels.de;
}

export function stepStatusLabel(t: TFunction, status: StepStatus): string {
  return t(`plan.statuses.${status}`);
}

/** Badge colours dark enough for white text (WCAG AA); the text always says the status too. */
export const STEP_STATUS_COLOURS: Record<StepStatus, string> = {
  open: 'gray.7',
  in_progress: 'blue.8',
  done: 'teal.9',
  dropped: 'grape.9',
};

export const today = () => new Date().toISOString().slice(0, 10);

/** The network's cycle length in months (six unless the admin set another), for the referral's default end. */
export function useCycleMonths(): number {
  const rules = useQuery({ queryKey: ['/api/cycle-rules'], queryFn: () => api.get<{ cycleMonths: number }>('/api/cycle-rules') });
  return rules.data?.cycleMonths ?? 6;
}

/** The same day some months later (the last day of a shorter month), as the server counts. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return '';
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}
