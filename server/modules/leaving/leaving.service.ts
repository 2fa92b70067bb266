import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope, requireMay, type Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { LeavingSituationInput, LeavingSituationResponse, LeavingSituationView } from './leaving.schemas.ts';

// The situation on leaving belongs to the case file: the case managers of the responsible
// office read and record it (policy: participant). It can only be recorded for a case that
// was left, since it describes the four weeks after the exit.

const NO_OFFICE = '00000000-0000-0000-0000-000000000000';

async function requireCase(db: Db | Tx, ctx: ServiceContext, caseId: string, action: Action) {
  const scope = participantOfficeScope(ctx.actor);
  const kase = await db
    .selectFrom('cases')
    .select(['id', 'office_id', 'exit_date'])
    .where('id', '=', caseId)
    .where('network_id', '=', ctx.networkId)
    .where('office_id', 'in', scope.length ? scope : [NO_OFFICE])
    .executeTakeFirst();
  if (!kase) throw new NotFound('Case');
  requireMay(ctx.actor, action, { type: 'participant', officeId: kase.office_id });
  return kase;
}

async function find(db: Db | Tx, networkId: string, caseId: string): Promise<LeavingSituationView | null> {
  const row = await db
    .selectFrom('leaving_situations')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  return row
    ? {
        caseId: row.case_id,
        jobSearching: row.job_searching,
        inEducationOrTraining: row.in_education_or_training,
        qualificationGained: row.qualification_gained,
        updatedAt: row.updated_at.toISOString(),
        version: row.version,
      }
    : null;
}

export async function getLeavingSituation(db: Db, ctx: ServiceContext, caseId: string): Promise<LeavingSituationResponse> {
  await requireCase(db, ctx, caseId, 'read');
  const situation = await find(db, ctx.networkId, caseId);
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'leaving_situation.read', entityType: 'case', entityId: caseId }));
  return { situation };
}

export async function saveLeavingSituation(
  db: Db,
  ctx: ServiceContext,
  caseId: string,
  input: LeavingSituationInput,
): Promise<LeavingSituationView> {
  const { version, ...fields } = input;
  return db.transaction().execute(async (tx) => {
    const kase = await requireCase(tx, ctx, caseId, 'update');
    if (!kase.exit_date) throw new Invalid('The case has not been left', { caseId: ['Record the exit first'] });
    const before = await tx.selectFrom('leaving_situations').select('version').where('case_id', '=', caseId).forUpdate().executeTakeFirst();
    if ((before?.version ?? undefined) !== version) {
      throw new Conflict('The situation on leaving was changed by someone else', await find(tx, ctx.networkId, caseId));
    }
    const values = {
      job_searching: fields.jobSearching,
      in_education_or_training: fields.inEducationOrTraining,
      qualification_gained: fields.qualificationGained,
      recorded_by: ctx.actor.userId,
      updated_at: new Date(),
    };
    if (before) {
      await tx
        .updateTable('leaving_situations')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('case_id', '=', caseId)
        .execute();
    } else {
      await tx
        .insertInto('leaving_situations')
        .values({ ...values, case_id: caseId, network_id: ctx.networkId })
        .execute();
    }
    await recordAudit(tx, ctx, {
      action: before ? 'leaving_situation.update' : 'leaving_situation.create',
      entityType: 'case',
      entityId: caseId,
      details: fields,
    });
    return (await find(tx, ctx.networkId, caseId))!;
  });
}
