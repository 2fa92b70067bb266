import { Button, Group, NumberInput, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportSettingsFields, type ReportSettingsView } from '../../../server/modules/reports/savings.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import type { FormErrors } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';

// The network admin sets the savings estimate's assumptions; a stale save (409) reloads them.

const FIELDS = [
  ['monthsWithoutBenefits', 'reports.dashboard.monthsWithoutBenefits'],
  ['monthlyAmountPerPerson', 'reports.dashboard.amountPerPerson'],
  ['monthlyAmountPerHousehold', 'reports.dashboard.amountPerHousehold'],
] as const;
type Values = Record<(typeof FIELDS)[number][0], number | string>;

export function SavingsSettings() {
  const settings = useQuery({ queryKey: ['/api/reports/settings'], queryFn: () => api.get<ReportSettingsView>('/api/reports/settings') });
  // A new version (after a save, or a stale save's reload) starts the form afresh.
  return settings.data ? <SettingsForm key={settings.data.version} current={settings.data} reload={() => void settings.refetch()} /> : null;
}

function SettingsForm({ current, reload }: { current: ReportSettingsView; reload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({ ...current });
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: (input: object) => api.put<ReportSettingsView>('/api/reports/settings', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/reports/programme'] });
      await queryClient.invalidateQueries({ queryKey: ['/api/reports/settings'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields) setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) reload();
    },
  });
  const version = current.version;
  const submit = () => {
    const input = Object.fromEntries(FIELDS.map(([field]) => [field, Number(values[field])]));
    const found = schemaErrors(t, ReportSettingsFields, input);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate({ ...input, version });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Title order={3} size="h4" mb="xs">
        {t('reports.dashboard.settings')}
      </Title>
      <Group align="flex-start" gap="sm">
        {FIELDS.map(([field, label]) => (
          <NumberInput
            key={field}
            label={t(label)}
            value={values[field]}
            onChange={(v) => setValues({ ...values, [field]: v })}
            error={errors[field]}
            min={0}
            allowDecimal={false}
          />
        ))}
      </Group>
      <Group mt="sm">
        <Button type="submit" loading={save.isPending}>
          {t('reports.dashboard.save')}
        </Button>
        {save.isSuccess && <Text size="sm">{t('reports.dashboard.saved')}</Text>}
      </Group>
      {save.error && <ErrorAlert error={save.error} />}
    </form>
  );
}
