import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CycleRules } from '../../../server/modules/appointments/appointments.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import type { FormErrors } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';

const rulesKey = ['/api/cycle-rules'] as const;

/** The months as typed ("2, 4") as numbers; anything unreadable stays NaN for the schema to refuse. */
const parseMonths = (text: string) =>
  text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));

function RulesForm({ rules }: { rules: CycleRules }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [cycleMonths, setCycleMonths] = useState<number | string>(rules.cycleMonths);
  const [exchange, setExchange] = useState(rules.exchangeAfterMonths.join(', '));
  const [weeks, setWeeks] = useState<number | string>(rules.conferenceWeeksBefore);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState(false);
  const input = () => ({
    cycleMonths: Number(cycleMonths),
    exchangeAfterMonths: parseMonths(exchange),
    conferenceWeeksBefore: Number(weeks),
  });
  const save = useMutation({
    mutationFn: () => api.put<CycleRules>('/api/cycle-rules', input()),
    onSuccess: (stored) => {
      setSaved(true);
      queryClient.setQueryData(rulesKey, stored);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) setErrors({ ...serverErrors(t, error.fields), ...insideCycle(error.fields) });
    },
  });
  // The server's rule that every appointment falls inside the cycle, in the UI language.
  const insideCycle = (fields: Record<string, string[]>): FormErrors => ({
    ...(fields.exchangeAfterMonths ? { exchangeAfterMonths: t('cycle.rules.exchangeInsideCycle') } : {}),
    ...(fields.conferenceWeeksBefore ? { conferenceWeeksBefore: t('cycle.rules.conferenceInsideCycle') } : {}),
  });
  const validate = (): FormErrors => {
    const found = schemaErrors(t, CycleRules, input());
    // The server's rule too (the conference's, in days, is left to the server).
    const { cycleMonths: months, exchangeAfterMonths } = input();
    if (!found.cycleMonths && exchangeAfterMonths.some((m) => m >= months))
      found.exchangeAfterMonths ??= t('cycle.rules.exchangeInsideCycle');
    return found;
  };
  const exchangeError = Object.entries(errors).find(([key]) => key.startsWith('exchangeAfterMonths'))?.[1];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        const found = validate();
        setErrors(found);
        if (Object.keys(found).length === 0) save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm" maw={480}>
        {save.error && <ErrorAlert error={save.error} />}
        {saved && (
          <Alert color="green" variant="light" role="status">
            {t('common.saved')}
          </Alert>
        )}
        <NumberInput
          label={t('cycle.rules.cycleMonths')}
          min={1}
          max={24}
          value={cycleMonths}
          onChange={setCycleMonths}
          error={errors.cycleMonths}
          required
        />
        <TextInput
          label={t('cycle.rules.exchangeAfterMonths')}
          description={t('cycle.rules.exchangeHelp')}
          value={exchange}
          onChange={(e) => setExchange(e.currentTarget.value)}
          error={exchangeError}
        />
        <NumberInput
          label={t('cycle.rules.conferenceWeeksBefore')}
          min={1}
          max={12}
          value={weeks}
          onChange={setWeeks}
          error={errors.conferenceWeeksBefore}
          required
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The network's cycle rule: how long a cycle runs, when the exchanges and the conference fall. */
export function CycleRulesPage() {
  const { t } = useTranslation();
  const rules = useQuery({ queryKey: rulesKey, queryFn: () => api.get<CycleRules>('/api/cycle-rules') });
  return (
    <>
      <PageHeader title={t('cycle.rules.title')} />
      <Paper withBorder p="md">
        <Text size="sm" mb="md">
          {t('cycle.rules.intro')}
        </Text>
        {rules.isPending && <Loading />}
        {rules.error && <ErrorAlert error={rules.error} />}
        {rules.data && <RulesForm rules={rules.data} />}
      </Paper>
    </>
  );
}
