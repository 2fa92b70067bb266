import { Button, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingCreateInput, type MeetingView } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { menteesKey } from './queries.ts';

interface MeetingValues {
  meetsOn: string;
  startsAt: string;
  place: string;
  status: 'planned' | 'held';
  hours: string;
  note: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const initial: MeetingValues = { meetsOn: today(), startsAt: '', place: '', status: 'held', hours: '', note: '' };
const inputOf = (v: MeetingValues) => ({
  meetsOn: v.meetsOn,
  startsAt: v.startsAt,
  place: v.place,
  status: v.status,
  // A decimal comma is what German speakers type: "1,5" hours.
  hours: v.status === 'held' && v.hours.trim() !== '' ? Number(v.hours.replace(',', '.')) : null,
  note: v.note,
});

/** Recording a meeting: one agreed for later, or one held with its hours. */
export function MeetingForm({ mentorshipId }: { mentorshipId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useValidatedForm<MeetingValues>(initial, (values) => schemaErrors(t, MeetingCreateInput, inputOf(values)));
  const save = useMutation({
    mutationFn: (values: MeetingValues) => api.post<MeetingView>(`/api/mentor/mentees/${mentorshipId}/meetings`, inputOf(values)),
    onSuccess: async () => {
      form.reset();
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: menteesKey });
    },
    onError: (error) => {
      setSaved(false);
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  const held = form.getValues().status === 'held';

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={t('mentorPortal.mentee.record')}>
      {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('mentorships.meetings.status')}
          data={(['held', 'planned'] as const).map((s) => ({ value: s, label: t(`mentorships.meetings.statuses.${s}`) }))}
          {...form.getInputProps('status')}
        />
        <TextInput label={t('mentorships.meetings.meetsOn')} type="date" required {...form.getInputProps('meetsOn')} />
        <TextInput label={t('mentorships.meetings.startsAt')} type="time" {...form.getInputProps('startsAt')} />
        {held && <TextInput label={t('mentorships.meetings.hours')} inputMode="decimal" required {...form.getInputProps('hours')} />}
        <TextInput label={t('mentorships.meetings.place')} {...form.getInputProps('place')} />
      </SimpleGrid>
      <Textarea label={t('mentorships.meetings.note')} autosize minRows={2} mt="sm" {...form.getInputProps('note')} />
      <Group mt="sm">
        <Button type="submit" loading={save.isPending}>
          {t('mentorPortal.mentee.save')}
        </Button>
      </Group>
      {saved && (
        <p role="status" aria-live="polite">
          {t('mentorPortal.mentee.saved')}
        </p>
      )}
    </form>
  );
}
