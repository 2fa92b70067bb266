import type { Db } from '../../db/database.ts';
import { Conflict, Invalid } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { INTAKE_SECTIONS, type IntakeSection, type IntakeSectionInput, type IntakeView } from './intake.schemas.ts';

type Row = { case_id: string; conducted_on: string | null; sections: Record<string, unknown>; version: number };
const toView = (r: Row): IntakeView => ({ caseId: r.case_id, conductedOn: r.conducted_on, sections: r.sections, version: r.version });

/** The intake of the participant's current case; null before the first section is saved. */
export async function getIntake(db: Db, ctx: ServiceContext, participantId: string): Promise<IntakeView | null> {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  if (!person.current_case_id) return null;
  const row = await db.selectFrom('intakes').selectAll().where('case_id', '=', person.current_case_id).executeTakeFirst();
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'intake.read', entityType: 'intake', entityId: participantId }));
  return row ? toView(row) : null;
}

export async function saveIntakeSection(
  db: Db,
  ctx: ServiceContext,
  participantId: string,
  section: IntakeSection,
  input: IntakeSectionInput,
): Promise<IntakeView> {
  const parsed = INTAKE_SECTIONS[section].safeParse(input.data);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[['data', ...issue.path].join('.')] ??= []).push(issue.message);
    throw new Invalid(`The section ${section} has invalid fields`, fields);
  }
  return db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, participantId, 'update');
    if (!person.current_case_id) throw new Invalid('The participant has no open case');
    if (section === 'skills') {
      const ids = (parsed.data as { items: { skillId: string }[] }).items.map((i) => i.skillId);
      const known = ids.length
        ? await tx.selectFrom('skills').select('id').where('network_id', '=', ctx.networkId).where('id', 'in', ids).execute()
        : [];
      const unknown = ids.findIndex((id) => !known.some((k) => k.id === id));
      if (unknown >= 0) throw new Invalid('Unknown skill', { [`data.items.${unknown}.skillId`]: ['Not in the skills catalogue'] });
    }
    const before = await tx.selectFrom('intakes').selectAll().where('case_id', '=', person.current_case_id).forUpdate().executeTakeFirst();
    if (before && before.version !== input.version) throw new Conflict('The intake was changed by someone else', toView(before));
    if (!before && input.version !== undefined) throw new Conflict('The intake does not exist yet; reload');
    const sections = { ...(before?.sections ?? {}), [section]: parsed.data };
    const row = before
      ? await tx
          .updateTable('intakes')
          .set((eb) => ({
            sections: JSON.stringify(sections),
            conducted_on: input.conductedOn === undefined ? before.conducted_on : input.conductedOn,
            updated_at: new Date(),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('intakes')
          .values({
            network_id: ctx.networkId,
            participant_id: participantId,
            case_id: person.current_case_id,
            sections: JSON.stringify(sections),
            conducted_on: input.conductedOn ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'intake.update', entityType: 'intake', entityId: participantId, details: { section } });
    await recordCaseEvent(tx, ctx, { participantId, caseId: person.current_case_id, kind: 'intake.saved', data: { section } });
    return toView(row);
  });
}
