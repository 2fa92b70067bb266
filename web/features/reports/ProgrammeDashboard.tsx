import { Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacementRate, ProgrammeReport } from '../../../server/modules/reports/programme.schemas.ts';
import { api, withQuery } from '../../shared/api/client.ts';
import { useMe } from '../../shared/api/session.ts';
import { BarChart } from '../../shared/components/BarChart.tsx';
import classes from '../../shared/components/BarChart.module.css';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { DashboardFilters, type DashboardFilterValues } from './DashboardFilters.tsx';
import { barsOf, type Dimension } from './dashboardLabels.ts';
import { KeyFigures, SavingsEstimate } from './KeyFigures.tsx';
import { EntriesChart, FunnelSection } from './ProgrammeCharts.tsx';
import { SavingsSettings } from './SavingsSettings.tsx';

// The programme dashboard: filters, headline figures, charts with their tables, the savings
// estimate and the downloads. Every count comes suppressed from the server.

const BREAKDOWNS: [(keyof ProgrammeReport & `by${string}`) | 'placementsByKind' | 'support', Dimension, string][] = [
  ['byGender', 'gender', 'gender'],
  ['byAgeBand', 'age', 'ageBand'],
  ['byResidenceTitle', 'residence', 'residenceTitle'],
  ['byGermanLevel', 'german', 'germanLevel'],
  ['byCity', 'name', 'city'],
  ['byOffice', 'name', 'office'],
  ['byPartner', 'name', 'partner'],
  ['placementsByKind', 'kind', 'placementKind'],
  ['support', 'support', 'supportKind'],
];

const thisYear = () => {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
};

export function ProgrammeDashboard() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useState<DashboardFilterValues>({ ...thisYear(), cityId: '', organisationId: '', fundingPeriodId: '' });
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const report = useQuery({
    queryKey: ['/api/reports/programme', query],
    queryFn: () => api.get<ProgrammeReport>(withQuery('/api/reports/programme', query)),
    enabled: !!filters.from && !!filters.to,
    placeholderData: keepPreviousData,
  });
  const r = report.data;
  const format = (n: number) => formatNumber(n, i18n.language);
  const hidden = r ? t('reports.dashboard.hiddenShort', { threshold: r.threshold }) : '';
  const isAdmin = me.data?.memberships.some((m) => m.role === 'network_admin') ?? false;

  return (
    <section aria-labelledby="programme-heading">
      <Title order={2} id="programme-heading" mb="xs">
        {t('reports.dashboard.heading')}
      </Title>
      <Text size="sm" mb="md">
        {t('reports.dashboard.intro', { threshold: r?.threshold ?? 5 })}
      </Text>
      <DashboardFilters value={filters} onChange={setFilters} />
      <Group gap="sm" mb="lg" aria-label={t('reports.dashboard.downloads')} role="group">
        <Button component="a" variant="default" href={withQuery('/api/reports/programme/tables', { ...query, format: 'xlsx' })} download>
          {t('reports.dashboard.downloadXlsx')}
        </Button>
        <Button component="a" variant="default" href={withQuery('/api/reports/programme/tables', { ...query, format: 'csv' })} download>
          {t('reports.dashboard.downloadCsv')}
        </Button>
        <Button component="a" variant="default" href={withQuery('/api/reports/programme/pdf', query)} download>
          {t('reports.dashboard.downloadPdf')}
        </Button>
      </Group>
      {report.isPending && <Loading />}
      {report.error && <ErrorAlert error={report.error} />}
      {r && (
        <>
          <KeyFigures report={r} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="lg">
            <Paper withBorder p="md">
              <EntriesChart report={r} />
            </Paper>
            <Paper withBorder p="md">
              <FunnelSection report={r} />
            </Paper>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="lg">
            {BREAKDOWNS.map(([field, dimension, label]) => (
              <Paper withBorder p="md" key={field}>
                <BarChart
                  title={t(`reports.dashboard.${field}`)}
                  headingOrder={3}
                  bars={barsOf(t, dimension, r[field])}
                  labelHeader={t(`reports.dashboard.${label as 'gender'}`)}
                  valueHeader={t('reports.dashboard.count')}
                  format={format}
                  suppressedText={hidden}
                />
                {field === 'byAgeBand' && (
                  <Text size="sm" mt="xs">
                    {t('reports.dashboard.under25')}: {r.under25 === null ? hidden : format(r.under25)}
                  </Text>
                )}
              </Paper>
            ))}
            <Paper withBorder p="md">
              <RateTable report={r} hidden={hidden} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('reports.dashboard.savings')}
              </Title>
              <SavingsEstimate report={r} />
            </Paper>
          </SimpleGrid>
        </>
      )}
      {isAdmin && (
        <Paper withBorder p="md" mb="lg">
          <SavingsSettings />
        </Paper>
      )}
    </section>
  );
}

function RateTable({ report, hidden }: { report: ProgrammeReport; hidden: string }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const count = (n: number | null) => (n === null ? hidden : formatNumber(n, i18n.language));
  const row = (label: string, rate: PlacementRate) => (
    <Table.Tr key={label}>
      <Table.Th scope="row" fw={400}>
        {label}
      </Table.Th>
      <Table.Td className={classes.number}>{count(rate.participants)}</Table.Td>
      <Table.Td className={classes.number}>{count(rate.placed)}</Table.Td>
      <Table.Td className={classes.number}>{rate.rate === null ? hidden : percent.format(rate.rate)}</Table.Td>
    </Table.Tr>
  );
  return (
    <>
      <Table withRowBorders={false} verticalSpacing={4} captionSide="top">
        <Table.Caption>{t('reports.dashboard.rateByCity')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.dashboard.city')}</Table.Th>
            <Table.Th scope="col" className={classes.number}>
              {t('reports.dashboard.participants')}
            </Table.Th>
            <Table.Th scope="col" className={classes.number}>
              {t('reports.dashboard.placedShort')}
            </Table.Th>
            <Table.Th scope="col" className={classes.number}>
              {t('reports.dashboard.rateShort')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {row(t('reports.dashboard.network'), report.placementRate)}
          {report.placementRateByCity.map((c) => row(c.key, c))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        {t('reports.dashboard.rateNote')}
      </Text>
    </>
  );
}
