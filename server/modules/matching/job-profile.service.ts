import type { Db, Tx } from '../../db/database.ts';
import { Conflict } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import type { JobProfileInput, JobProfileView } from './matching.schemas.ts';

// The job profile: how the person gets to work and how much they can work, what matching
// needs beyond the intake. Saved as a whole with a version; version 0 means never saved.

async function loadProfile(db: Db | Tx, participantId: string, lock = false): Promise<JobProfileView> {
  let query = db.selectFrom('job_profiles').selectAll().where('participant_id', '=', participantId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return {
    participantId,
    reachability: row?.reachability ?? null,
    maxHoursPerWeek: row?.max_hours_per_week ?? null,
    availableFrom: row?.available_from ?? null,
    shiftWork: row?.shift_work ?? null,
    weekendWork: row?.weekend_work ?? null,
    version: row?.version ?? 0,
  };
}

export async function getJobProfile(db: Db, ctx: ServiceContext, participantId: string): Promise<JobProfileView> {
  await requireParticipant(db, ctx, participantId, 'read');
  const profile = await loadProfile(db, participantId);
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'job_profile.read', entityType: 'participant', entityId: participantId }));
  return profile;
}

export async function saveJobProfile(db: Db, ctx: ServiceContext, participantId: string, input: JobProfileInput): Promise<JobProfileView> {
  return db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, participantId, 'update');
    const current = await loadProfile(tx, participantId, true);
    if ((input.version ?? 0) !== current.version) throw new Conflict('The job profile was changed by someone else', current);
    const values = {
      reachability: input.reachability ?? null,
      max_hours_per_week: input.maxHoursPerWeek ?? null,
      available_from: input.availableFrom ?? null,
      shift_work: input.shiftWork ?? null,
      weekend_work: input.weekendWork ?? null,
      updated_at: new Date(),
    };
    // Two first saves at once: the primary key lets one in, the other finds a version it did not read.
    const saved = await tx
      .insertInto('job_profiles')
      .values({ participant_id: participantId, network_id: ctx.networkId, ...values })
      .onConflict((oc) =>
        oc
          .column('participant_id')
          .doUpdateSet((eb) => ({ ...values, version: eb('job_profiles.version', '+', 1) }))
          .where('job_profiles.version', '=', current.version),
      )
      .returning('participant_id')
      .executeTakeFirst();
    if (!saved) throw new Conflict('The job profile was changed by someone else', await loadProfile(tx, participantId));
    const fields = Object.keys(input).filter((k) => k !== 'version');
    await recordAudit(tx, ctx, { action: 'job_profile.update', entityType: 'participant', entityId: participantId, details: { fields } });
    await recordCaseEvent(tx, ctx, { participantId, caseId: person.current_case_id, kind: 'job_profile.saved', data: { fields } });
    return loadProfile(tx, participantId);
  });
}
