import { Button, Checkbox, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerSettingsView } from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { settingsKey, useVolunteerSettings, volunteersKey } from './queries.ts';

function RuleForm({ settings }: { settings: VolunteerSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [required, setRequired] = useState(settings.certificateRequired);
  const [months, setMonths] = useState<number | string>(settings.certificateMaxAgeMonths);
  const save = useMutation({
    mutationFn: () =>
      api.put<VolunteerSettingsView>('/api/volunteer-settings', {
        certificateRequired: required,
        certificateMaxAgeMonths: Number(months),
        version: settings.version,
      }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: settingsKey }), queryClient.invalidateQueries({ queryKey: volunteersKey })]),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-labelledby="volunteer-rule"
    >
      {save.error && <ErrorAlert error={save.error} />}
      <Checkbox
        label={t('volunteers.settings.certificateRequired')}
        checked={required}
        onChange={(e) => setRequired(e.currentTarget.checked)}
      />
      <NumberInput label={t('volunteers.settings.maxAge')} min={1} max={120} value={months} onChange={setMonths} mt="sm" maw={320} />
      <Group mt="sm">
        <Button type="submit" loading={save.isPending}>
          {t('volunteers.settings.save')}
        </Button>
      </Group>
      {save.isSuccess && (
        <Text role="status" size="sm" mt="xs">
          {t('volunteers.settings.saved')}
        </Text>
      )}
    </form>
  );
}

/** The network's onboarding rule: whether an extended certificate of conduct is needed, and how old it may be. Admins only. */
export function SettingsForm() {
  const { t } = useTranslation();
  const settings = useVolunteerSettings();
  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="volunteer-rule">
      <Title order={2} size="h4" id="volunteer-rule" mb="sm">
        {t('volunteers.settings.title')}
      </Title>
      {settings.error && <ErrorAlert error={settings.error} />}
      {settings.data && <RuleForm key={settings.data.version} settings={settings.data} />}
    </Paper>
  );
}
