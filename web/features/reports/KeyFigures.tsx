import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgrammeReport } from '../../../server/modules/reports/programme.schemas.ts';
import { formatNumber } from '../../shared/i18n/format.ts';

// The headline figures and the savings estimate with its assumptions.

export function KeyFigures({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation();
  const hidden = t('reports.dashboard.hiddenShort', { threshold: report.threshold });
  const count = (n: number | null) => (n === null ? hidden : formatNumber(n, i18n.language));
  const rate = report.placementRate.rate;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const days = report.medianDaysToPlacement;
  const figures = [
    { label: t('reports.dashboard.participants'), value: count(report.participants) },
    { label: t('reports.dashboard.entrants'), value: count(report.entrants) },
    { label: t('reports.dashboard.placed'), value: count(report.placementRate.placed) },
    { label: t('reports.dashboard.placementRate'), value: rate === null ? hidden : percent.format(rate) },
    {
      label: t('reports.dashboard.medianDays'),
      value: days === null ? hidden : t('reports.dashboard.days', { value: formatNumber(days, i18n.language) }),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="md" mb="lg">
      {figures.map((f) => (
        <Paper withBorder p="md" key={f.label}>
          <Text size="sm">{f.label}</Text>
          <Text fz={28} fw={700} lh={1.2}>
            {f.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function SavingsEstimate({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation();
  const s = report.savings;
  const euro = (n: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
  const values = {
    months: s.monthsWithoutBenefits,
    perPerson: euro(s.monthlyAmountPerPerson),
    perHousehold: euro(s.monthlyAmountPerHousehold),
  };
  return (
    <>
      <Text fw={700} size="lg">
        {s.total === null || s.placed === null
          ? t('reports.dashboard.savingsHidden')
          : t('reports.dashboard.savingsFormula', { ...values, placed: formatNumber(s.placed, i18n.language), total: euro(s.total) })}
      </Text>
      <Text size="sm" mt="xs">
        {s.isDefault ? t('reports.dashboard.assumptionsDefault', values) : t('reports.dashboard.assumptionsSet', values)}
      </Text>
    </>
  );
}
