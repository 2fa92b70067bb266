import { z } from 'zod';

// The situation on leaving (decision 0019): what a person did within four weeks of leaving a
// case that placements and exit reasons cannot tell. It feeds the ESF+ immediate results
// EECR01–EECR03 (docs/indicators/esf-plus.md). Shared with the web app's form.

export const LeavingSituationFields = z.object({
  /** Looking for work: registered with the job centre or employment agency, or searching actively. */
  jobSearching: z.boolean(),
  /** In education or training (school, vocational training, a course, university). */
  inEducationOrTraining: z.boolean(),
  /** A qualification (certificate) gained through the support, by the time of leaving or within four weeks. */
  qualificationGained: z.boolean(),
});

/** `version` is the version read, absent when the first record is made. */
export const LeavingSituationInput = LeavingSituationFields.extend({ version: z.number().int().positive().optional() });
export type LeavingSituationInput = z.infer<typeof LeavingSituationInput>;

export const LeavingSituationView = LeavingSituationFields.extend({
  caseId: z.uuid(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type LeavingSituationView = z.infer<typeof LeavingSituationView>;

/** The record of a case, or null while none was made. */
export const LeavingSituationResponse = z.object({ situation: LeavingSituationView.nullable() });
export type LeavingSituationResponse = z.infer<typeof LeavingSituationResponse>;
