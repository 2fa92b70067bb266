import { Alert, Button, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMPLOYABILITY_RESULTS,
  EmployabilityInput,
  type EmployabilityView,
} from '../../../server/modules/employability/employability.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';

interface CheckValues {
  needed: string;
  result: string;
  restrictions: string;
  checkedOn: string;
  reviewOn: string;
}

const valuesOf = (c: EmployabilityView | null): CheckValues => ({
  needed: c ? (c.needed ? 'yes' : 'no') : 'no',
  result: c?.result ?? '',
  restrictions: c?.restrictions ?? '',
  checkedOn: c?.checkedOn ?? '',
  reviewOn: c?.reviewOn ?? '',
});
const inputOf = (v: CheckValues, version: number | undefined) => ({
  needed: v.needed === 'yes',
  result: v.result || null,
  restrictions: v.restrictions.trim() || null,
  checkedOn: v.checkedOn || null,
  reviewOn: v.reviewOn || null,
  version,
});

/** The employability check: special-category data, on its own tab with a confidentiality note. Every read is logged. */
export function EmployabilityTab({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const check = useQuery({
    queryKey: ['/api/participants', participantId, 'employability-check'],
    queryFn: () => api.get<EmployabilityView | null>(`/api/participants/${participantId}/employability-check`),
  });
  return (
    <Stack>
      <Alert color="red" variant="outline" title={t('employability.confidentialTitle')}>
        {t('employability.confidentialText')}
      </Alert>
      {check.isPending && <Loading />}
      {check.error && <ErrorAlert error={check.error} />}
      {check.isSuccess && <CheckForm participantId={participantId} check={check.data} />}
    </Stack>
  );
}

const LABELS = {
  needed: 'employability.needed',
  result: 'employability.result',
  restrictions: 'employability.restrictions',
  checkedOn: 'employability.checkedOn',
  reviewOn: 'employability.reviewOn',
} as const;

function CheckForm({ participantId, check: loaded }: { participantId: string; check: EmployabilityView | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  // The check as last read or saved: its version is the one the next save sends.
  const [check, setCheck] = useState(loaded);
  const [conflict, setConflict] = useState<EmployabilityView | null>(null);
  const shown = (key: keyof CheckValues, value: string): string =>
    !value
      ? ''
      : key === 'needed'
        ? t(value === 'yes' ? 'common.yes' : 'common.no')
        : key === 'result'
          ? t(`employability.results.${value as 'fit'}`)
          : value;
  const form = useValidatedForm<CheckValues>(valuesOf(check), (values) =>
    schemaErrors(t, EmployabilityInput, inputOf(values, check?.version)),
  );
  const save = useMutation({
    mutationFn: (values: CheckValues) =>
      api.put<EmployabilityView>(`/api/participants/${participantId}/employability-check`, inputOf(values, check?.version)),
    onSuccess: (view) => {
      queryClient.setQueryData(['/api/participants', participantId, 'employability-check'], view);
      setCheck(view);
      setSaved(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) setConflict((error.current as EmployabilityView | undefined) ?? null);
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        {save.error && !conflict && <ErrorAlert error={save.error} />}
        {conflict && (
          <ConflictNotice
            rows={differingFields(
              (Object.keys(LABELS) as (keyof CheckValues)[]).map((key) => ({
                label: t(LABELS[key]),
                mine: shown(key, form.getValues()[key]),
                current: shown(key, valuesOf(conflict)[key]),
              })),
            )}
            onLoadCurrent={() => {
              form.setValues(valuesOf(conflict));
              setCheck(conflict);
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
            label={t('employability.needed')}
            data={[
              { value: 'no', label: t('common.no') },
              { value: 'yes', label: t('common.yes') },
            ]}
            {...form.getInputProps('needed')}
          />
          <NativeSelect
            label={t('employability.result')}
            data={[
              { value: '', label: t('participantForm.notRecorded') },
              ...EMPLOYABILITY_RESULTS.map((r) => ({ value: r, label: t(`employability.results.${r}`) })),
            ]}
            {...form.getInputProps('result')}
          />
          <TextInput label={t('employability.checkedOn')} type="date" {...form.getInputProps('checkedOn')} />
          <TextInput label={t('employability.reviewOn')} type="date" {...form.getInputProps('reviewOn')} />
        </SimpleGrid>
        <Textarea label={t('employability.restrictions')} autosize minRows={2} mt="sm" {...form.getInputProps('restrictions')} />
        <Button type="submit" mt="md" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Paper>
  );
}
