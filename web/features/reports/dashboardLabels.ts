import type { TFunction } from 'i18next';
import type { RESIDENCE_TITLES } from '../../../server/modules/residence/residence.schemas.ts';
import type { PlacementKind } from '../../../server/modules/placements/placements.schemas.ts';
import type { ReportCell, SUPPORT_KEYS } from '../../../server/modules/reports/programme.schemas.ts';
import type { Bar } from '../../shared/components/BarChart.tsx';
import { genderLabel, type Gender } from '../../shared/i18n/labels.ts';

// The dashboard's cells in words. Keys are the server's: codes for genders, age bands, titles,
// levels, kinds and stages; names for cities and organisations.

export type Dimension = 'gender' | 'age' | 'residence' | 'german' | 'name' | 'kind' | 'stage' | 'support';
type AgeBand = 'under_18' | '18_29' | '30_54' | '55_plus' | 'unknown';
type SupportKey = (typeof SUPPORT_KEYS)[number];
type Stage = 'participants' | 'intake' | 'plan' | 'referral' | 'proposal' | 'placement';

export function cellLabel(t: TFunction, dimension: Dimension, key: string): string {
  switch (dimension) {
    case 'gender':
      return genderLabel(t, key as Gender);
    case 'age':
      return t(`reports.dashboard.ages.${key as AgeBand}`);
    case 'residence':
      return key === 'unknown'
        ? t('reports.dashboard.notRecorded')
        : t(`participants.residenceTitles.${key as (typeof RESIDENCE_TITLES)[number]}`);
    case 'german':
      return key === 'unknown' ? t('reports.dashboard.notRecorded') : key === 'none' ? t('reports.dashboard.noGerman') : key;
    case 'kind':
      return key === 'other_labour_market' ? t('reports.dashboard.otherLabourMarket') : t(`jobs.placementKinds.${key as PlacementKind}`);
    case 'stage':
      return t(`reports.dashboard.stages.${key as Stage}`);
    case 'support':
      return t(`reports.dashboard.supportKinds.${key as SupportKey}`);
    case 'name':
      return key;
  }
}

/** Cells as the bar chart's bars, in the server's order (names alphabetically). */
export function barsOf(t: TFunction, dimension: Dimension, cells: ReportCell[]): Bar[] {
  const bars = cells.map((c) => ({ key: c.key, label: cellLabel(t, dimension, c.key), value: c.count }));
  return dimension === 'name' ? bars.sort((a, b) => a.label.localeCompare(b.label)) : bars;
}
