import { z } from 'zod';
import { CONSENT_CATEGORIES } from '../consents/consents.schemas.ts';
import { INTAKE_SECTIONS } from '../intake/intake.schemas.ts';
import { CEFR_LEVELS, IsoDate, PastDate } from '../participants/participants.schemas.ts';
import { WORK_CLAUSES } from '../residence/residence.schemas.ts';
import { MATCH_FLAGS } from '../matching/matching.schemas.ts';

// Proposals (Vermittlungsvorschläge) of candidates to employers, their stages, and what the
// employer sees of a candidate. Shared with the web app.

export const PROPOSAL_STAGES = ['proposed', 'applied', 'interview', 'trial_work', 'hired', 'rejected', 'withdrawn'] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];
/** Stages after which nothing moves. */
export const FINAL_STAGES: readonly ProposalStage[] = ['hired', 'rejected', 'withdrawn'];

/** Where a proposal may go from each stage; a stage may be skipped, never gone back to. */
export const NEXT_STAGES: Record<ProposalStage, readonly ProposalStage[]> = {
  proposed: ['applied', 'interview', 'trial_work', 'hired', 'rejected', 'withdrawn'],
  applied: ['interview', 'trial_work', 'hired', 'rejected', 'withdrawn'],
  interview: ['trial_work', 'hired', 'rejected', 'withdrawn'],
  trial_work: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

const note = z
  .string()
  .trim()
  .max(2000, { error: 'At most 2000 characters' })
  .transform((v) => v || null)
  .nullish();

export const ProposalCreateInput = z.object({ vacancyId: z.uuid(), participantId: z.uuid(), note });
export type ProposalCreateInput = z.infer<typeof ProposalCreateInput>;

export const ProposalStageInput = z.object({
  stage: z.enum(PROPOSAL_STAGES),
  /** The day it happened; today when left out. */
  on: PastDate.optional(),
  note,
  version: z.number().int().positive(),
});
export type ProposalStageInput = z.infer<typeof ProposalStageInput>;

export const ProposalView = z.object({
  id: z.uuid(),
  vacancyId: z.uuid(),
  vacancyTitle: z.string(),
  employerId: z.uuid(),
  employerName: z.string(),
  participantId: z.uuid(),
  candidateName: z.string(),
  stage: z.enum(PROPOSAL_STAGES),
  stageOn: IsoDate,
  /** For the employer only permission_required, and only when residence is shared with them. */
  flags: z.array(z.enum(MATCH_FLAGS)),
  /** The staff's note; null in the employer's view. */
  note: z.string().nullable(),
  history: z.array(z.object({ stage: z.enum(PROPOSAL_STAGES), on: IsoDate, note: z.string().nullable(), byName: z.string().nullable() })),
  proposedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const ProposalListQuery = z.object({
  vacancyId: z.uuid().optional(),
  participantId: z.uuid().optional(),
  employerId: z.uuid().optional(),
  stage: z.enum(PROPOSAL_STAGES).optional(),
  /** Leave out the ones that are over (hired, rejected, withdrawn). */
  running: z.enum(['true', 'false']).optional(),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

/** What an employer sees of a candidate: the categories a valid consent to them covers today. */
export const CandidateProfileView = z.object({
  proposalId: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  shared: z.array(z.enum(CONSENT_CATEGORIES)),
  contact: z
    .object({ phone: z.string().nullable(), email: z.string().nullable(), postcode: z.string().nullable(), town: z.string().nullable() })
    .nullable(),
  personal: z
    .object({
      languages: z.array(z.object({ language: z.string(), level: z.string() })),
      germanLevel: z.enum(CEFR_LEVELS).nullable(),
    })
    .nullable(),
  educationWork: z
    .object({
      education: INTAKE_SECTIONS.education.nullable(),
      qualifications: INTAKE_SECTIONS.qualifications.shape.items,
      workExperience: INTAKE_SECTIONS.workExperience.shape.items,
      skills: z.array(z.object({ labelDe: z.string(), labelEn: z.string(), level: z.string() })),
      drivingLicences: z.array(z.string()),
    })
    .nullable(),
  residence: z.object({ workClause: z.enum(WORK_CLAUSES), validUntil: IsoDate.nullable() }).nullable(),
});
export type CandidateProfileView = z.infer<typeof CandidateProfileView>;
