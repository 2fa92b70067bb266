import { Button, Checkbox, Group, Paper, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  EnrolmentCancelInput,
  EnrolmentCompleteInput,
  EnrolmentDropOutInput,
  type EnrolmentView,
} from '../../../server/modules/offers/enrolments.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { today } from './today.ts';

// How an enrolment ends: the provider records completion (with the certificate) or a drop
// out; the office cancels. One small form for the three, posted on top of the loaded version.

export type Ending = 'complete' | 'drop-out' | 'cancel';

interface EndValues {
  on: string;
  certificate: boolean;
  certificateName: string;
  reason: string;
}

const SCHEMAS: Record<Ending, z.ZodType> = {
  complete: EnrolmentCompleteInput,
  'drop-out': EnrolmentDropOutInput,
  cancel: EnrolmentCancelInput,
};

export function endInputOf(ending: Ending, v: EndValues, version: number) {
  if (ending === 'complete')
    return { version, completedOn: v.on, certificate: v.certificate, certificateName: v.certificate ? v.certificateName : null };
  if (ending === 'drop-out') return { version, droppedOn: v.on, reason: v.reason };
  return { version, reason: v.reason };
}

export function EnrolmentEndForm({ enrolment, ending, onDone }: { enrolment: EnrolmentView; ending: Ending; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useValidatedForm<EndValues>({ on: today(), certificate: false, certificateName: '', reason: '' }, (v) =>
    schemaErrors(t, SCHEMAS[ending], endInputOf(ending, v, enrolment.version)),
  );
  const save = useMutation({
    mutationFn: (v: EndValues) =>
      api.post<EnrolmentView>(`/api/enrolments/${enrolment.id}/${ending}`, endInputOf(ending, v, enrolment.version)),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['/api/offers'] }),
        queryClient.invalidateQueries({ queryKey: ['/api/participants', enrolment.participantId] }),
      ]);
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  const values = form.getValues();
  const label = t(`offers.end.${ending}`);

  return (
    <Paper withBorder p="sm" mt="xs">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={label}>
        {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {ending !== 'cancel' && (
            <TextInput
              type="date"
              required
              label={ending === 'complete' ? t('offers.end.completedOn') : t('offers.end.droppedOn')}
              {...form.getInputProps('on')}
              error={form.errors.completedOn ?? form.errors.droppedOn}
            />
          )}
          {ending === 'complete' ? (
            <>
              <Checkbox mt="lg" label={t('offers.end.certificate')} {...form.getInputProps('certificate', { type: 'checkbox' })} />
              {values.certificate && (
                <TextInput label={t('offers.end.certificateName')} required {...form.getInputProps('certificateName')} />
              )}
            </>
          ) : (
            <Textarea label={t('offers.end.reason')} autosize minRows={1} {...form.getInputProps('reason')} />
          )}
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit" size="sm" loading={save.isPending} color={ending === 'complete' ? undefined : 'red.8'}>
            {label}
          </Button>
          <Button variant="default" size="sm" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
