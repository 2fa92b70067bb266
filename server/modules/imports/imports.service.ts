import type { Db } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope, requireMay } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkCaseReferences } from '../participants/participants.service.ts';
import { ImportRow, rowToInput, suggestMapping } from './imports.mapping.ts';
import { parseCsv, parseXlsx, type Table } from './imports.parse.ts';
import * as q from './imports.queries.ts';
import type { ImportSettings, PreviewView, RowProblem, UploadView } from './imports.schemas.ts';

const XLSX_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');
const MAX_PROBLEMS = 500;

function readTable(fileType: 'csv' | 'xlsx', content: Buffer): Promise<Table> {
  return fileType === 'xlsx' ? parseXlsx(content) : Promise.resolve(parseCsv(content));
}

export async function uploadImport(db: Db, ctx: ServiceContext, officeId: string, fileName: string, content: Buffer): Promise<UploadView> {
  requireMay(ctx.actor, 'create', { type: 'participant', officeId });
  const fileType = content.subarray(0, 4).equals(XLSX_MAGIC) ? 'xlsx' : 'csv';
  const table = await readTable(fileType, content);
  const row = await db.transaction().execute(async (tx) => {
    const created = await tx
      .insertInto('imports')
      .values({
        network_id: ctx.networkId,
        office_id: officeId,
        created_by: ctx.actor.userId,
        file_name: fileName,
        file_type: fileType,
        content,
        row_count: table.rows.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'participant.import',
      entityType: 'import',
      entityId: created.id,
      details: { stage: 'upload', rows: table.rows.length },
    });
    return created;
  });
  return {
    id: row.id,
    fileName,
    rowCount: table.rows.length,
    columns: table.headers,
    sample: table.rows.slice(0, 5),
    suggestedMapping: suggestMapping(table.headers),
    encoding: table.encoding ?? null,
  };
}

interface Prepared {
  importId: string;
  officeId: string;
  rows: q.StagedRow[];
  problems: Map<number, RowProblem>;
  invalid: number;
}

/** Parses and validates every row with the form's rules; nothing is written. */
async function prepare(db: Db, ctx: ServiceContext, importId: string, settings: ImportSettings): Promise<Prepared> {
  const upload = await db
    .selectFrom('imports')
    .selectAll()
    .where('id', '=', importId)
    .where('network_id', '=', ctx.networkId)
    .executeTakeFirst();
  if (!upload || !participantOfficeScope(ctx.actor).includes(upload.office_id)) throw new NotFound('Import');
  requireMay(ctx.actor, 'create', { type: 'participant', officeId: upload.office_id });
  if (upload.status === 'imported') throw new Conflict('This file was imported already');
  const mapped = new Set(Object.values(settings.mapping));
  const missing = (['givenNames', 'familyName'] as const).filter((f) => !mapped.has(f));
  if (missing.length) throw new Invalid('Map the required columns', { mapping: missing.map((f) => `No column is mapped to ${f}`) });

  const table = await readTable(upload.file_type, upload.content);
  const rows: q.StagedRow[] = [];
  const problems = new Map<number, RowProblem>();
  table.rows.forEach((cells, i) => {
    const line = i + 2;
    const parsed = ImportRow.safeParse(rowToInput(table.headers, cells, settings.mapping));
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (errors[issue.path.join('.') || '_'] ??= []).push(issue.message);
      problems.set(line, { row: line, errors, duplicateOf: [] });
      return;
    }
    const p = parsed.data;
    rows.push({
      row: line,
      givenNames: p.givenNames,
      familyName: p.familyName,
      preferredName: p.preferredName ?? null,
      birthDate: p.birthDate ?? null,
      gender: p.gender,
      nationality: p.nationality ?? null,
      germanLevel: p.germanLevel ?? null,
      phone: p.phone ?? null,
      email: p.email ?? null,
      street: p.street ?? null,
      postcode: p.postcode ?? null,
      town: p.town ?? null,
      interpreterNeeded: p.interpreterNeeded,
      entryDate: p.entryDate ?? null,
    });
  });
  return { importId, officeId: upload.office_id, rows, problems, invalid: problems.size };
}

