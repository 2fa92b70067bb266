import { BarChart as SeriesBarChart, FunnelChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { ProgrammeReport } from '../../../server/modules/reports/programme.schemas.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import { ChartWithTable } from './ChartWithTable.tsx';
import { cellLabel } from './dashboardLabels.ts';

// The two drawn charts of the dashboard: entries per month and the funnel of the cycle.

const monthLabel = (key: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-01T00:00:00Z`));

export function EntriesChart({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation();
  const format = (n: number) => formatNumber(n, i18n.language);
  const rows = report.entriesByMonth.map((c) => ({ key: c.key, label: monthLabel(c.key, i18n.language), value: c.count }));
  return (
    <ChartWithTable
      title={t('reports.dashboard.entriesByMonth')}
      labelHeader={t('reports.dashboard.month')}
      rows={rows}
      hiddenText={t('reports.dashboard.hiddenShort', { threshold: report.threshold })}
      format={format}
    >
      <SeriesBarChart
        h={220}
        data={rows.map((r) => ({ month: r.label, count: r.value }))}
        dataKey="month"
        series={[{ name: 'count', label: t('reports.dashboard.count'), color: 'blue.7' }]}
        withTooltip={false}
        accessibilityLayer={false}
        valueFormatter={format}
      />
    </ChartWithTable>
  );
}

export function FunnelSection({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation();
  const format = (n: number) => formatNumber(n, i18n.language);
  const rows = report.funnel.map((c) => ({ key: c.key, label: cellLabel(t, 'stage', c.key), value: c.count }));
  const colors = ['blue.9', 'blue.8', 'blue.7', 'blue.6', 'cyan.7', 'teal.7'];
  return (
    <ChartWithTable
      title={t('reports.dashboard.funnel')}
      labelHeader={t('reports.dashboard.stage')}
      rows={rows}
      hiddenText={t('reports.dashboard.hiddenShort', { threshold: report.threshold })}
      format={format}
    >
      <FunnelChart
        size={220}
        withLabels
        labelsPosition="right"
        withTooltip={false}
        accessibilityLayer={false}
        valueFormatter={format}
        data={rows.flatMap((r, i) => (r.value === null ? [] : [{ name: r.label, value: r.value, color: colors[i] ?? 'blue.6' }]))}
      />
    </ChartWithTable>
  );
}
