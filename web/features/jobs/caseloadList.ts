import type { TFunction } from 'i18next';
import type { CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { flagLabel } from '../../shared/jobs/labels.ts';
import type { CaseloadPerson } from './queries.ts';

// The caseload overview's list in the browser: the server returns the whole caseload at once
// (one ranking pass), so the name filter, the order and the pages are the browser's. Pure, so
// that it is unit-tested.

export type CaseloadSort = 'score' | 'name';

/** Lower case without accents, so that "sule" finds "Şule" and "muller" "Müller". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('de');
}

/** Everyone whose name holds every word typed, in any order. */
export function filterByName(people: readonly CaseloadPerson[], query: string): CaseloadPerson[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...people];
  return people.filter((p) => {
    const name = folded(p.name);
    return words.every((w) => name.includes(w));
  });
}

const bestScore = (p: CaseloadPerson) => p.best[0]?.score ?? -1;

/** By the best score (descending: the best first; the excluded have none and come last) or by name; ties by name. */
export function sortCaseload(people: readonly CaseloadPerson[], sort: CaseloadSort, order: 'asc' | 'desc'): CaseloadPerson[] {
  const sign = order === 'desc' ? -1 : 1;
  const byName = (a: CaseloadPerson, b: CaseloadPerson) => a.name.localeCompare(b.name, 'de');
  return [...people].sort((a, b) => (sort === 'name' ? sign * byName(a, b) : sign * (bestScore(a) - bestScore(b)) || byName(a, b)));
}

/** One page of the list; a page past the end shows the last one. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): { rows: T[]; page: number } {
  const last = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, page), last);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), page: current };
}

export const exclusionLabel = (t: TFunction, reason: NonNullable<CaseloadPerson['excludedBecause']>): string =>
  t(`jobs.caseload.excludedBecause.${reason}`, { defaultValue: reason });

/** Name, flags, the reason for leaving out, and for each rank the vacancy, its employer and the score. */
export function caseloadCsvColumns(t: TFunction, perPerson: number): CsvColumn<CaseloadPerson>[] {
  const ranks = Array.from({ length: perPerson }, (_, i) => i);
  return [
    { header: t('jobs.caseload.person'), value: (p) => p.name },
    { header: t('jobs.caseload.flags'), value: (p) => p.flags.map((f) => flagLabel(t, f)).join(', ') },
    { header: t('jobs.caseload.excluded'), value: (p) => (p.excludedBecause ? exclusionLabel(t, p.excludedBecause) : '') },
    ...ranks.flatMap((i): CsvColumn<CaseloadPerson>[] => [
      { header: t('jobs.caseload.csvVacancy', { rank: i + 1 }), value: (p) => p.best[i]?.title },
      { header: t('jobs.caseload.csvEmployer', { rank: i + 1 }), value: (p) => p.best[i]?.employerName },
      { header: t('jobs.caseload.csvScore', { rank: i + 1 }), value: (p) => p.best[i]?.score },
    ]),
  ];
}
