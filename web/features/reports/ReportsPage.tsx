import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewReport } from '../../../server/modules/reports/reports.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { BarChart } from '../../shared/components/BarChart.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { reportBars } from '../../shared/components/reportBars.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import { EsfSection } from './EsfSection.tsx';

const DIMENSIONS = ['byCity', 'byCaseStatus', 'byGender'] as const;
// The dashboard brings the chart library: loaded only when the reports are opened.
const ProgrammeDashboard = lazy(() => import('./ProgrammeDashboard.tsx').then((m) => ({ default: m.ProgrammeDashboard })));

/** Participants of the network in figures: counts only, small numbers suppressed by the server. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const report = useQuery({ queryKey: ['/api/reports/overview'], queryFn: () => api.get<OverviewReport>('/api/reports/overview') });
  const r = report.data;
  const format = (n: number) => formatNumber(n, i18n.language);

  return (
    <>
      <PageHeader title={t('reports.title')} />
      <Suspense fallback={<Loading />}>
        <ProgrammeDashboard />
      </Suspense>
      {report.isPending && <Loading />}
      {report.error && <ErrorAlert error={report.error} />}
      {r && (
        <>
          <Paper withBorder p="md" mb="lg">
            <Title order={2} size="h4">
              {t('reports.total')}
            </Title>
            <Text fz={36} fw={700} lh={1.2}>
              {r.total === null ? t('reports.suppressedTotal', { threshold: r.threshold }) : format(r.total)}
            </Text>
            <Text size="sm" mt="xs">
              {t('reports.suppressionNote', { threshold: r.threshold })}
            </Text>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            {DIMENSIONS.map((dimension) => (
              <Paper withBorder p="md" key={dimension}>
                <BarChart
                  title={t(`reports.${dimension}`)}
                  bars={reportBars(t, r, dimension)}
                  labelHeader={t(`reports.${dimension}Label`)}
                  valueHeader={t('reports.count')}
                  format={format}
                  suppressedText={t('reports.hidden')}
                />
              </Paper>
            ))}
          </SimpleGrid>
        </>
      )}
      <EsfSection />
    </>
  );
}
