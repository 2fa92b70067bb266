import { isUniqueViolation } from '../../db/errors.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Invalid } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  DEFAULT_SKILLS,
  type FundingPeriodCreateInput,
  type FundingPeriodView,
  type SkillCreateInput,
  type SkillView,
} from './catalogues.schemas.ts';

export async function insertDefaultSkills(tx: Tx, networkId: string): Promise<void> {
  await tx
    .insertInto('skills')
    .values(DEFAULT_SKILLS.map(([de, en]) => ({ network_id: networkId, label_de: de, label_en: en })))
    .execute();
}

export async function listSkills(db: Db, ctx: ServiceContext): Promise<SkillView[]> {
  requireMay(ctx.actor, 'list', { type: 'catalogue' });
  const rows = await db
    .selectFrom('skills')
    .select(['id', 'label_de', 'label_en', 'esco_uri'])
    .where('network_id', '=', ctx.networkId)
    .orderBy('label_de')
    .execute();
  return rows.map((r) => ({ id: r.id, labelDe: r.label_de, labelEn: r.label_en, escoUri: r.esco_uri }));
}

export async function createSkill(db: Db, ctx: ServiceContext, input: SkillCreateInput): Promise<SkillView> {
  requireMay(ctx.actor, 'create', { type: 'catalogue' });
  try {
    return await db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('skills')
        .values({ network_id: ctx.networkId, label_de: input.labelDe, label_en: input.labelEn, esco_uri: input.escoUri ?? null })
        .returning(['id', 'label_de', 'label_en', 'esco_uri'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'catalogue.update', entityType: 'skill', entityId: r.id });
      return { id: r.id, labelDe: r.label_de, labelEn: r.label_en, escoUri: r.esco_uri };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Invalid('This skill exists already', { labelDe: ['This skill exists already'] });
    throw err;
  }
}

export async function listFundingPeriods(db: Db, ctx: ServiceContext): Promise<FundingPeriodView[]> {
  requireMay(ctx.actor, 'list', { type: 'catalogue' });
  const rows = await db
    .selectFrom('funding_periods')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('network_id', '=', ctx.networkId)
    .orderBy('starts_on')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on }));
}

export async function createFundingPeriod(db: Db, ctx: ServiceContext, input: FundingPeriodCreateInput): Promise<FundingPeriodView> {
  requireMay(ctx.actor, 'create', { type: 'catalogue' });
  try {
    return await db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('funding_periods')
        .values({ network_id: ctx.networkId, name: input.name, starts_on: input.startsOn, ends_on: input.endsOn })
        .returning(['id', 'name', 'starts_on', 'ends_on'])
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'catalogue.update', entityType: 'funding_period', entityId: r.id });
      return { id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new Invalid('A funding period with this name exists', { name: ['A funding period with this name exists'] });
    throw err;
  }
}
