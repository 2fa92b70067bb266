import { today } from '../../dates.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { may, participantOfficeScope, referralPartnerScope, requireMay, type Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { consentedCategories } from '../consents/consents.queries.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { moveCurrentStep } from '../plans/step-status.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { toEnrolmentViews } from './enrolment-view.ts';
import * as q from './enrolments.queries.ts';
import type { EnrolmentCreateInput, EnrolmentView } from './enrolments.schemas.ts';
import { lockOffer, placesTaken } from './offers.queries.ts';
import { requireOffer } from './offers.service.ts';
import { STEP_STATUS_OF } from './waiting-list.ts';

// Enrolments: the office enrols its participant from a step of the support plan, with a
// consent to the provider; a full offer puts them on the waiting list. Lists are audited
// as reads of personal data.

const OPEN_CASE = ['invited', 'active', 'paused'];

/** The enrolment as the actor may see it, or 404; 403 when they see it but may not do this. */
export async function requireEnrolment(db: Db | Tx, ctx: ServiceContext, id: string, action: Action, lock = false) {
  const row = await q.findEnrolment(db, ctx.networkId, id, lock);
  const resource = row && ({ type: 'enrolment', officeId: row.office_id, providerId: row.provider_id } as const);
  if (!row || !may(ctx.actor, 'read', resource!)) throw new NotFound('Enrolment');
  requireMay(ctx.actor, action, resource!);
  return row;
}

export async function reloadEnrolment(db: Db | Tx, ctx: ServiceContext, id: string): Promise<EnrolmentView> {
  return (await toEnrolmentViews(db, ctx, [(await q.findEnrolment(db, ctx.networkId, id))!]))[0]!;
}

/** The step of the participant's current plan that the enrolment serves, or a field message. */
async function planStepOf(tx: Tx, caseId: string, stepId: string) {
  const step = await tx
    .selectFrom('plan_steps')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_steps.plan_version_id')
    .select(['plan_steps.lineage_id', 'plan_steps.status'])
    .where('plan_steps.id', '=', stepId)
    .where('plan_versions.case_id', '=', caseId)
    .where('plan_versions.state', '=', 'current')
    .executeTakeFirst();
  if (!step) throw new Invalid('Not a step of the current plan', { planStepId: ['Choose a step of the current plan'] });
  if (step.status === 'done' || step.status === 'dropped')
    throw new Invalid('The step is finished', { planStepId: ['The step is done or dropped already'] });
  return step;
}

export async function enrol(db: Db, ctx: ServiceContext, offerId: string, input: EnrolmentCreateInput): Promise<EnrolmentView> {
  const id = await db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, input.participantId, 'update');
    await requireOffer(tx, ctx, offerId, 'read');
    // Holding the offer row makes a second enrolment wait here and count this one: no overbooking.
    const offer = (await lockOffer(tx, ctx.networkId, offerId))!;
    requireMay(ctx.actor, 'create', { type: 'enrolment', officeId: person.office_id, providerId: offer.provider_organisation_id });
    if (!person.current_case_id) throw new Invalid('The participant has no case');
    const kase = await tx.selectFrom('cases').select(['id', 'status']).where('id', '=', person.current_case_id).executeTakeFirstOrThrow();
    if (!OPEN_CASE.includes(kase.status)) throw new Invalid('The case is closed', { participantId: ['The case is closed'] });
    if (offer.ends_on < today()) throw new Invalid('The offer has ended', { offerId: ['The offer has ended'] });
    if (!(await consentedCategories(tx, person.id, offer.provider_organisation_id)).has('contact'))
      throw new Invalid('No valid consent to share contact data with the provider', {
        consent: ['Record a consent to the provider (contact data at least) first'],
      });
    const step = input.planStepId ? await planStepOf(tx, kase.id, input.planStepId) : null;
    const live = await tx
      .selectFrom('offer_enrolments')
      .select('id')
      .where('offer_id', '=', offerId)
      .where('participant_id', '=', person.id)
      .where('state', 'in', ['enrolled', 'waiting'])
      .executeTakeFirst();
    if (live) throw new Conflict('The participant is enrolled or waiting already', await reloadEnrolment(tx, ctx, live.id));

    const state = (await placesTaken(tx, offerId)) < offer.capacity ? 'enrolled' : 'waiting';
    const { id } = await tx
      .insertInto('offer_enrolments')
      .values({
        network_id: ctx.networkId,
        offer_id: offerId,
        participant_id: person.id,
        case_id: kase.id,
        office_id: person.office_id,
        step_lineage_id: step?.lineage_id ?? null,
        state,
        enrolled_at: state === 'enrolled' ? new Date() : null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'enrolment.create',
      entityType: 'offer_enrolment',
      entityId: id,
      details: { offerId, participantId: person.id, state },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: person.id,
      caseId: kase.id,
      kind: state === 'enrolled' ? 'offer.enrolled' : 'offer.waitlisted',
      data: { offerId, enrolmentId: id, title: offer.title },
    });
    if (state === 'enrolled' && step)
      await moveCurrentStep(tx, ctx, { participantId: person.id, caseId: kase.id, lineageId: step.lineage_id }, STEP_STATUS_OF.enrolled);
    return id;
  });
  return reloadEnrolment(db, ctx, id);
}

/** An offer's participants: all of them for the provider, the office's own for case managers. */
export async function listOfferEnrolments(db: Db, ctx: ServiceContext, offerId: string): Promise<EnrolmentView[]> {
  const offer = await requireOffer(db, ctx, offerId, 'read');
  const scope = {
    providerIds: referralPartnerScope(ctx.actor).filter((id) => id === offer.provider_organisation_id),
    officeIds: participantOfficeScope(ctx.actor),
  };
  if (scope.providerIds.length === 0 && scope.officeIds.length === 0) throw new Forbidden();
  const views = await toEnrolmentViews(db, ctx, await q.offerEnrolments(db, ctx.networkId, offerId, scope));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'enrolment.list',
      entityType: 'offer',
      entityId: offerId,
      details: { participantIds: views.map((v) => v.participantId) },
    }),
  );
  return views;
}

/** The case file's list: every enrolment of the participant, for the office. */
export async function listParticipantEnrolments(db: Db, ctx: ServiceContext, participantId: string): Promise<EnrolmentView[]> {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  requireMay(ctx.actor, 'list', { type: 'enrolment', officeId: person.office_id, providerId: '' });
  const views = await toEnrolmentViews(db, ctx, await q.participantEnrolments(db, ctx.networkId, participantId));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'enrolment.list',
      entityType: 'participant',
      entityId: participantId,
      details: { ids: views.map((v) => v.id) },
    }),
  );
  return views;
}
