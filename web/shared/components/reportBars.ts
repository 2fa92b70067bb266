import type { TFunction } from 'i18next';
import { CASE_STATUSES, GENDERS } from '../../../server/modules/participants/participants.schemas.ts';
import type { OverviewReport } from '../../../server/modules/reports/reports.schemas.ts';
import { caseStatusLabel, genderLabel, type CaseStatus, type Gender } from '../i18n/labels.ts';
import type { Bar } from './BarChart.tsx';

// The overview report's cells as labelled bars; "unknown" is the server's key for
// participants without a city or without a case.

type Dimension = 'byCity' | 'byCaseStatus' | 'byGender';

function label(t: TFunction, dimension: Dimension, key: string): string {
  if (dimension === 'byCity') return key === 'unknown' ? t('reports.noCity') : key;
  if (dimension === 'byCaseStatus') return key === 'unknown' ? t('caseStatuses.none') : caseStatusLabel(t, key as CaseStatus);
  return genderLabel(t, key as Gender);
}

/** Statuses in the order of the cycle, genders in the order of the form; cities by name. Unknown last. */
function rank(dimension: Dimension, key: string): number {
  const order: readonly string[] = dimension === 'byCaseStatus' ? CASE_STATUSES : dimension === 'byGender' ? GENDERS : [];
  const index = order.indexOf(key);
  return key === 'unknown' ? Number.MAX_SAFE_INTEGER : index;
}

export function reportBars(t: TFunction, report: OverviewReport, dimension: Dimension): Bar[] {
  return report[dimension]
    .map((cell) => ({ key: cell.key, label: label(t, dimension, cell.key), value: cell.count }))
    .sort((a, b) => rank(dimension, a.key) - rank(dimension, b.key) || a.label.localeCompare(b.label));
}
