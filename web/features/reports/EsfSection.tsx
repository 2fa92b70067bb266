import { Anchor, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ESF_GENDERS, type EsfFigure, type EsfReport } from '../../../server/modules/reports/esf.schemas.ts';
import { api, withQuery } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';

// The ESF+ indicators on the reports page: a period, every figure with its gender
// breakdown ("< 5" where the server suppressed it), a link to each figure's rule, and
// the same tables as CSV and XLSX downloads.

const thisYear = new Date().getFullYear();
type Names = 'esf.names.total';

/** The figure's name: Annex I's wording, or characteristic and answer. */
function useFigureName() {
  const { t } = useTranslation();
  return (x: EsfFigure, leavers = false) => {
    if (leavers) return t('esf.names.leavers');
    const [characteristic, answer] = x.key.split('.');
    if (answer) return `${t(`esf.names.${characteristic}` as Names)}: ${t(`esf.answers.${answer}` as 'esf.answers.yes')}`;
    return t(`esf.names.${x.key}` as Names);
  };
}

function FigureTable({
  caption,
  figures,
  threshold,
  leavers,
}: {
  caption: string;
  figures: EsfFigure[];
  threshold: number;
  leavers?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const name = useFigureName();
  const cell = (n: number | null) =>
    n === null ? <abbr title={t('esf.hiddenLabel', { threshold })}>{t('esf.hidden', { threshold })}</abbr> : formatNumber(n, i18n.language);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('esf.columns.indicator')}</Table.Th>
            <Table.Th scope="col">{t('esf.columns.name')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('esf.columns.total')}
            </Table.Th>
            {ESF_GENDERS.map((g) => (
              <Table.Th scope="col" ta="end" key={g}>
                {t(`esf.columns.${g}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('esf.columns.rule')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((x) => (
            <Table.Tr key={x.key}>
              <Table.Td>{x.indicator}</Table.Td>
              <Table.Th scope="row" fw="normal">
                {name(x, leavers && x.key === 'total')}
              </Table.Th>
              <Table.Td ta="end">{cell(x.count)}</Table.Td>
              {ESF_GENDERS.map((g) => (
                <Table.Td ta="end" key={g}>
                  {cell(x.byGender[g])}
                </Table.Td>
              ))}
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/reports/esf-rules#${x.rule}`}
                  aria-label={t('esf.ruleLinkLabel', { indicator: x.indicator })}
                >
                  {t('esf.ruleLink')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function EsfSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'de';
  const [period, setPeriod] = useState({ from: `${thisYear}-01-01`, to: `${thisYear}-12-31` });
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to;
  const report = useQuery({
    queryKey: ['/api/reports/esf', period],
    queryFn: () => api.get<EsfReport>('/api/reports/esf', period),
    enabled: valid,
  });
  const r = report.data;

  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="esf-title">
      <Title order={2} size="h3" id="esf-title">
        {t('esf.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('esf.intro')}
      </Text>
      <Group align="end" mb="md">
        <TextInput
          type="date"
          label={t('esf.from')}
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('esf.to')}
          value={period.to}
          error={valid ? undefined : t('validation.invalid')}
          onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
        />
        <Button component="a" variant="default" href={withQuery('/api/reports/esf.csv', { ...period, language })} download>
          {t('esf.downloadCsv')}
        </Button>
        <Button component="a" variant="default" href={withQuery('/api/reports/esf.xlsx', { ...period, language })} download>
          {t('esf.downloadXlsx')}
        </Button>
      </Group>
      {report.isPending && valid && <Loading />}
      {report.error && <ErrorAlert error={report.error} />}
      {r && (
        <>
          <Text size="sm" mb="md">
            {t('esf.suppressionNote', { threshold: r.threshold })}
          </Text>
          <Title order={3} size="h4" mb="xs">
            {t('esf.entrants')}
          </Title>
          <FigureTable caption={t('esf.names.total')} figures={[r.entrants.total]} threshold={r.threshold} />
          {(['labourMarket', 'age', 'education', 'characteristics'] as const).map((table) => (
            <FigureTable key={table} caption={t(`esf.tables.${table}`)} figures={r.entrants[table]} threshold={r.threshold} />
          ))}
          <Title order={3} size="h4" mt="md" mb="xs">
            {t('esf.leaversTitle')}
          </Title>
          <FigureTable
            caption={t('esf.tables.results')}
            figures={[r.leavers.total, ...r.leavers.results]}
            threshold={r.threshold}
            leavers
          />
        </>
      )}
    </Paper>
  );
}
