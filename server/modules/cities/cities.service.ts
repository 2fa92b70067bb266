import { isUniqueViolation } from '../../db/errors.ts';
import type { Db } from '../../db/database.ts';
import { Invalid } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { CityCreateInput, CityView } from './cities.schemas.ts';

// Cities are few per network (Wuppertal, Solingen, Remscheid): no paging needed.
export async function listCities(db: Db, ctx: ServiceContext): Promise<CityView[]> {
  requireMay(ctx.actor, 'list', { type: 'city' });
  return db.selectFrom('cities').select(['id', 'name', 'version']).where('network_id', '=', ctx.networkId).orderBy('name').execute();
}

export async function createCity(db: Db, ctx: ServiceContext, input: CityCreateInput): Promise<CityView> {
  requireMay(ctx.actor, 'create', { type: 'city' });
  try {
    return await db.transaction().execute(async (tx) => {
      const city = await tx
        .insertInto('cities')
        .values({ network_id: ctx.networkId, name: input.name })
        .returning(['id', 'name', 'version'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'city.create', entityType: 'city', entityId: city.id });
      return city;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Invalid('This city exists already', { name: ['This city exists already'] });
    throw err;
  }
}
