import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { may } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadGoals } from '../plans/plans.queries.ts';
import { requireReferral } from './referrals.access.ts';
import type { ReferredParticipantView } from './referrals.schemas.ts';

// What a partner's caseworker sees of a referred participant: the name, and of the data
// categories on the form only those a valid consent covers today. Never the
// employability check, the labour-market or ESF+ answers, or the timeline.

/** Intake sections that belong to "education and work". */
const EDUCATION_WORK_SECTIONS = ['education', 'qualifications', 'workExperience', 'skills', 'mobility', 'goals'];

export async function getReferredParticipant(db: Db, ctx: ServiceContext, referralId: string): Promise<ReferredParticipantView> {
  const loaded = await requireReferral(db, ctx, referralId, 'read');
  const { row, shared } = loaded;
  const resource = {
    type: 'referredParticipant',
    partnerOrganisationId: row.partner_organisation_id,
    caseworkerId: row.caseworker_id,
    live: loaded.live,
  } as const;
  // The office reads the full record elsewhere; this view is the partner's, while live.
  if (!may(ctx.actor, 'read', resource)) throw new NotFound('Participant');
  const person = await db.selectFrom('participants').selectAll().where('id', '=', row.participant_id).executeTakeFirstOrThrow();
  const has = (c: (typeof shared)[number]) => shared.includes(c);

  let educationWork: Record<string, unknown> | null = null;
  if (has('education_work')) {
    const intake = await db.selectFrom('intakes').select('sections').where('case_id', '=', row.case_id).executeTakeFirst();
    const sections = intake?.sections ?? {};
    educationWork = Object.fromEntries(EDUCATION_WORK_SECTIONS.filter((s) => s in sections).map((s) => [s, sections[s]]));
  }
  let residence: ReferredParticipantView['residence'] = null;
  if (has('residence') && person.current_residence_id) {
    const r = await db
      .selectFrom('residence_statuses')
      .select(['title', 'paragraph', 'valid_until', 'work_clause'])
      .where('id', '=', person.current_residence_id)
      .executeTakeFirstOrThrow();
    residence = {
      title: r.title as NonNullable<ReferredParticipantView['residence']>['title'],
      paragraph: r.paragraph,
      validUntil: r.valid_until,
      workClause: r.work_clause,
    };
  }
  let plan: ReferredParticipantView['plan'] = null;
  if (has('plan_progress')) {
    const current = await db
      .selectFrom('plan_versions')
      .select('id')
      .where('case_id', '=', row.case_id)
      .where('state', '=', 'current')
      .executeTakeFirst();
    plan = current
      ? (await loadGoals(db, current.id)).map((g) => ({
          title: g.title,
          steps: g.steps.map((s) => ({ stepTypeKey: s.stepTypeKey, text: s.text, dueOn: s.dueOn, status: s.status })),
        }))
      : [];
  }
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'participant.read',
      entityType: 'participant',
      entityId: row.participant_id,
      details: { referralId, view: 'partner', categories: shared },
    }),
  );
  return {
    referralId,
    participantId: row.participant_id,
    givenNames: person.given_names,
    familyName: person.family_name,
    preferredName: person.preferred_name,
    shared,
    contact: has('contact')
      ? { phone: person.phone, email: person.email, street: person.street, postcode: person.postcode, town: person.town }
      : null,
    personal: has('personal')
      ? {
          birthDate: person.birth_date,
          gender: person.gender,
          nationality: person.nationality,
          languages: person.languages,
          germanLevel: person.german_level,
          childcareNeeded: person.childcare_needed,
          interpreterNeeded: person.interpreter_needed,
          interpreterLanguage: person.interpreter_language,
        }
      : null,
    educationWork,
    residence,
    plan,
  };
}
