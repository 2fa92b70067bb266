import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { employerScope, isJobsStaff, may } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { consentedCategories } from '../consents/consents.queries.ts';
import type { ConsentCategory } from '../consents/consents.schemas.ts';
import { CONSENT_CATEGORIES } from '../consents/consents.schemas.ts';
import type { CandidateProfileView } from './proposals.schemas.ts';
import { requireProposal } from './proposals.service.ts';

// What an employer sees of a candidate proposed to them: the name, and of the profile only
// the categories a consent to that employer covers today. Never the plan, the case, the
// employability check or the timeline. Staff may open the same view to see what the
// employer sees. Once a proposal is rejected or withdrawn the employer sees nothing more.

/** What the employer is shown of each category: the profile fields a hiring decision needs. */
const EMPLOYER_CATEGORIES: ConsentCategory[] = ['contact', 'personal', 'education_work', 'residence'];

export async function getCandidate(db: Db, ctx: ServiceContext, proposalId: string): Promise<CandidateProfileView> {
  const { row } = await requireProposal(db, ctx, proposalId);
  const asEmployer = !isJobsStaff(ctx.actor) && employerScope(ctx.actor).includes(row.employer_id);
  // A partner's caseworker sees the person through the referral's categories, never through the employer's consent.
  if (!asEmployer && !may(ctx.actor, 'read', { type: 'participant', officeId: row.office_id })) throw new NotFound('Candidate');
  if (asEmployer && (row.stage === 'rejected' || row.stage === 'withdrawn')) throw new NotFound('Candidate');
  const granted = await consentedCategories(db, row.participant_id, row.employer_id);
  const shared = CONSENT_CATEGORIES.filter((c) => granted.has(c) && EMPLOYER_CATEGORIES.includes(c));
  const has = (c: ConsentCategory) => shared.includes(c);
  const person = await db.selectFrom('participants').selectAll().where('id', '=', row.participant_id).executeTakeFirstOrThrow();

  let educationWork: CandidateProfileView['educationWork'] = null;
  if (has('education_work')) {
    const intake = await db.selectFrom('intakes').select('sections').where('case_id', '=', person.current_case_id).executeTakeFirst();
    const s = (intake?.sections ?? {}) as Record<string, { items?: unknown[] } & Record<string, unknown>>;
    const skillItems = (s.skills?.items ?? []) as { skillId: string; level: string }[];
    const labels = skillItems.length
      ? await db
          .selectFrom('skills')
          .select(['id', 'label_de', 'label_en'])
          .where('network_id', '=', ctx.networkId)
          .where(
            'id',
            'in',
            skillItems.map((i) => i.skillId),
          )
          .execute()
      : [];
    educationWork = {
      education: (s.education as NonNullable<CandidateProfileView['educationWork']>['education'] | undefined) ?? null,
      qualifications: (s.qualifications?.items ?? []) as NonNullable<CandidateProfileView['educationWork']>['qualifications'],
      workExperience: (s.workExperience?.items ?? []) as NonNullable<CandidateProfileView['educationWork']>['workExperience'],
      skills: skillItems.flatMap((i) => {
        const l = labels.find((x) => x.id === i.skillId);
        return l ? [{ labelDe: l.label_de, labelEn: l.label_en, level: i.level }] : [];
      }),
      drivingLicences: (s.mobility as { drivingLicences?: string[] } | undefined)?.drivingLicences ?? [],
    };
  }
  let residence: CandidateProfileView['residence'] = null;
  if (has('residence') && person.current_residence_id) {
    const r = await db
      .selectFrom('residence_statuses')
      .select(['work_clause', 'valid_until'])
      .where('id', '=', person.current_residence_id)
      .executeTakeFirstOrThrow();
    residence = { workClause: r.work_clause, validUntil: r.valid_until };
  }
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'participant.read',
      entityType: 'participant',
      entityId: row.participant_id,
      details: { proposalId, view: 'employer', categories: shared },
    }),
  );
  return {
    proposalId,
    givenNames: person.given_names,
    familyName: person.family_name,
    preferredName: person.preferred_name,
    shared,
    contact: has('contact') ? { phone: person.phone, email: person.email, postcode: person.postcode, town: person.town } : null,
    personal: has('personal') ? { languages: person.languages, germanLevel: person.german_level as never } : null,
    educationWork,
    residence,
  };
}
