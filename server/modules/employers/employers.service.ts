import { isUniqueViolation } from '../../db/errors.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { employerScope, isJobsStaff, may, requireMay, type Action, type Actor } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { cityExists } from '../organisations/organisations.queries.ts';
import * as q from './employers.queries.ts';
import type {
  EmployerContactInput,
  EmployerContactView,
  EmployerCreateInput,
  EmployerListQuery,
  EmployerUpdateInput,
  EmployerView,
} from './employers.schemas.ts';

const nameTaken = () => new Invalid('An organisation with this name exists', { name: ['An organisation with this name exists'] });
const unknownCity = () => new Invalid('Unknown city', { cityId: ['Unknown city'] });
/** A new employer has no id yet; the rule for creating one does not look at it. */
const newEmployer = { type: 'employer', employerId: '' } as const;

/**
 * Whose employers (and vacancies) the actor sees: staff every one of the network (null: no
 * limit), an employer's contacts their own company; anyone else is refused (403).
 */
export function visibleEmployers(actor: Actor): string[] | null {
  if (isJobsStaff(actor)) return null;
  const ids = employerScope(actor);
  if (ids.length === 0) throw new Forbidden();
  return ids;
}

/** The staff's notes and contact log are theirs alone. */
const seesNotes = (actor: Actor) => may(actor, 'read', { type: 'employerContactLog' });

/**
 * The employer as the actor may see it, or 404: another network's, a non-employer's or
 * (for an employer's contact) another company's id does not exist for this user.
 */
export async function requireEmployer(db: Db | Tx, ctx: ServiceContext, id: string, action: Action) {
  visibleEmployers(ctx.actor);
  const row = await q.findEmployer(db, ctx.networkId, id);
  if (!row || !may(ctx.actor, 'read', { type: 'employer', employerId: id })) throw new NotFound('Employer');
  requireMay(ctx.actor, action, { type: 'employer', employerId: id });
  return row;
}

export async function listEmployers(db: Db, ctx: ServiceContext, query: EmployerListQuery) {
  const scope = visibleEmployers(ctx.actor);
  const { rows, total } = await q.listEmployers(db, ctx.networkId, scope, query);
  const items = rows.map((row) => q.toEmployerView(row, { withNotes: seesNotes(ctx.actor) }));
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'employer.list', entityType: 'employer', details: { ids: items.map((i) => i.id) } }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getEmployer(db: Db, ctx: ServiceContext, id: string): Promise<EmployerView> {
  const row = await requireEmployer(db, ctx, id, 'read');
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'employer.read', entityType: 'employer', entityId: id }));
  return q.toEmployerView(row, { withNotes: seesNotes(ctx.actor) });
}

export async function createEmployer(db: Db, ctx: ServiceContext, input: EmployerCreateInput): Promise<EmployerView> {
  requireMay(ctx.actor, 'create', newEmployer);
  try {
    return await db.transaction().execute(async (tx) => {
      if (input.cityId && !(await cityExists(tx, ctx.networkId, input.cityId))) throw unknownCity();
      const { id } = await tx
        .insertInto('organisations')
        .values({
          network_id: ctx.networkId,
          kind: 'employer',
          name: input.name,
          city_id: input.cityId ?? null,
          sector: input.sector ?? null,
          size: input.size ?? null,
          address: input.address ?? null,
          postcode: input.postcode ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          description: input.description ?? '',
          notes: input.notes ?? null,
          contact_persons: JSON.stringify(input.contactPersons),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'employer.create',
        entityType: 'employer',
        entityId: id,
        details: { fields: givenFields(input) },
      });
      return q.toEmployerView((await q.findEmployer(tx, ctx.networkId, id))!, { withNotes: true });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function updateEmployer(db: Db, ctx: ServiceContext, id: string, input: EmployerUpdateInput): Promise<EmployerView> {
  const { version, ...changes } = input;
  try {
    return await db.transaction().execute(async (tx) => {
      const before = await requireEmployer(tx, ctx, id, 'update');
      const current = async () => q.toEmployerView((await q.findEmployer(tx, ctx.networkId, id))!, { withNotes: true });
      if (before.version !== version) throw new Conflict('The employer was changed by someone else', await current());
      if (changes.cityId && !(await cityExists(tx, ctx.networkId, changes.cityId))) throw unknownCity();
      const updated = await tx
        .updateTable('organisations')
        .set((eb) => ({
          name: changes.name,
          city_id: changes.cityId,
          sector: changes.sector,
          size: changes.size,
          address: changes.address,
          postcode: changes.postcode,
          email: changes.email,
          phone: changes.phone,
          description: changes.description,
          notes: changes.notes,
          contact_persons: changes.contactPersons === undefined ? undefined : JSON.stringify(changes.contactPersons),
          active: changes.active,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('network_id', '=', ctx.networkId)
        .where('kind', '=', 'employer')
        .where('version', '=', version)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new Conflict('The employer was changed by someone else', await current());
      await recordAudit(tx, ctx, {
        action: 'employer.update',
        entityType: 'employer',
        entityId: id,
        details: { fields: givenFields(changes) },
      });
      return current();
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/** The names of the fields a request set, for the audit row (never their values). */
export function givenFields(input: object): string[] {
  return Object.entries(input)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

// ---- The contact log: the staff's record of calls, visits and events ------------

export async function listContacts(db: Db, ctx: ServiceContext, employerId: string): Promise<EmployerContactView[]> {
  requireMay(ctx.actor, 'list', { type: 'employerContactLog' });
  await requireEmployer(db, ctx, employerId, 'read');
  const rows = await q.listContacts(db, ctx.networkId, employerId);
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'employer_contact.list', entityType: 'employer', entityId: employerId }));
  return rows.map(q.toContactView);
}

export async function recordContact(
  db: Db,
  ctx: ServiceContext,
  employerId: string,
  input: EmployerContactInput,
): Promise<EmployerContactView> {
  requireMay(ctx.actor, 'create', { type: 'employerContactLog' });
  return db.transaction().execute(async (tx) => {
    await requireEmployer(tx, ctx, employerId, 'read');
    const { id } = await tx
      .insertInto('employer_contacts')
      .values({
        network_id: ctx.networkId,
        employer_id: employerId,
        kind: input.kind,
        contacted_on: input.contactedOn,
        note: input.note,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'employer_contact.create',
      entityType: 'employer_contact',
      entityId: id,
      details: { employerId, kind: input.kind },
    });
    return q.toContactView(await q.findContact(tx, ctx.networkId, employerId, id));
  });
}
