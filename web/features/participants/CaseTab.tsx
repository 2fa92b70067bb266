import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseUpdateInput, CLOSING_STATUSES, EXIT_REASONS } from '../../../server/modules/cases/cases.schemas.ts';
import { CASE_STATUSES, type CaseView, type ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { useCities } from '../../shared/api/cities.ts';
import { useFundingPeriods } from '../../shared/api/fundingPeriods.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { caseStatusLabel } from '../../shared/i18n/labels.ts';
import { FactsTable } from './FactsTable.tsx';
import { participantFacts } from './participantFacts.ts';
import { participantQueryKey, useCaseManagers } from './queries.ts';

interface CaseValues {
  status: string;
  caseManagerId: string;
  cityId: string;
  fundingPeriodId: string;
  entryDate: string;
  exitDate: string;
  exitReason: string;
}

const valuesOf = (c: CaseView): CaseValues => ({
  status: c.status,
  caseManagerId: c.caseManagerId ?? '',
  cityId: c.cityId,
  fundingPeriodId: c.fundingPeriodId ?? '',
  entryDate: c.entryDate ?? '',
  exitDate: c.exitDate ?? '',
  exitReason: c.exitReason ?? '',
});

const inputOf = (v: CaseValues, version: number) => ({
  status: v.status,
  // A case cannot be left without a case manager: "none" is only shown when none was ever assigned.
  caseManagerId: v.caseManagerId || undefined,
  cityId: v.cityId,
  fundingPeriodId: v.fundingPeriodId || null,
  entryDate: v.entryDate || null,
  exitDate: v.exitDate || null,
  exitReason: v.exitReason || null,
  version,
});

const LABELS = {
  status: 'participants.caseStatus',
  caseManagerId: 'participants.caseManager',
  cityId: 'participants.city',
  fundingPeriodId: 'participants.fundingPeriod',
  entryDate: 'participants.entryDate',
  exitDate: 'participants.exitDate',
  exitReason: 'participants.exitReason',
} as const;

const isClosing = (status: string) => (CLOSING_STATUSES as readonly string[]).includes(status);

/** The current case and its status: closing it asks for the exit date and reason. */
export function CaseTab({ participant }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const cities = useCities();
  const periods = useFundingPeriods();
  const managers = useCaseManagers();
  const c = participant.currentCase;
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<CaseView | null>(null);
  const form = useValidatedForm<CaseValues>(c ? valuesOf(c) : valuesOf({} as CaseView), (values) => {
    const errors = schemaErrors(t, CaseUpdateInput, inputOf(values, c?.version ?? 1));
    if (isClosing(values.status)) {
      if (!values.exitDate) errors.exitDate = t('validation.required');
      if (!values.exitReason) errors.exitReason = t('validation.choose');
    }
    return errors;
  });
  const save = useMutation({
    mutationFn: (values: CaseValues) => api.patch<CaseView>(`/api/cases/${c!.id}`, inputOf(values, c!.version)),
    onSuccess: async () => {
      setSaved(true);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: participantQueryKey(participant.id) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) setConflict(error.current as CaseView);
    },
  });
  const colleagues = (managers.data ?? []).filter((m) => m.officeId === c?.officeId).map((m) => ({ value: m.id, label: m.displayName }));
  const caseManagerOptions = [
    ...(c && !c.caseManagerId ? [{ value: '', label: t('caseForm.noCaseManager') }] : []),
    ...colleagues,
    // Someone who has left the office keeps the case until it is handed on.
    ...(c?.caseManagerId && !colleagues.some((o) => o.value === c.caseManagerId)
      ? [{ value: c.caseManagerId, label: c.caseManagerName ?? c.caseManagerId }]
      : []),
  ];
  // The conflict notice shows names and labels, not ids and codes.
  const shown = (key: keyof CaseValues, value: string): string => {
    if (!value) return '';
    if (key === 'status') return caseStatusLabel(t, value as CaseView['status']);
    if (key === 'caseManagerId') return caseManagerOptions.find((m) => m.value === value)?.label ?? value;
    if (key === 'cityId') return cities.data?.find((city) => city.id === value)?.name ?? value;
    if (key === 'fundingPeriodId') return periods.data?.find((p) => p.id === value)?.name ?? value;
    if (key === 'exitReason') return t(`exitReasons.${value as 'other'}`);
    return value;
  };
  const facts = participantFacts(t, participant, i18n.language)[3]!;
  if (!c) return <FactsTable group={facts} />;
  const closing = isClosing(form.getValues().status);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <FactsTable group={facts} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('caseForm.heading')}
        </Title>
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          {save.error && !conflict && <ErrorAlert error={save.error} />}
          {conflict && (
            <ConflictNotice
              rows={differingFields(
                (Object.keys(LABELS) as (keyof CaseValues)[]).map((key) => ({
                  label: t(LABELS[key]),
                  mine: shown(key, form.getValues()[key]),
                  current: shown(key, valuesOf(conflict)[key]),
                })),
              )}
              onLoadCurrent={() => {
                form.setValues(valuesOf(conflict));
                queryClient.setQueryData(participantQueryKey(participant.id), { ...participant, currentCase: conflict });
                setConflict(null);
              }}
            />
          )}
          {saved && (
            <Alert color="green" variant="light" role="status" mb="sm">
              {t('common.saved')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('participants.caseStatus')}
              data={CASE_STATUSES.map((s) => ({ value: s, label: caseStatusLabel(t, s) }))}
              {...form.getInputProps('status')}
            />
            <NativeSelect label={t('participants.caseManager')} data={caseManagerOptions} {...form.getInputProps('caseManagerId')} />
            <NativeSelect
              label={t('participants.city')}
              data={(cities.data ?? []).map((city) => ({ value: city.id, label: city.name }))}
              {...form.getInputProps('cityId')}
            />
            <NativeSelect
              label={t('participants.fundingPeriod')}
              data={[
                { value: '', label: t('participantForm.notRecorded') },
                ...(periods.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              {...form.getInputProps('fundingPeriodId')}
            />
            <TextInput label={t('participants.entryDate')} type="date" {...form.getInputProps('entryDate')} />
            <TextInput label={t('participants.exitDate')} type="date" required={closing} {...form.getInputProps('exitDate')} />
            <NativeSelect
              label={t('participants.exitReason')}
              required={closing}
              data={[
                { value: '', label: t('participantForm.notRecorded') },
                ...EXIT_REASONS.map((r) => ({ value: r, label: t(`exitReasons.${r}`) })),
              ]}
              {...form.getInputProps('exitReason')}
            />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </form>
      </Paper>
    </SimpleGrid>
  );
}
