import type { Db } from '../../db/database.ts';
import { addDays, today } from '../../dates.ts';
import { Forbidden } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope, referralPartnerScope } from '../access/policy.ts';
import { listAppointments } from '../appointments/appointments.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listReferrals } from '../referrals/referrals.service.ts';
import { listDeadlines } from '../residence/residence.service.ts';
import type { DueItem, WeekView } from './worklists.schemas.ts';

// The week at a glance. Each part comes from the module that owns it, with the same
// scoping as its own list; only the due steps and tasks are queried here.

async function dueSteps(db: Db, ctx: ServiceContext, offices: string[], to: string): Promise<DueItem[]> {
  if (offices.length === 0) return [];
  const rows = await db
    .selectFrom('plan_steps')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_steps.plan_version_id')
    .innerJoin('participants', 'participants.id', 'plan_versions.participant_id')
    .innerJoin('step_types', 'step_types.id', 'plan_steps.step_type_id')
    .innerJoin('organisations', 'organisations.id', 'plan_steps.responsible_organisation_id')
    .select([
      'plan_steps.id',
      'plan_steps.text',
      'plan_steps.due_on',
      'plan_steps.status',
      'plan_steps.version',
      'participants.id as participant_id',
      'participants.given_names',
      'participants.preferred_name',
      'participants.family_name',
      'step_types.key',
      'step_types.labels',
      'organisations.name as organisation_name',
    ])
    .where('plan_steps.network_id', '=', ctx.networkId)
    .where('plan_versions.state', '=', 'current')
    .where('participants.office_id', 'in', offices)
    .where('participants.case_manager_id', '=', ctx.actor.userId)
    .where('participants.merged_into', 'is', null)
    .where('plan_steps.status', 'in', ['open', 'in_progress'])
    .where('plan_steps.due_on', '<=', to)
    .orderBy('plan_steps.due_on')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    kind: 'step',
    id: r.id,
    participantId: r.participant_id,
    participantName: `${r.preferred_name ?? r.given_names} ${r.family_name}`,
    referralId: null,
    stepTypeKey: r.key,
    stepTypeLabels: r.labels as DueItem['stepTypeLabels'],
    text: r.text,
    responsibleOrganisationName: r.organisation_name,
    dueOn: r.due_on,
    status: r.status,
    version: r.version,
  }));
}

/** Open tasks of the caseworker's live referrals due by `to` (overdue ones and those without a date included), soonest first. */
async function openTasks(db: Db, ctx: ServiceContext, partners: string[], to: string): Promise<DueItem[]> {
  if (partners.length === 0) return [];
  const live = await listReferrals(db, ctx, { box: 'active' });
  const ids = live.filter((r) => partners.includes(r.partnerOrganisationId)).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('referral_tasks')
    .innerJoin('step_types', 'step_types.id', 'referral_tasks.step_type_id')
    .innerJoin('referrals', 'referrals.id', 'referral_tasks.referral_id')
    .innerJoin('organisations', 'organisations.id', 'referrals.partner_organisation_id')
    .selectAll('referral_tasks')
    .select(['step_types.key', 'step_types.labels', 'organisations.name as organisation_name', 'referrals.participant_id'])
    .where('referral_tasks.referral_id', 'in', ids)
    .where('referral_tasks.status', 'in', ['open', 'in_progress'])
    .where((eb) => eb.or([eb('referral_tasks.due_on', 'is', null), eb('referral_tasks.due_on', '<=', to)]))
    .orderBy(
      (eb) => eb.ref('referral_tasks.due_on'),
      (ob) => ob.asc().nullsLast(),
    )
    .execute();
  const names = new Map(live.map((r) => [r.id, r.participantName]));
  return rows.map((r) => ({
    kind: 'task',
    id: r.id,
    participantId: r.participant_id,
    participantName: names.get(r.referral_id) ?? '',
    referralId: r.referral_id,
    stepTypeKey: r.key,
    stepTypeLabels: r.labels as DueItem['stepTypeLabels'],
    text: r.text,
    responsibleOrganisationName: r.organisation_name,
    dueOn: r.due_on,
    status: r.status,
    version: r.version,
  }));
}

export async function getWeek(db: Db, ctx: ServiceContext, days: number): Promise<WeekView> {
  const offices = participantOfficeScope(ctx.actor);
  const partners = referralPartnerScope(ctx.actor);
  if (offices.length === 0 && partners.length === 0) throw new Forbidden();
  const from = today();
  const to = addDays(from, days);
  const [steps, tasks, appointments, upcoming, inbox, deadlines] = [
    await dueSteps(db, ctx, offices, to),
    await openTasks(db, ctx, partners, to),
    await listAppointments(db, ctx, { from, to }),
    await listAppointments(db, ctx, { from, to: addDays(from, 28) }),
    await listReferrals(db, ctx, { box: 'inbox' }),
    offices.length > 0 ? await listDeadlines(db, ctx, { withinDays: 28, mine: true }) : [],
  ];
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'worklist.read',
      entityType: 'worklist',
      details: { days, participantIds: [...new Set(steps.map((s) => s.participantId))] },
    }),
  );
  return {
    from,
    to,
    due: [...steps, ...tasks],
    appointments: appointments.filter((a) => a.state !== 'cancelled'),
    conferences: upcoming.filter((a) => a.kind === 'case_conference' && a.state === 'planned'),
    referrals: inbox,
    deadlines,
  };
}
