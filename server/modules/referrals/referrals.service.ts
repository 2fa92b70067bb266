import type { Db, Tx } from '../../db/database.ts';
import { addDays, addMonths, today } from '../../dates.ts';
import { Conflict, Forbidden, Invalid } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope, referralPartnerScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ConsentCategory } from '../consents/consents.schemas.ts';
import { validConsents } from '../consents/consents.queries.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { inboxOf, liveForCaseworker, loadReferralFacts, referralRows, requireReferral, type LoadedReferral } from './referrals.access.ts';
import * as q from './referrals.queries.ts';
import type {
  ConsentCheck,
  ReferralCreateInput,
  ReferralListItem,
  ReferralUpdateInput,
  ReferralView,
  TaskInput,
} from './referrals.schemas.ts';

// The referral's life: the office drafts it (tasks from the plan or added), sends it when
// a valid consent covers the partner and the categories (or with an audited reason), the
// partner accepts naming a caseworker or declines, the office may revoke it, and it
// completes at the end of the cycle (answers.service.ts). Every change checks the version
// (409 when stale).

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

async function toView(db: Db | Tx, ctx: ServiceContext, loaded: LoadedReferral): Promise<ReferralView> {
  const { row } = loaded;
  const isOffice = participantOfficeScope(ctx.actor).includes(row.office_id);
  return {
    id: row.id,
    participantId: row.participant_id,
    participantName: `${row.preferred_name ?? row.given_names} ${row.family_name}`,
    officeName: row.office_name,
    partnerOrganisationId: row.partner_organisation_id,
    partnerName: row.partner_name,
    state: row.state,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    categories: row.categories as ConsentCategory[],
    // The office's reasons and consent record are not part of the form the partner receives.
    consentId: isOffice ? row.consent_id : null,
    overrideReason: isOffice ? row.override_reason : null,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    message: row.message,
    previousReferralId: row.previous_referral_id,
    sentAt: iso(row.sent_at),
    answeredAt: iso(row.answered_at),
    caseworkerId: row.caseworker_id,
    caseworkerName: row.caseworker_name,
    declineReason: row.decline_reason,
    revokedAt: iso(row.revoked_at),
    revokeReason: row.revoke_reason,
    completedAt: iso(row.completed_at),
    tasks: await q.loadTasks(db, row.id),
    // Notes are the exchange of office and caseworker once the partner has accepted.
    notes: isOffice || row.state === 'accepted' ? await q.loadNotes(db, row.id) : [],
    consentCheck:
      isOffice && row.state === 'draft' ? await checkConsent(db, row.participant_id, row.partner_organisation_id, row.categories) : null,
    version: row.version,
  };
}

/** The newest valid consent to the partner that covers every category, if any. */
export async function checkConsent(db: Db | Tx, participantId: string, partnerId: string, categories: string[]): Promise<ConsentCheck> {
  const consents = await validConsents(db, participantId, partnerId);
  const covering = consents.find((c) => categories.every((cat) => (c.categories as string[]).includes(cat)));
  const granted = new Set<string>(consents.flatMap((c) => c.categories));
  return {
    covered: !!covering,
    missing: covering ? [] : (categories.filter((c) => !granted.has(c)) as ConsentCategory[]),
    consentId: covering?.id ?? null,
  };
}

export async function reload(db: Db | Tx, ctx: ServiceContext, id: string): Promise<ReferralView> {
  const row = await referralRows(db, ctx.networkId).where('referrals.id', '=', id).executeTakeFirstOrThrow();
  return toView(db, ctx, await loadReferralFacts(db, row));
}

