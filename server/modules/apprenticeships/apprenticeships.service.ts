import type { Db, Tx } from '../../db/database.ts';
import { addMonths, today } from '../../dates.ts';
import { Conflict, Invalid, NotFound, type FieldErrors } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { requireAgreement } from './apprenticeships.access.ts';
import * as q from './apprenticeships.queries.ts';
import type { AgreementCreateInput, AgreementUpdateInput, AgreementView, NeedInput } from './apprenticeships.schemas.ts';

// The support agreement: made by the office's case managers for a placement into an
// apprenticeship at an employer of the network; its needs replaced as a whole; check-ins
// recorded one by one, each setting the next; ended as completed or dropped out.

const stale = 'The agreement was changed by someone else';

export async function view(db: Db | Tx, ctx: ServiceContext, id: string): Promise<AgreementView> {
  const row = await q.agreementRows(db, ctx.networkId).where('a.id', '=', id).executeTakeFirstOrThrow();
  return (await q.toViews(db, [row]))[0]!;
}

/** Helpers must be the network's staff or mentors; the company contact one of the company's users. */
export async function checkPeople(
  tx: Tx,
  ctx: ServiceContext,
  employerId: string,
  input: { companyContactUserId?: string | null; needs?: NeedInput[] },
) {
  const fields: FieldErrors = {};
  if (input.companyContactUserId && !(await q.userHasRole(tx, ctx.networkId, input.companyContactUserId, ['employer_contact'], employerId)))
    fields.companyContactUserId = ['Not a contact of this company'];
  for (const [i, n] of (input.needs ?? []).entries()) {
    if (!n.helperUserId) continue;
    const roles = n.helperKind === 'mentor' ? ['mentor'] : ['case_manager', 'partner_caseworker'];
    if (!(await q.userHasRole(tx, ctx.networkId, n.helperUserId, roles)))
      fields[`needs.${i}.helperUserId`] = [n.helperKind === 'mentor' ? 'Not a mentor of the network' : 'Not a staff member of the network'];
  }
  if (Object.keys(fields).length) throw new Invalid('The agreement names someone who cannot take this part', fields);
}

export async function replaceNeeds(tx: Tx, ctx: ServiceContext, apprenticeshipId: string, needs: NeedInput[]) {
  await tx.deleteFrom('apprenticeship_needs').where('apprenticeship_id', '=', apprenticeshipId).execute();
  if (!needs.length) return;
  await tx
    .insertInto('apprenticeship_needs')
    .values(
      needs.map((n, position) => ({
        network_id: ctx.networkId,
        apprenticeship_id: apprenticeshipId,
        position,
        area: n.area,
        helper_kind: n.helperKind,
        helper_user_id: n.helperUserId ?? null,
        note: n.note ?? null,
      })),
    )
    .execute();
}

export async function createAgreement(db: Db, ctx: ServiceContext, input: AgreementCreateInput): Promise<AgreementView> {
  const id = await db.transaction().execute(async (tx) => {
    const placement = await tx
      .selectFrom('placements')
      .selectAll()
      .where('id', '=', input.placementId)
      .where('network_id', '=', ctx.networkId)
      .executeTakeFirst();
    if (!placement) throw new NotFound('Placement');
    const person = await requireParticipant(tx, ctx, placement.participant_id, 'update');
    requireMay(ctx.actor, 'create', {
      type: 'apprenticeship',
      officeId: person.office_id,
      employerId: placement.employer_id ?? '',
      consented: false,
      companyView: false,
    });
    if (placement.kind !== 'apprenticeship' || !placement.employer_id)
      throw new Invalid('Only a placement into an apprenticeship at an employer of the network has a support agreement', {
        placementId: ['Not an apprenticeship at an employer of the network'],
      });
    await checkPeople(tx, ctx, placement.employer_id, input);
    const created = await tx
      .insertInto('apprenticeships')
      .values({
        network_id: ctx.networkId,
        placement_id: placement.id,
        participant_id: placement.participant_id,
        office_id: person.office_id,
        employer_id: placement.employer_id,
        company_contact_user_id: input.companyContactUserId ?? null,
        company_contact_name: input.companyContactName ?? null,
        vocational_school: input.vocationalSchool,
        occupation: input.occupation,
        starts_on: input.startsOn,
        planned_end_on: input.plannedEndOn,
        // The first check-in a month after the start unless another day is agreed.
        next_check_in_on: input.nextCheckInOn ?? addMonths(input.startsOn > today() ? input.startsOn : today(), 1),
        created_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.column('placement_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) throw new Conflict('This placement has a support agreement already');
    await replaceNeeds(tx, ctx, created.id, input.needs);
    await recordAudit(tx, ctx, {
      action: 'apprenticeship.create',
      entityType: 'apprenticeship',
      entityId: created.id,
      details: { participantId: placement.participant_id, placementId: placement.id, employerId: placement.employer_id },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: placement.participant_id,
      caseId: placement.case_id,
      kind: 'apprenticeship.agreed',
      data: { apprenticeshipId: created.id, employerId: placement.employer_id },
    });
    return created.id;
  });
  return view(db, ctx, id);
}

export async function getAgreement(db: Db, ctx: ServiceContext, id: string): Promise<AgreementView> {
  await requireAgreement(db, ctx, id, 'read');
  const result = await view(db, ctx, id);
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'apprenticeship.read', entityType: 'apprenticeship', entityId: id }));
  return result;
}

