import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import type { ReportOptions } from './programme.schemas.ts';

// The organisations a report can be filtered by. Analysts may not list organisations (that
// is administration), so the dashboard asks here: names of offices and partners only.
export async function reportOptions(db: Db, ctx: ServiceContext): Promise<ReportOptions> {
  requireMay(ctx.actor, 'read', { type: 'report' });
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('network_id', '=', ctx.networkId)
    .where('kind', 'in', ['case_management_office', 'partner'])
    .orderBy('name')
    .execute();
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id, name }));
  return { offices: of('case_management_office'), partners: of('partner') };
}
