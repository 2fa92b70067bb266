import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportOptions } from '../../../server/modules/reports/programme.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { useCities } from '../../shared/api/cities.ts';
import { useFundingPeriods } from '../../shared/api/fundingPeriods.ts';

export interface DashboardFilterValues {
  from: string;
  to: string;
  cityId: string;
  organisationId: string;
  fundingPeriodId: string;
}

/** Period, city, organisation (offices and partners) and funding period; '' is "all". */
export function DashboardFilters({ value, onChange }: { value: DashboardFilterValues; onChange: (next: DashboardFilterValues) => void }) {
  const { t } = useTranslation();
  const cities = useCities();
  const periods = useFundingPeriods();
  const options = useQuery({
    queryKey: ['/api/reports/programme/options'],
    queryFn: () => api.get<ReportOptions>('/api/reports/programme/options'),
  });
  const set = (field: keyof DashboardFilterValues) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [field]: e.currentTarget.value });
  return (
    <Group align="flex-end" gap="sm" mb="lg">
      <TextInput type="date" label={t('reports.dashboard.from')} value={value.from} onChange={set('from')} required />
      <TextInput type="date" label={t('reports.dashboard.to')} value={value.to} onChange={set('to')} required />
      <NativeSelect
        label={t('reports.dashboard.city')}
        value={value.cityId}
        onChange={set('cityId')}
        data={[{ value: '', label: t('reports.dashboard.allCities') }, ...(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
      />
      <NativeSelect
        label={t('reports.dashboard.organisation')}
        value={value.organisationId}
        onChange={set('organisationId')}
        data={[
          { value: '', label: t('reports.dashboard.allOrganisations') },
          { group: t('reports.dashboard.offices'), items: (options.data?.offices ?? []).map((o) => ({ value: o.id, label: o.name })) },
          { group: t('reports.dashboard.partners'), items: (options.data?.partners ?? []).map((o) => ({ value: o.id, label: o.name })) },
        ]}
      />
      <NativeSelect
        label={t('reports.dashboard.fundingPeriod')}
        value={value.fundingPeriodId}
        onChange={set('fundingPeriodId')}
        data={[
          { value: '', label: t('reports.dashboard.allFundingPeriods') },
          ...(periods.data ?? []).map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
    </Group>
  );
}