/** Step types must be the network's; tasks taken from the plan must be steps of the current plan. */
async function checkTasks(tx: Tx, ctx: ServiceContext, caseId: string, tasks: TaskInput[]): Promise<void> {
  const typeIds = [...new Set(tasks.map((t) => t.stepTypeId))];
  const types = await tx.selectFrom('step_types').select('id').where('network_id', '=', ctx.networkId).where('id', 'in', typeIds).execute();
  if (types.length !== typeIds.length) throw new Invalid('Unknown step type', { tasks: ['Unknown step type'] });
  const lineages = tasks.map((t) => t.stepLineageId).filter((l): l is string => !!l);
  if (lineages.length === 0) return;
  // Any step of the current plan: putting it on the form hands it to the partner, whose
  // progress then moves it in the plan (the office's own steps included, deliberately).
  const steps = new Set((await q.currentPlanSteps(tx, caseId)).map((s) => s.lineage_id));
  if (!lineages.every((l) => steps.has(l)))
    throw new Invalid('A task refers to a step that is not in the current plan', { tasks: ['Not a step of the current plan'] });
}

export async function createReferral(
  db: Db,
  ctx: ServiceContext,
  participantId: string,
  input: ReferralCreateInput,
): Promise<ReferralView> {
  const id = await db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, participantId, 'update');
    if (!person.current_case_id) throw new Invalid('The participant has no case');
    const partner = await tx
      .selectFrom('organisations')
      .select(['id', 'active'])
      .where('id', '=', input.partnerOrganisationId)
      .where('network_id', '=', ctx.networkId)
      .where('kind', '=', 'partner')
      .executeTakeFirst();
    if (!partner?.active)
      throw new Invalid('Choose an active partner organisation', { partnerOrganisationId: ['Choose an active partner organisation'] });
    await checkTasks(tx, ctx, person.current_case_id, input.tasks);
    const network = await tx.selectFrom('networks').select('cycle_months').where('id', '=', ctx.networkId).executeTakeFirstOrThrow();
    const me = await tx.selectFrom('users').select(['display_name', 'email']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
    const row = await tx
      .insertInto('referrals')
      .values({
        network_id: ctx.networkId,
        participant_id: participantId,
        case_id: person.current_case_id,
        partner_organisation_id: input.partnerOrganisationId,
        state: 'draft',
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? addMonths(input.startsOn, network.cycle_months),
        categories: input.categories,
        contact_name: input.contactName ?? me.display_name,
        contact_phone: input.contactPhone ?? null,
        contact_email: input.contactEmail ?? me.email,
        message: input.message ?? null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await q.insertTasks(tx, ctx.networkId, row.id, input.tasks);
    await recordAudit(tx, ctx, {
      action: 'referral.create',
      entityType: 'referral',
      entityId: row.id,
      details: { participantId, partnerOrganisationId: input.partnerOrganisationId, tasks: input.tasks.length },
    });
    return row.id;
  });
  return reload(db, ctx, id);
}

export function checkVersion(loaded: LoadedReferral, version: number, current: () => Promise<ReferralView>) {
  if (loaded.row.version !== version)
    return current().then((view) => Promise.reject(new Conflict('The referral was changed by someone else', view)));
  return Promise.resolve();
}

export const bump = () => ({ updated_at: new Date() });

/**
 * A plan drawn up from a case conference starts the next cycle: the referral to the same
 * partner is drafted with the plan's open steps for that partner, starting when the last
 * cycle ends. The case manager reviews and sends it (the consent is checked again then).
 */
