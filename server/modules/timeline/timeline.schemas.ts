import { z } from 'zod';

// What a case timeline event is, shared with the web app.

export const CASE_EVENT_KINDS = [
  'participant.created',
  'participant.updated',
  'participant.imported',
  'participant.merged',
  'participant.merge_undone',
  'case.updated',
  'intake.saved',
  'employability.recorded',
  'residence.recorded',
  'residence.updated',
  'consent.given',
  'consent.withdrawn',
  'plan.drafted',
  'plan.finalised',
  'plan.step_status',
  'referral.sent',
  'referral.accepted',
  'referral.declined',
  'referral.revoked',
  'referral.completed',
  'referral.task_updated',
  'appointment.scheduled',
  'appointment.updated',
  'conference.closed',
  'job_profile.saved',
  'proposal.created',
  'proposal.stage',
  'placement.recorded',
  'placement.follow_up',
  'offer.enrolled',
  'offer.waitlisted',
  'offer.moved_up',
  'offer.completed',
  'offer.dropped_out',
  'offer.cancelled',
  // Apprenticeship support (Wegbereiter)
  'apprenticeship.agreed',
  'apprenticeship.check_in',
  'apprenticeship.ended',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const CaseEventView = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: z.enum(CASE_EVENT_KINDS),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEventView = z.infer<typeof CaseEventView>;
