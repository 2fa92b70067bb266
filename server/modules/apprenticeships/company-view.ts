import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Forbidden, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { employerScope, may, requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { companyConsented, requireAgreement } from './apprenticeships.access.ts';
import * as q from './apprenticeships.queries.ts';
import {
  STAFF_ONLY_SIGNALS,
  type CompanyAgreementView,
  type CompanyApprenticeItem,
  type HelpRequestView,
} from './apprenticeships.schemas.ts';

// What the training company sees of its apprentices: the agreement, the needs and the
// check-ins, only while the apprentice's consent to the company covers plan and progress
// (checked on every request, so a withdrawal closes the view at once). Never the staff's
// notes, never residence or money signals, never the risk, nothing of the case file.
// The company asks for help; the office's case managers see the requests and handle them.

export async function companyApprentices(db: Db, ctx: ServiceContext): Promise<CompanyApprenticeItem[]> {
  const employers = employerScope(ctx.actor);
  if (!employers.length) throw new Forbidden();
  const rows = await q.agreementRows(db, ctx.networkId).where('a.employer_id', 'in', employers).orderBy('a.starts_on', 'desc').execute();
  const visible: q.AgreementRow[] = [];
  for (const r of rows) if (await companyConsented(db, r)) visible.push(r);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'apprenticeship.list',
      entityType: 'apprenticeship',
      details: { view: 'company', participantIds: visible.map((r) => r.participant_id) },
    }),
  );
  return visible.map((r) => ({
    id: r.id,
    participantId: r.participant_id,
    participantName: q.personName(r),
    occupation: r.occupation,
    plannedEndOn: r.planned_end_on,
    status: r.status,
    nextCheckInOn: r.next_check_in_on,
  }));
}

function helpRequestRows(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('apprenticeship_help_requests as h')
    .innerJoin('apprenticeships as a', 'a.id', 'h.apprenticeship_id')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .innerJoin('organisations as employer', 'employer.id', 'a.employer_id')
    .leftJoin('users as asker', 'asker.id', 'h.asked_by')
    .leftJoin('users as handler', 'handler.id', 'h.handled_by')
    .selectAll('h')
    .select([
      'a.office_id',
      'a.employer_id',
      'a.participant_id',
      'p.given_names',
      'p.family_name',
      'p.preferred_name',
      'employer.name as employer_name',
      'asker.display_name as asked_by_name',
      'handler.display_name as handled_by_name',
    ])
    .where('h.network_id', '=', networkId);
}
type HelpRow = Awaited<ReturnType<ReturnType<typeof helpRequestRows>['executeTakeFirstOrThrow']>>;

const toHelpView = (h: HelpRow): HelpRequestView => ({
  id: h.id,
  apprenticeshipId: h.apprenticeship_id,
  participantName: q.personName(h),
  employerName: h.employer_name,
  text: h.text,
  askedByName: h.asked_by_name,
  askedAt: new Date(h.asked_at).toISOString(),
  handledAt: h.handled_at ? new Date(h.handled_at).toISOString() : null,
  handledByName: h.handled_by_name,
  version: h.version,
});

export async function companyAgreement(db: Db, ctx: ServiceContext, id: string): Promise<CompanyAgreementView> {
  // Staff have their own view with everything; this one is the company's alone.
  const { row } = await requireAgreement(db, ctx, id, 'read', { companyView: true });
  if (!employerScope(ctx.actor).includes(row.employer_id)) throw new NotFound('Apprenticeship');
  const [full] = await q.toViews(db, [row]);
  const requests = await helpRequestRows(db, ctx.networkId).where('h.apprenticeship_id', '=', id).orderBy('h.asked_at', 'desc').execute();
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'apprenticeship.read', entityType: 'apprenticeship', entityId: id, details: { view: 'company' } }),
    );
  const { checkIns, risk: _risk, placementId: _p, endReason: _e, ...agreement } = full!;
  return {
    ...agreement,
    checkIns: checkIns.map((c) => ({
      id: c.id,
      heldOn: c.heldOn,
      heldWith: c.heldWith,
      signals: c.signals.filter((s) => !STAFF_ONLY_SIGNALS.includes(s)),
      nextCheckInOn: c.nextCheckInOn,
    })),
    helpRequests: requests.map(toHelpView).map(({ participantName: _n, employerName: _m, ...h }) => h),
  };
}

export async function askForHelp(db: Db, ctx: ServiceContext, id: string, text: string): Promise<HelpRequestView> {
  return db.transaction().execute(async (tx) => {
    const { row, resource } = await requireAgreement(tx, ctx, id, 'read', { companyView: true });
    if (
      !may(ctx.actor, 'create', {
        type: 'apprenticeshipHelpRequest',
        officeId: resource.officeId,
        employerId: resource.employerId,
        consented: resource.consented,
      })
    )
      throw new Forbidden();
    const created = await tx
      .insertInto('apprenticeship_help_requests')
      .values({ network_id: ctx.networkId, apprenticeship_id: row.id, text, asked_by: ctx.actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'apprenticeship.help_request',
      entityType: 'apprenticeship',
      entityId: id,
      details: { requestId: created.id },
    });
    return toHelpView(await helpRequestRows(tx, ctx.networkId).where('h.id', '=', created.id).executeTakeFirstOrThrow());
  });
}

/** The requests of the actor's offices' apprentices, open ones (or all) newest first. */
export async function listHelpRequests(db: Db, ctx: ServiceContext, open: boolean): Promise<HelpRequestView[]> {
  const officeIds = requireParticipantScope(ctx.actor);
  let query = helpRequestRows(db, ctx.networkId).where('a.office_id', 'in', officeIds);
  if (open) query = query.where('h.handled_at', 'is', null);
  const rows = await query.orderBy('h.asked_at', 'desc').limit(500).execute();
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'apprenticeship.list',
      entityType: 'apprenticeship',
      details: { helpRequests: rows.map((r) => r.id) },
    }),
  );
  return rows.map(toHelpView);
}

export async function handleHelpRequest(db: Db, ctx: ServiceContext, id: string, version: number): Promise<HelpRequestView> {
  return db.transaction().execute(async (tx) => {
    const row = await helpRequestRows(tx, ctx.networkId).where('h.id', '=', id).forUpdate('h').executeTakeFirst();
    const resource = row && {
      type: 'apprenticeshipHelpRequest' as const,
      officeId: row.office_id,
      employerId: row.employer_id,
      consented: false,
    };
    if (!row || !resource || !may(ctx.actor, 'read', resource)) throw new NotFound('Help request');
    if (!may(ctx.actor, 'update', resource)) throw new Forbidden();
    if (row.version !== version) throw new Conflict('The request was handled by someone else', toHelpView(row));
    await tx
      .updateTable('apprenticeship_help_requests')
      .set((eb) => ({ handled_at: new Date(), handled_by: ctx.actor.userId, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'apprenticeship.help_handled',
      entityType: 'apprenticeship',
      entityId: row.apprenticeship_id,
      details: { requestId: id },
    });
    return toHelpView(await helpRequestRows(tx, ctx.networkId).where('h.id', '=', id).executeTakeFirstOrThrow());
  });
}