export async function draftNextReferral(tx: Tx, ctx: ServiceContext, conferenceId: string, versionId: string): Promise<string | null> {
  const previous = await tx
    .selectFrom('appointments')
    .innerJoin('referrals', 'referrals.id', 'appointments.referral_id')
    .innerJoin('networks', 'networks.id', 'referrals.network_id')
    .selectAll('referrals')
    .select('networks.cycle_months')
    .where('appointments.id', '=', conferenceId)
    .executeTakeFirstOrThrow();
  const steps = await tx
    .selectFrom('plan_steps')
    .select(['lineage_id', 'step_type_id', 'text', 'due_on'])
    .where('plan_version_id', '=', versionId)
    .where('responsible_organisation_id', '=', previous.partner_organisation_id)
    .where('status', 'in', ['open', 'in_progress'])
    .orderBy('position')
    .execute();
  if (steps.length === 0) return null;
  const dayAfter = addDays(previous.ends_on, 1);
  const startsOn = dayAfter > today() ? dayAfter : today();
  const next = await tx
    .insertInto('referrals')
    .values({
      network_id: ctx.networkId,
      participant_id: previous.participant_id,
      case_id: previous.case_id,
      partner_organisation_id: previous.partner_organisation_id,
      state: 'draft',
      starts_on: startsOn,
      ends_on: addMonths(startsOn, previous.cycle_months),
      categories: previous.categories,
      contact_name: previous.contact_name,
      contact_phone: previous.contact_phone,
      contact_email: previous.contact_email,
      previous_referral_id: previous.id,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await q.insertTasks(
    tx,
    ctx.networkId,
    next.id,
    steps.map((s) => ({ stepLineageId: s.lineage_id, stepTypeId: s.step_type_id, text: s.text, dueOn: s.due_on })),
  );
  await recordAudit(tx, ctx, {
    action: 'referral.create',
    entityType: 'referral',
    entityId: next.id,
    details: { participantId: previous.participant_id, previousReferralId: previous.id, tasks: steps.length },
  });
  return next.id;
}

export async function updateReferral(db: Db, ctx: ServiceContext, id: string, input: ReferralUpdateInput): Promise<ReferralView> {
  await db.transaction().execute(async (tx) => {
    const loaded = await requireReferral(tx, ctx, id, 'update', true);
    await checkVersion(loaded, input.version, () => reload(tx, ctx, id));
    if (loaded.row.state !== 'draft') throw new Conflict('Only a draft can be changed');
    const startsOn = input.startsOn ?? loaded.row.starts_on;
    const endsOn = input.endsOn ?? loaded.row.ends_on;
    if (endsOn <= startsOn) throw new Invalid('The end must be after the start', { endsOn: ['The end must be after the start'] });
    if (input.tasks) {
      await checkTasks(tx, ctx, loaded.row.case_id, input.tasks);
      await tx.deleteFrom('referral_tasks').where('referral_id', '=', id).execute();
      await q.insertTasks(tx, ctx.networkId, id, input.tasks);
    }
    await tx
      .updateTable('referrals')
      .set((eb) => ({
        starts_on: startsOn,
        ends_on: endsOn,
        categories: input.categories,
        contact_name: input.contactName ?? undefined,
        contact_phone: input.contactPhone,
        contact_email: input.contactEmail,
        message: input.message,
        ...bump(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    const fields = Object.keys(input).filter((k) => k !== 'version');
    await recordAudit(tx, ctx, { action: 'referral.update', entityType: 'referral', entityId: id, details: { fields } });
  });
  return reload(db, ctx, id);
}

/**
 * Sends the form to the partner. Refused without a valid consent that covers the partner
 * and every category, unless the case manager gives a reason, which is audited apart.
 */
export async function sendReferral(db: Db, ctx: ServiceContext, id: string, input: { version: number; overrideReason?: string | null }) {
  await db.transaction().execute(async (tx) => {
    const loaded = await requireReferral(tx, ctx, id, 'update', true);
    await checkVersion(loaded, input.version, () => reload(tx, ctx, id));
    const { row } = loaded;
    if (row.state !== 'draft') throw new Conflict('The referral was sent already');
    const check = await checkConsent(tx, row.participant_id, row.partner_organisation_id, row.categories);
    if (!check.covered && !input.overrideReason)
      throw new Invalid('No valid consent covers this partner and these data categories', {
        consent: [`Missing consent for: ${check.missing.join(', ')}`],
        overrideReason: ['Record the consent first, or give a reason for sending without it'],
      });
    await tx
      .updateTable('referrals')
      .set((eb) => ({
        state: 'sent',
        consent_id: check.consentId,
        override_reason: check.covered ? null : (input.overrideReason ?? null),
        sent_at: new Date(),
        sent_by: ctx.actor.userId,
        ...bump(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'referral.send',
      entityType: 'referral',
      entityId: id,
      details: { participantId: row.participant_id, partnerOrganisationId: row.partner_organisation_id, consentId: check.consentId },
    });
    if (!check.covered)
      await recordAudit(tx, ctx, {
        action: 'referral.consent_override',
        entityType: 'referral',
        entityId: id,
        // The reason stays on the referral (free text about the person); the log names what was missing.
        details: { participantId: row.participant_id, missing: check.missing, fields: ['override_reason'] },
      });
    await recordCaseEvent(tx, ctx, {
      participantId: row.participant_id,
      caseId: row.case_id,
      kind: 'referral.sent',
      data: { referralId: id, partnerName: row.partner_name, override: !check.covered },
    });
  });
  return reload(db, ctx, id);
}

export async function getReferral(db: Db, ctx: ServiceContext, id: string): Promise<ReferralView> {
  const loaded = await requireReferral(db, ctx, id, 'read');
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'referral.read',
      entityType: 'referral',
      entityId: id,
      details: { participantId: loaded.row.participant_id },
    }),
  );
  return toView(db, ctx, loaded);
}

/**
 * The office's referrals (of its participants), or a partner caseworker's: the inbox of
 * their organisations and the referrals they work on while live.
 */
export async function listReferrals(
  db: Db,
  ctx: ServiceContext,
  query: { box: 'inbox' | 'active' | 'closed' | 'all'; participantId?: string },
): Promise<ReferralListItem[]> {
  const offices = participantOfficeScope(ctx.actor);
  const partners = referralPartnerScope(ctx.actor);
  if (offices.length === 0 && partners.length === 0) throw new Forbidden();
  if (query.participantId && offices.length > 0) await requireParticipant(db, ctx, query.participantId, 'read');
  const states = { inbox: ['sent'], active: ['accepted'], closed: ['declined', 'revoked', 'completed'], all: null }[query.box];
  const on = today();
  let rows = referralRows(db, ctx.networkId)
    .where((eb) =>
      eb.or([
        ...(offices.length > 0 ? [eb('participants.office_id', 'in', offices)] : []),
        eb(inboxOf(ctx.actor, on), '=', true),
        eb(liveForCaseworker(ctx.actor, on), '=', true),
      ]),
    )
    .orderBy('referrals.starts_on', 'desc');
  if (states) rows = rows.where('referrals.state', 'in', states as ReferralView['state'][]);
  if (query.participantId) rows = rows.where('referrals.participant_id', '=', query.participantId);
  const visible = await rows.limit(500).execute();
  const open = visible.length
    ? await db
        .selectFrom('referral_tasks')
        .select(['referral_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where(
          'referral_id',
          'in',
          visible.map((r) => r.id),
        )
        .where('status', 'in', ['open', 'in_progress'])
        .groupBy('referral_id')
        .execute()
    : [];
  const openBy = new Map(open.map((o) => [o.referral_id, Number(o.n)]));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'referral.list',
      entityType: 'referral',
      details: { ids: visible.map((r) => r.id), box: query.box },
    }),
  );
  return visible.map((row) => ({
    id: row.id,
    participantId: row.participant_id,
    participantName: `${row.preferred_name ?? row.given_names} ${row.family_name}`,
    partnerOrganisationId: row.partner_organisation_id,
    partnerName: row.partner_name,
    state: row.state,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    sentAt: iso(row.sent_at),
    caseworkerName: row.caseworker_name,
    overrideReason: offices.includes(row.office_id) ? row.override_reason : null,
    declineReason: row.decline_reason,
    revokeReason: row.revoke_reason,
    version: row.version,
    openTasks: openBy.get(row.id) ?? 0,
  }));
}
