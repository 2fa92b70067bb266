import { Button, Group, Radio, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FollowUpInput, type FollowUpView } from '../../../server/modules/placements/placements.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { dueFollowUpsKey, placementsKey } from './queries.ts';

interface FollowUpValues {
  checkedOn: string;
  stillEmployed: string;
  note: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const valuesOf = (f: FollowUpView): FollowUpValues => ({
  checkedOn: f.checkedOn ?? today(),
  stillEmployed: f.stillEmployed === null ? '' : f.stillEmployed ? 'yes' : 'no',
  note: f.note ?? '',
});
const inputOf = (v: FollowUpValues, version: number) => ({
  checkedOn: v.checkedOn,
  stillEmployed: v.stillEmployed === '' ? undefined : v.stillEmployed === 'yes',
  note: v.note,
  version,
});

/** Recording a follow-up: still employed on the day it was checked, and a note. */
export function FollowUpForm({
  followUp,
  participantId,
  label,
  onDone,
}: {
  followUp: FollowUpView;
  participantId: string;
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(followUp.version);
  const [conflict, setConflict] = useState<FollowUpView | null>(null);
  const form = useValidatedForm<FollowUpValues>(valuesOf(followUp), (values) => schemaErrors(t, FollowUpInput, inputOf(values, version)));
  const save = useMutation({
    mutationFn: (values: FollowUpValues) => api.patch<FollowUpView>(`/api/placement-follow-ups/${followUp.id}`, inputOf(values, version)),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: placementsKey(participantId) }),
        queryClient.invalidateQueries({ queryKey: dueFollowUpsKey }),
      ]);
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as FollowUpView);
    },
  });
  const values = form.getValues();
  const employed = (v: string) => (v === 'yes' ? t('jobs.followUp.stillEmployed') : v === 'no' ? t('jobs.followUp.notEmployed') : '');

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={label}>
      {conflict && (
        <ConflictNotice
          rows={differingFields([
            { label: t('jobs.followUp.checkedOn'), mine: values.checkedOn, current: conflict.checkedOn ?? '' },
            {
              label: t('jobs.followUp.employedQuestion'),
              mine: employed(values.stillEmployed),
              current: employed(valuesOf(conflict).stillEmployed),
            },
            { label: t('jobs.followUp.note'), mine: values.note, current: conflict.note ?? '' },
          ])}
          onLoadCurrent={() => {
            setVersion(conflict.version);
            form.setValues(valuesOf(conflict));
            setConflict(null);
            void queryClient.invalidateQueries({ queryKey: placementsKey(participantId) });
          }}
        />
      )}
      {save.error && !conflict && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Radio.Group label={t('jobs.followUp.employedQuestion')} required {...form.getInputProps('stillEmployed')}>
          <Group mt={6}>
            <Radio value="yes" label={t('common.yes')} />
            <Radio value="no" label={t('common.no')} />
          </Group>
        </Radio.Group>
        <TextInput label={t('jobs.followUp.checkedOn')} type="date" required max={today()} {...form.getInputProps('checkedOn')} />
      </SimpleGrid>
      <Textarea label={t('jobs.followUp.note')} autosize minRows={2} mt="sm" {...form.getInputProps('note')} />
      <Group mt="sm">
        <Button type="submit" size="sm" loading={save.isPending} disabled={conflict !== null}>
          {t('jobs.followUp.save')}
        </Button>
        <Button variant="default" size="sm" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