/** The agreements of a participant (the case file's section). */
export async function participantAgreements(db: Db, ctx: ServiceContext, participantId: string): Promise<AgreementView[]> {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  requireMay(ctx.actor, 'list', {
    type: 'apprenticeship',
    officeId: person.office_id,
    employerId: '',
    consented: false,
    companyView: false,
  });
  const rows = await q
    .agreementRows(db, ctx.networkId)
    .where('a.participant_id', '=', participantId)
    .orderBy('a.starts_on', 'desc')
    .execute();
  const views = await q.toViews(db, rows);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'apprenticeship.list',
      entityType: 'participant',
      entityId: participantId,
      details: { ids: views.map((v) => v.id) },
    }),
  );
  return views;
}

/** Locks the agreement for a change by the office; stale versions and ended agreements are refused. */
export async function forChange(tx: Tx, ctx: ServiceContext, id: string, version: number | null) {
  const { row } = await requireAgreement(tx, ctx, id, 'update', { lock: true });
  if (version !== null && row.version !== version) throw new Conflict(stale, await view(tx, ctx, id));
  if (row.status !== 'active') throw new Invalid('The apprenticeship has ended', { status: ['The apprenticeship has ended'] });
  return row;
}

export const bump = (tx: Tx, id: string, set: Record<string, unknown>) =>
  tx
    .updateTable('apprenticeships')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

export async function updateAgreement(db: Db, ctx: ServiceContext, id: string, input: AgreementUpdateInput): Promise<AgreementView> {
  return db.transaction().execute(async (tx) => {
    const row = await forChange(tx, ctx, id, input.version);
    const startsOn = input.startsOn ?? row.starts_on;
    const plannedEndOn = input.plannedEndOn ?? row.planned_end_on;
    if (plannedEndOn <= startsOn) throw new Invalid('The planned end must be after the start', { plannedEndOn: ['After the start'] });
    const contactUser = input.companyContactUserId === undefined ? row.company_contact_user_id : input.companyContactUserId;
    const contactName = input.companyContactName === undefined ? row.company_contact_name : input.companyContactName;
    if (!contactUser && !contactName) throw new Invalid('Name the company contact', { companyContactName: ['Name the company contact'] });
    await checkPeople(tx, ctx, row.employer_id, { companyContactUserId: input.companyContactUserId });
    await bump(tx, id, {
      company_contact_user_id: input.companyContactUserId,
      company_contact_name: input.companyContactName,
      vocational_school: input.vocationalSchool,
      occupation: input.occupation,
      starts_on: input.startsOn,
      planned_end_on: input.plannedEndOn,
      next_check_in_on: input.nextCheckInOn,
    });
    const { version: _, ...changed } = input;
    await recordAudit(tx, ctx, {
      action: 'apprenticeship.update',
      entityType: 'apprenticeship',
      entityId: id,
      details: { fields: Object.keys(changed) },
    });
    return view(tx, ctx, id);
  });
}