/** Marks duplicate rows in `problems`; returns the rows flagged. */
async function flagDuplicates(tx: Parameters<typeof q.createStaging>[0], ctx: ServiceContext, prepared: Prepared): Promise<Set<number>> {
  const visible = new Set(participantOfficeScope(ctx.actor));
  const flagged = new Set<number>();
  const problem = (row: number) => {
    flagged.add(row);
    let p = prepared.problems.get(row);
    if (!p) prepared.problems.set(row, (p = { row, errors: {}, duplicateOf: [] }));
    return p;
  };
  for (const d of await q.duplicatesInNetwork(tx, ctx.networkId)) {
    problem(d.row_no).duplicateOf.push({
      participantId: visible.has(d.office_id) ? d.participant_id : null,
      row: null,
      officeName: d.office_name,
    });
  }
  for (const d of await q.duplicatesInFile(tx))
    problem(d.row_no).duplicateOf.push({ participantId: null, row: d.first_row, officeName: null });
  return flagged;
}

export async function previewImport(db: Db, ctx: ServiceContext, importId: string, settings: ImportSettings): Promise<PreviewView> {
  const prepared = await prepare(db, ctx, importId, settings);
  const flagged = await db.transaction().execute(async (tx) => {
    await q.createStaging(tx);
    await q.stageRows(tx, prepared.rows, () => {});
    return flagDuplicates(tx, ctx, prepared);
  });
  const rowCount = prepared.rows.length + prepared.invalid;
  return {
    rowCount,
    valid: prepared.rows.length,
    invalid: prepared.invalid,
    duplicates: flagged.size,
    problems: [...prepared.problems.values()].sort((a, b) => a.row - b.row).slice(0, MAX_PROBLEMS),
    missingRequired: [],
  };
}

export type Progress = { phase: 'validated' | 'staging' | 'checking' | 'inserting'; done: number; total: number };

/** Validates first (a 400 before anything starts), then runs the import. */
export async function startImport(db: Db, ctx: ServiceContext, importId: string, settings: ImportSettings) {
  const prepared = await prepare(db, ctx, importId, settings);
  if (prepared.invalid > 0) {
    const first = [...prepared.problems.values()].slice(0, 20);
    throw new Invalid(
      `${prepared.invalid} rows have errors; nothing was imported`,
      Object.fromEntries(first.map((p) => [`row ${p.row}`, Object.entries(p.errors).map(([f, m]) => `${f}: ${m.join(', ')}`)])),
    );
  }
  return (onProgress: (p: Progress) => void) => runImport(db, ctx, prepared, settings, onProgress);
}

/** All rows or none: one transaction. Likely duplicates are skipped unless the user chose them. */
async function runImport(db: Db, ctx: ServiceContext, prepared: Prepared, settings: ImportSettings, onProgress: (p: Progress) => void) {
  const total = prepared.rows.length;
  onProgress({ phase: 'validated', done: total, total });
  return db.transaction().execute(async (tx) => {
    const upload = await tx
      .selectFrom('imports')
      .select(['status'])
      .where('id', '=', prepared.importId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (upload.status === 'imported') throw new Conflict('This file was imported already');
    await checkCaseReferences(tx, ctx.networkId, prepared.officeId, {
      cityId: settings.cityId,
      caseManagerId: settings.caseManagerId ?? ctx.actor.userId,
      fundingPeriodId: settings.fundingPeriodId,
    });
    await q.createStaging(tx);
    await q.stageRows(tx, prepared.rows, (done) => onProgress({ phase: 'staging', done, total }));
    onProgress({ phase: 'checking', done: 0, total });
    const flagged = await flagDuplicates(tx, ctx, prepared);
    const skip = [...flagged].filter((row) => !settings.includeDuplicateRows.includes(row));
    onProgress({ phase: 'inserting', done: 0, total: total - skip.length });
    const ids = await q.insertStaged(
      tx,
      {
        networkId: ctx.networkId,
        officeId: prepared.officeId,
        cityId: settings.cityId,
        status: settings.status,
        caseManagerId: settings.caseManagerId ?? ctx.actor.userId,
        fundingPeriodId: settings.fundingPeriodId ?? null,
        actorUserId: ctx.actor.userId,
      },
      skip,
    );
    const finished = await tx
      .updateTable('imports')
      .set({ status: 'imported', imported_count: ids.length, skipped_count: skip.length, finished_at: new Date() })
      .where('id', '=', prepared.importId)
      .returning('finished_at')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'participant.import',
      entityType: 'import',
      entityId: prepared.importId,
      details: { stage: 'run', imported: ids.length, skippedRows: skip, ids },
    });
    onProgress({ phase: 'inserting', done: ids.length, total: ids.length });
    return { imported: ids.length, skippedDuplicates: skip.length, finishedAt: new Date(finished.finished_at!).toISOString() };
  });
}
