import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import { addMonths, dayInGermany, today } from '../../dates.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope, referralPartnerScope, requireMay, type Actor } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { liveForCaseworker, requireReferral } from '../referrals/referrals.access.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type { AppointmentUpdateInput, AppointmentView, CycleRules, Decision } from './appointments.schemas.ts';

// Exchange appointments and the case conference of a referral. The office's case
// managers and the live caseworker both move, hold or cancel them and write minutes;
// closing a conference (office only) drafts the next plan version or closes the case.

export function appointmentRows(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('referrals', 'referrals.id', 'appointments.referral_id')
    .innerJoin('participants', 'participants.id', 'appointments.participant_id')
    .innerJoin('organisations as partner', 'partner.id', 'referrals.partner_organisation_id')
    .selectAll('appointments')
    .select([
      'participants.given_names',
      'participants.family_name',
      'participants.preferred_name',
      'participants.office_id',
      'participants.case_manager_id',
      'partner.name as partner_name',
      'referrals.caseworker_id',
      'referrals.case_id',
      'referrals.partner_organisation_id',
    ])
    .where('appointments.network_id', '=', networkId);
}
export type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof appointmentRows>['executeTakeFirst']>>>;

/**
 * The actor's own appointments: of the participants they manage as case manager, or of
 * the referrals they work on as the named caseworker while live (as SQL over
 * appointmentRows). The list, the work list and the calendar feed share it.
 */
export function ownAppointments(actor: Actor) {
  const offices = participantOfficeScope(actor);
  const asCaseManager =
    offices.length > 0
      ? sql<boolean>`(participants.case_manager_id = ${actor.userId}::uuid AND participants.office_id = ANY(${offices}::uuid[]))`
      : sql<boolean>`false`;
  return sql<boolean>`(${asCaseManager} OR ${liveForCaseworker(actor, today())})`;
}

/** An appointment belongs to its cycle: between its first and last day (German days). */
function insideCycle(startsAt: string, referral: { starts_on: string; ends_on: string }) {
  const day = dayInGermany(new Date(startsAt));
  if (day < referral.starts_on || day > referral.ends_on)
    throw new Invalid('The appointment must fall inside the cycle', {
      startsAt: [`Between ${referral.starts_on} and ${referral.ends_on}`],
    });
}

export function toView(r: Row): AppointmentView {
  return {
    id: r.id,
    referralId: r.referral_id,
    participantId: r.participant_id,
    participantName: `${r.preferred_name ?? r.given_names} ${r.family_name}`,
    partnerName: r.partner_name,
    kind: r.kind,
    startsAt: new Date(r.starts_at).toISOString(),
    durationMinutes: r.duration_minutes,
    location: r.location,
    state: r.state,
    minutes: r.minutes,
    decisions: r.decisions as Decision[],
    nextSteps: r.next_steps,
    outcome: r.outcome,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    version: r.version,
  };
}

/** The appointment if the actor may act on its referral; `lock` holds the row until the transaction ends (writers). */
export async function requireAppointment(tx: Db | Tx, ctx: ServiceContext, id: string, action: 'read' | 'update', lock = false) {
  let query = appointmentRows(tx, ctx.networkId).where('appointments.id', '=', id);
  if (lock) query = query.forUpdate('appointments');
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFound('Appointment');
  const referral = await requireReferral(tx, ctx, row.referral_id, action);
  return { row, referral };
}

async function reload(db: Db | Tx, ctx: ServiceContext, id: string): Promise<AppointmentView> {
  return toView(await appointmentRows(db, ctx.networkId).where('appointments.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * A referral's appointments, or the actor's own between two dates: a case manager's for
 * the participants they manage, a caseworker's for their live referrals.
 */
export async function listAppointments(
  db: Db,
  ctx: ServiceContext,
  query: { from?: string; to?: string; referralId?: string },
): Promise<AppointmentView[]> {
  let rows = appointmentRows(db, ctx.networkId).orderBy('appointments.starts_at');
  if (query.referralId) {
    await requireReferral(db, ctx, query.referralId, 'read');
    rows = rows.where('appointments.referral_id', '=', query.referralId);
  } else {
    const offices = participantOfficeScope(ctx.actor);
    const partners = referralPartnerScope(ctx.actor);
    if (offices.length === 0 && partners.length === 0) throw new Forbidden();
    rows = rows.where(ownAppointments(ctx.actor));
  }
  if (query.from) rows = rows.where('appointments.starts_at', '>=', new Date(`${query.from}T00:00:00Z`));
  if (query.to) rows = rows.where('appointments.starts_at', '<', new Date(`${query.to}T23:59:59Z`));
  const found = await rows.limit(500).execute();
  if (found.length > 0)
    await db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'appointment.list',
        entityType: 'appointment',
        details: { participantIds: [...new Set(found.map((r) => r.participant_id))], referralId: query.referralId ?? null },
      }),
    );
  return found.map(toView);
}

