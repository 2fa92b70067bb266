import { isUniqueViolation } from '../../db/errors.ts';
import type { Db } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './organisations.queries.ts';
import type { OrganisationCreateInput, OrganisationListQuery, OrganisationUpdateInput, OrganisationView } from './organisations.schemas.ts';

const nameTaken = () => new Invalid('An organisation with this name exists', { name: ['An organisation with this name exists'] });

export async function listOrganisations(db: Db, ctx: ServiceContext, query: OrganisationListQuery) {
  requireMay(ctx.actor, 'list', { type: 'organisation' });
  const { rows, total } = await q.listOrganisations(db, ctx.networkId, query);
  return { items: rows.map(q.toView), total, page: query.page, pageSize: query.pageSize };
}

export async function getOrganisation(db: Db, ctx: ServiceContext, id: string): Promise<OrganisationView> {
  requireMay(ctx.actor, 'read', { type: 'organisation' });
  const row = await q.findOrganisation(db, ctx.networkId, id);
  if (!row) throw new NotFound('Organisation');
  return q.toView(row);
}

export async function createOrganisation(db: Db, ctx: ServiceContext, input: OrganisationCreateInput): Promise<OrganisationView> {
  requireMay(ctx.actor, 'create', { type: 'organisation' });
  try {
    return await db.transaction().execute(async (tx) => {
      if (input.cityId && !(await q.cityExists(tx, ctx.networkId, input.cityId))) {
        throw new Invalid('Unknown city', { cityId: ['Unknown city'] });
      }
      const { id } = await tx
        .insertInto('organisations')
        .values({
          network_id: ctx.networkId,
          kind: input.kind,
          name: input.name,
          city_id: input.cityId ?? null,
          description: input.description ?? '',
          email: input.email ?? null,
          phone: input.phone ?? null,
          address: input.address ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: id,
        details: { kind: input.kind },
      });
      return q.toView((await q.findOrganisation(tx, ctx.networkId, id))!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function updateOrganisation(
  db: Db,
  ctx: ServiceContext,
  id: string,
  input: OrganisationUpdateInput,
): Promise<OrganisationView> {
  requireMay(ctx.actor, 'update', { type: 'organisation' });
  const { version, ...changes } = input;
  try {
    return await db.transaction().execute(async (tx) => {
      const before = await q.findOrganisation(tx, ctx.networkId, id);
      if (!before) throw new NotFound('Organisation');
      if (before.version !== version) throw new Conflict('The organisation was changed by someone else', q.toView(before));
      if (changes.cityId && !(await q.cityExists(tx, ctx.networkId, changes.cityId))) {
        throw new Invalid('Unknown city', { cityId: ['Unknown city'] });
      }
      const updated = await tx
        .updateTable('organisations')
        .set((eb) => ({
          name: changes.name,
          city_id: changes.cityId,
          description: changes.description,
          email: changes.email,
          phone: changes.phone,
          address: changes.address,
          active: changes.active,
          updated_at: new Date(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('network_id', '=', ctx.networkId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        throw new Conflict('The organisation was changed by someone else', q.toView((await q.findOrganisation(tx, ctx.networkId, id))!));
      }
      const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
      await recordAudit(tx, ctx, { action: 'organisation.update', entityType: 'organisation', entityId: id, details: { fields } });
      return q.toView((await q.findOrganisation(tx, ctx.networkId, id))!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}
