import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.ts';
import { today } from '../../dates.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as q from './apprenticeships.queries.ts';
import { riskRank } from './apprenticeships.risk.ts';
import type { AgreementListItem, AgreementListQuery, Signal } from './apprenticeships.schemas.ts';

// The office's apprenticeships, at risk first. The risk is derived on every read, so the
// list is computed in memory over the office's agreements of the status asked: a network
// has hundreds of apprenticeships, not hundreds of thousands (decision 0017).

type Filters = Omit<AgreementListQuery, 'page' | 'pageSize'>;

async function items(db: Db, ctx: ServiceContext, query: Filters): Promise<AgreementListItem[]> {
  const officeIds = requireParticipantScope(ctx.actor);
  let rows = q.agreementRows(db, ctx.networkId).where('a.office_id', 'in', officeIds).where('a.status', '=', query.status);
  if (query.checkInDue) rows = rows.where('a.next_check_in_on', '<=', today());
  const found = await rows.execute();
  // Only the latest two check-ins count for the risk.
  const checkIns = await q.checkInRows(
    db,
    found.map((r) => r.id),
  );
  const latest = new Map<string, { signals: Signal[] }[]>();
  for (const c of checkIns) {
    const list = latest.get(c.apprenticeshipId) ?? [];
    if (list.length < 2) list.push(c);
    latest.set(c.apprenticeshipId, list);
  }
  const needle = query.q?.toLocaleLowerCase('de');
  const result = found
    .map((r) => ({
      id: r.id,
      participantId: r.participant_id,
      participantName: q.personName(r),
      employerName: r.employer_name,
      occupation: r.occupation,
      plannedEndOn: r.planned_end_on,
      status: r.status,
      nextCheckInOn: r.next_check_in_on,
      risk: q.riskOf(r, latest.get(r.id) ?? []),
    }))
    .filter((i) => !query.risk || i.risk.level === query.risk)
    .filter((i) => !query.atRisk || i.risk.level !== 'low')
    .filter((i) => !needle || `${i.participantName} ${i.employerName} ${i.occupation}`.toLocaleLowerCase('de').includes(needle));
  const key = (i: AgreementListItem): string | number =>
    query.sort === 'risk' ? riskRank(i.risk.level) : query.sort === 'participantName' ? i.participantName : (i[query.sort] ?? '9999');
  const direction = query.order === 'desc' ? -1 : 1;
  // Risk sorts most urgent first by default ("asc" on risk means high first).
  const riskDirection = query.sort === 'risk' ? -1 : 1;
  return result.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'de');
    return c * direction * riskDirection || a.participantName.localeCompare(b.participantName, 'de');
  });
}

export async function listAgreements(db: Db, ctx: ServiceContext, query: AgreementListQuery) {
  const all = await items(db, ctx, query);
  const page = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'apprenticeship.list',
      entityType: 'apprenticeship',
      details: { participantIds: page.map((i) => i.participantId) },
    }),
  );
  return { items: page, total: all.length, page: query.page, pageSize: query.pageSize };
}

const COLUMNS: { de: string; en: string; value: (i: AgreementListItem) => string }[] = [
  { de: 'Auszubildende/r', en: 'Apprentice', value: (i) => i.participantName },
  { de: 'Betrieb', en: 'Company', value: (i) => i.employerName },
  { de: 'Ausbildungsberuf', en: 'Occupation', value: (i) => i.occupation },
  { de: 'Geplantes Ende', en: 'Planned end', value: (i) => i.plannedEndOn },
  { de: 'Nächster Termin', en: 'Next check-in', value: (i) => i.nextCheckInOn ?? '' },
  { de: 'Risiko', en: 'Risk', value: (i) => i.risk.level },
  { de: 'Gründe', en: 'Reasons', value: (i) => i.risk.reasons.map((r) => r.signal ?? r.code).join(', ') },
];

/** The list as CSV, every row that matches (not one page), with headers in the user's language. */
export async function exportAgreements(db: Db, ctx: ServiceContext, query: Filters & { locale: 'de' | 'en' }): Promise<Buffer> {
  const all = await items(db, ctx, query);
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'apprenticeship.list',
      entityType: 'apprenticeship',
      details: { export: 'csv', participantIds: all.map((i) => i.participantId) },
    }),
  );
  const header = COLUMNS.map((c) => c[query.locale]);
  const rows = all.map((i) => COLUMNS.map((c) => c.value(i)));
  // A byte order mark for Excel; semicolons for German Excel (as the participant export does).
  return Buffer.concat([
    Buffer.from('\uFEFF'),
    Buffer.from(stringify([header, ...rows], { delimiter: query.locale === 'de' ? ';' : ',' })),
  ]);
}
