import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewReport } from '../../../server/modules/reports/reports.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { BarChart } from '../../shared/components/BarChart.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { reportBars } from '../../shared/components/reportBars.ts';
import { formatNumber } from '../../shared/i18n/format.ts';

export function AnalystSection() {
  const { t, i18n } = useTranslation();
  const report = useQuery({ queryKey: ['/api/reports/overview'], queryFn: () => api.get<OverviewReport>('/api/reports/overview') });
  const r = report.data;
  const format = (n: number) => formatNumber(n, i18n.language);

  return (
    <section aria-labelledby="home-figures">
      <Title order={2} id="home-figures" mb="sm">
        {t('home.analyst.heading')}
      </Title>
      {report.error && <ErrorAlert error={report.error} />}
      {r && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              {t('reports.total')}
            </Title>
            <Text fz={36} fw={700}>
              {r.total === null ? t('reports.suppressedTotal', { threshold: r.threshold }) : format(r.total)}
            </Text>
            <Text size="sm" mb="sm">
              {t('reports.suppressionNote', { threshold: r.threshold })}
            </Text>
            <Anchor component={Link} to="/reports">
              {t('home.analyst.allFigures')}
            </Anchor>
          </Paper>
          <Paper withBorder p="md">
            <BarChart
              title={t('reports.byCity')}
              headingOrder={3}
              bars={reportBars(t, r, 'byCity')}
              labelHeader={t('reports.byCityLabel')}
              valueHeader={t('reports.count')}
              format={format}
              suppressedText={t('reports.hidden')}
            />
          </Paper>
        </SimpleGrid>
      )}
    </section>
  );
}