export async function createAppointment(
  db: Db,
  ctx: ServiceContext,
  referralId: string,
  input: { startsAt: string; durationMinutes: number; location?: string | null },
): Promise<AppointmentView> {
  const id = await db.transaction().execute(async (tx) => {
    const { row } = await requireReferral(tx, ctx, referralId, 'update');
    if (row.state !== 'accepted') throw new Conflict('Appointments belong to an accepted referral');
    insideCycle(input.startsAt, row);
    const created = await tx
      .insertInto('appointments')
      .values({
        network_id: ctx.networkId,
        participant_id: row.participant_id,
        referral_id: referralId,
        kind: 'exchange',
        starts_at: new Date(input.startsAt),
        duration_minutes: input.durationMinutes,
        location: input.location ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'appointment.create', entityType: 'appointment', entityId: created.id, details: { referralId } });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: row.case_id,
      kind: 'appointment.scheduled',
      data: { appointmentId: created.id, startsAt: input.startsAt },
    });
    return created.id;
  });
  return reload(db, ctx, id);
}

export async function updateAppointment(db: Db, ctx: ServiceContext, id: string, input: AppointmentUpdateInput): Promise<AppointmentView> {
  await db.transaction().execute(async (tx) => {
    const { row, referral } = await requireAppointment(tx, ctx, id, 'update', true);
    if (row.version !== input.version) throw new Conflict('The appointment was changed by someone else', toView(row));
    if (row.closed_at) throw new Conflict('The case conference is closed');
    if (!['accepted', 'completed'].includes(referral.row.state)) throw new Conflict('The referral is not running');
    if (input.startsAt) insideCycle(input.startsAt, referral.row);
    await tx
      .updateTable('appointments')
      .set((eb) => ({
        starts_at: input.startsAt ? new Date(input.startsAt) : undefined,
        duration_minutes: input.durationMinutes,
        location: input.location,
        state: input.state,
        minutes: input.minutes,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    const fields = Object.keys(input).filter((k) => k !== 'version');
    await recordAudit(tx, ctx, { action: 'appointment.update', entityType: 'appointment', entityId: id, details: { fields } });
    if (input.startsAt || input.state)
      await recordCaseEvent(tx, ctx, {
        participantId: row.participant_id,
        caseId: row.case_id,
        kind: 'appointment.updated',
        data: { appointmentId: id, kind: row.kind, startsAt: input.startsAt ?? null, state: input.state ?? null },
      });
  });
  return reload(db, ctx, id);
}

export async function getCycleRules(db: Db, ctx: ServiceContext): Promise<CycleRules> {
  requireMay(ctx.actor, 'read', { type: 'catalogue' });
  const n = await db
    .selectFrom('networks')
    .select(['cycle_months', 'exchange_after_months', 'conference_weeks_before'])
    .where('id', '=', ctx.networkId)
    .executeTakeFirstOrThrow();
  return { cycleMonths: n.cycle_months, exchangeAfterMonths: n.exchange_after_months, conferenceWeeksBefore: n.conference_weeks_before };
}

export async function updateCycleRules(db: Db, ctx: ServiceContext, input: CycleRules): Promise<CycleRules> {
  requireMay(ctx.actor, 'update', { type: 'catalogue' });
  if (input.exchangeAfterMonths.some((m) => m >= input.cycleMonths))
    throw new Invalid('Exchange appointments fall inside the cycle', { exchangeAfterMonths: ['Each must be less than the cycle length'] });
  // Sanity: the conference must fall after the start of the cycle.
  if (
    addMonths('2026-01-01', input.cycleMonths) <=
    new Date(Date.UTC(2026, 0, 1 + 7 * input.conferenceWeeksBefore)).toISOString().slice(0, 10)
  )
    throw new Invalid('The conference must fall inside the cycle', { conferenceWeeksBefore: ['Too long before the end'] });
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('networks')
      .set({
        cycle_months: input.cycleMonths,
        exchange_after_months: [...new Set(input.exchangeAfterMonths)].sort((a, b) => a - b),
        conference_weeks_before: input.conferenceWeeksBefore,
        updated_at: new Date(),
      })
      .where('id', '=', ctx.networkId)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'catalogue.update',
      entityType: 'network',
      entityId: ctx.networkId,
      details: { cycleRules: input },
    });
  });
  return getCycleRules(db, ctx);
}
