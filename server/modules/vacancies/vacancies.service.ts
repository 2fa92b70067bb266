import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { may, requireMay, type Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { employerExists } from '../employers/employers.queries.ts';
import { givenFields, visibleEmployers } from '../employers/employers.service.ts';
import * as q from './vacancies.queries.ts';
import type { VacancyCreateInput, VacancyListQuery, VacancyUpdateInput, VacancyView } from './vacancies.schemas.ts';

const changedBySomeoneElse = 'The vacancy was changed by someone else';

/**
 * The vacancy as the actor may see it, or 404: another network's, or (for an employer's
 * contact) another company's vacancy does not exist for this user. Roles that never see
 * vacancies get 403.
 */
export async function requireVacancy(db: Db | Tx, ctx: ServiceContext, id: string, action: Action) {
  visibleEmployers(ctx.actor);
  const row = await q.findVacancyView(db, ctx.networkId, id);
  if (!row || !may(ctx.actor, 'read', { type: 'vacancy', employerId: row.employer_id })) throw new NotFound('Vacancy');
  requireMay(ctx.actor, action, { type: 'vacancy', employerId: row.employer_id });
  return row;
}

/** Every required skill must be one of the network's catalogue. */
async function checkSkills(tx: Tx, networkId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const known = await q.skillLabels(tx, networkId, unique);
  if (known.size !== unique.length) {
    throw new Invalid('Unknown skill', { requiredSkillIds: ['Choose skills from the catalogue'] });
  }
  return unique;
}

const view = async (tx: Tx, ctx: ServiceContext, id: string) =>
  (await q.toVacancyViews(tx, ctx.networkId, [(await q.findVacancyView(tx, ctx.networkId, id))!]))[0]!;

export async function listVacancies(db: Db, ctx: ServiceContext, query: VacancyListQuery) {
  // An employer's contacts filtering by another company's id get an empty page, as for any unknown id.
  const scope = visibleEmployers(ctx.actor);
  const { rows, total } = await q.listVacancies(db, ctx.networkId, scope, query);
  const items = await q.toVacancyViews(db, ctx.networkId, rows);
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'vacancy.list', entityType: 'vacancy', details: { ids: items.map((i) => i.id) } }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getVacancy(db: Db, ctx: ServiceContext, id: string): Promise<VacancyView> {
  const row = await requireVacancy(db, ctx, id, 'read');
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'vacancy.read', entityType: 'vacancy', entityId: id }));
  return (await q.toVacancyViews(db, ctx.networkId, [row]))[0]!;
}

export async function createVacancy(db: Db, ctx: ServiceContext, input: VacancyCreateInput): Promise<VacancyView> {
  // An employer's contact naming another company is refused outright (403), not redirected.
  requireMay(ctx.actor, 'create', { type: 'vacancy', employerId: input.employerId });
  return db.transaction().execute(async (tx) => {
    if (!(await employerExists(tx, ctx.networkId, input.employerId))) {
      throw new Invalid('Unknown employer', { employerId: ['Choose an employer of the network'] });
    }
    const skillIds = await checkSkills(tx, ctx.networkId, input.requiredSkillIds);
    const { id } = await tx
      .insertInto('vacancies')
      .values({
        network_id: ctx.networkId,
        employer_id: input.employerId,
        kind: input.kind,
        title: input.title,
        occupation: input.occupation ?? null,
        description: input.description,
        required_skill_ids: skillIds,
        german_level: input.germanLevel ?? null,
        driving_licence: input.drivingLicence,
        shift_work: input.shiftWork,
        weekend_work: input.weekendWork,
        physical_demands: input.physicalDemands,
        postcode: input.postcode ?? null,
        town: input.town ?? null,
        hours_per_week: input.hoursPerWeek ?? null,
        starts_on: input.startsOn ?? null,
        places: input.places,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'vacancy.create',
      entityType: 'vacancy',
      entityId: id,
      details: { employerId: input.employerId, kind: input.kind },
    });
    return view(tx, ctx, id);
  });
}

export async function updateVacancy(db: Db, ctx: ServiceContext, id: string, input: VacancyUpdateInput): Promise<VacancyView> {
  const { version, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const before = await requireVacancy(tx, ctx, id, 'update');
    if (before.version !== version) throw new Conflict(changedBySomeoneElse, await view(tx, ctx, id));
    // The rule of VacancyCreateInput, on the vacancy as it will be after this change.
    const kind = changes.kind ?? before.kind;
    const occupation = changes.occupation === undefined ? before.occupation : changes.occupation;
    if (kind === 'apprenticeship' && !occupation) {
      throw new Invalid('An apprenticeship needs its training occupation', {
        occupation: ['An apprenticeship needs its training occupation'],
      });
    }
    // Places already taken stay taken: no fewer places than hires, and no reopening a full vacancy.
    if (changes.places !== undefined || changes.status === 'open') {
      const { n } = await tx
        .selectFrom('proposals')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('vacancy_id', '=', id)
        .where('stage', '=', 'hired')
        .executeTakeFirstOrThrow();
      const places = changes.places ?? before.places;
      if (places < Number(n)) throw new Invalid('Fewer places than people hired', { places: [`${n} people are hired already`] });
      if ((changes.status ?? before.status) === 'open' && places <= Number(n))
        throw new Invalid('Every place is taken; add a place to reopen it', { status: ['Every place is taken'] });
    }
    const skillIds = changes.requiredSkillIds && (await checkSkills(tx, ctx.networkId, changes.requiredSkillIds));
    const updated = await tx
      .updateTable('vacancies')
      .set((eb) => ({
        kind: changes.kind,
        title: changes.title,
        occupation: changes.occupation,
        description: changes.description,
        required_skill_ids: skillIds,
        german_level: changes.germanLevel,
        driving_licence: changes.drivingLicence,
        shift_work: changes.shiftWork,
        weekend_work: changes.weekendWork,
        physical_demands: changes.physicalDemands,
        postcode: changes.postcode,
        town: changes.town,
        hours_per_week: changes.hoursPerWeek,
        starts_on: changes.startsOn,
        places: changes.places,
        status: changes.status,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('network_id', '=', ctx.networkId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new Conflict(changedBySomeoneElse, await view(tx, ctx, id));
    await recordAudit(tx, ctx, {
      action: 'vacancy.update',
      entityType: 'vacancy',
      entityId: id,
      details: { fields: givenFields(changes) },
    });
    return view(tx, ctx, id);
  });
}
