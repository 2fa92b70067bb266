import { Button, Group, NativeSelect, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AgreementEndInput, DROPOUT_REASONS, type AgreementView } from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { dropoutLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { agreementKey } from './queries.ts';

interface Values {
  status: string;
  endedOn: string;
  reason: string;
}
const today = () => new Date().toISOString().slice(0, 10);

/** Ending the apprenticeship: completed, or dropped out with the reason. */
export function EndForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputOf = (v: Values) => ({ status: v.status, endedOn: v.endedOn, reason: v.reason || null, version: agreement.version });
  const form = useValidatedForm<Values>({ status: 'completed', endedOn: today(), reason: '' }, (v) =>
    schemaErrors(t, AgreementEndInput, inputOf(v)),
  );
  const save = useMutation({
    mutationFn: (v: Values) => api.post<AgreementView>(`/api/apprenticeships/${agreement.id}/end`, inputOf(v)),
    onSuccess: (saved) => queryClient.setQueryData(agreementKey(agreement.id), saved),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: agreementKey(agreement.id) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={t('apprenticeships.end.heading')}>
      {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Radio.Group label={t('apprenticeships.end.outcome')} required {...form.getInputProps('status')}>
          <Group mt={6}>
            <Radio value="completed" label={t('apprenticeships.end.completed')} />
            <Radio value="dropped_out" label={t('apprenticeships.end.droppedOut')} />
          </Group>
        </Radio.Group>
        <TextInput label={t('apprenticeships.fields.endedOn')} type="date" required max={today()} {...form.getInputProps('endedOn')} />
        <NativeSelect
          label={t('apprenticeships.fields.endReason')}
          disabled={form.getValues().status !== 'dropped_out'}
          data={[{ value: '', label: '—' }, ...DROPOUT_REASONS.map((r) => ({ value: r, label: dropoutLabel(t, r) }))]}
          {...form.getInputProps('reason')}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit" color="red.9" loading={save.isPending}>
          {t('apprenticeships.end.save')}
        </Button>
      </Group>
    </form>
  );
}
