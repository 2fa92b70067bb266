import { Alert, Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobProfileInput, REACHABILITIES, type JobProfileView } from '../../../server/modules/matching/matching.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { reachabilityLabel } from '../../shared/jobs/labels.ts';
import { numberOrNull } from '../../shared/jobs/vacancyForm.ts';
import { jobProfileKey } from './queries.ts';

interface ProfileValues {
  reachability: string;
  maxHoursPerWeek: string;
  availableFrom: string;
  shiftWork: string;
  weekendWork: string;
}

const yesNoOf = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');
const booleanOf = (value: string) => (value === '' ? null : value === 'yes');

const valuesOf = (p: JobProfileView): ProfileValues => ({
  reachability: p.reachability ?? '',
  maxHoursPerWeek: p.maxHoursPerWeek === null ? '' : String(p.maxHoursPerWeek),
  availableFrom: p.availableFrom ?? '',
  shiftWork: yesNoOf(p.shiftWork),
  weekendWork: yesNoOf(p.weekendWork),
});

const inputOf = (v: ProfileValues, version: number) => ({
  reachability: v.reachability || null,
  maxHoursPerWeek: numberOrNull(v.maxHoursPerWeek),
  availableFrom: v.availableFrom || null,
  shiftWork: booleanOf(v.shiftWork),
  weekendWork: booleanOf(v.weekendWork),
  // Version 0: never saved, so the first save carries none.
  version: version > 0 ? version : undefined,
});

/** What matching needs beyond the intake: how far the person gets, how many hours, from when, shifts and weekends. */
export function JobProfileForm({ profile }: { profile: JobProfileView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(profile);
  const [conflict, setConflict] = useState<JobProfileView | null>(null);
  const form = useValidatedForm<ProfileValues>(valuesOf(profile), (values) =>
    schemaErrors(t, JobProfileInput, inputOf(values, saved.version)),
  );
  const save = useMutation({
    mutationFn: (values: ProfileValues) =>
      api.put<JobProfileView>(`/api/participants/${profile.participantId}/job-profile`, inputOf(values, saved.version)),
    onSuccess: async (next) => {
      setSaved(next);
      setConflict(null);
      form.setValues(valuesOf(next));
      form.resetDirty(valuesOf(next));
      queryClient.setQueryData(jobProfileKey(next.participantId), next);
      // The matches depend on the profile.
      await queryClient.invalidateQueries({ queryKey: ['/api/participants', next.participantId, 'matches'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as JobProfileView);
    },
  });

  const values = form.getValues();
  const yesNoOptions = [
    { value: '', label: t('participantForm.notRecorded') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const shownYesNo = (v: string) => yesNoOptions.find((o) => o.value === v && v !== '')?.label ?? '';
  const shownReach = (v: string) => (v ? reachabilityLabel(t, v as (typeof REACHABILITIES)[number]) : '');
  const current = conflict ? valuesOf(conflict) : null;

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={t('jobs.profile.heading')}>
      {conflict && current && (
        <ConflictNotice
          rows={differingFields([
            { label: t('jobs.profile.reachability'), mine: shownReach(values.reachability), current: shownReach(current.reachability) },
            { label: t('jobs.profile.maxHoursPerWeek'), mine: values.maxHoursPerWeek, current: current.maxHoursPerWeek },
            { label: t('jobs.profile.availableFrom'), mine: values.availableFrom, current: current.availableFrom },
            { label: t('jobs.profile.shiftWork'), mine: shownYesNo(values.shiftWork), current: shownYesNo(current.shiftWork) },
            { label: t('jobs.profile.weekendWork'), mine: shownYesNo(values.weekendWork), current: shownYesNo(current.weekendWork) },
          ])}
          onLoadCurrent={() => {
            setSaved(conflict);
            form.setValues(valuesOf(conflict));
            form.resetDirty(valuesOf(conflict));
            queryClient.setQueryData(jobProfileKey(conflict.participantId), conflict);
            setConflict(null);
          }}
        />
      )}
      {save.isSuccess && !form.isDirty() && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('common.saved')}
        </Alert>
      )}
      {save.error && !conflict && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NativeSelect
          label={t('jobs.profile.reachability')}
          data={[
            { value: '', label: t('participantForm.notRecorded') },
            ...REACHABILITIES.map((r) => ({ value: r, label: reachabilityLabel(t, r) })),
          ]}
          {...form.getInputProps('reachability')}
        />
        <TextInput label={t('jobs.profile.maxHoursPerWeek')} inputMode="decimal" {...form.getInputProps('maxHoursPerWeek')} />
        <TextInput label={t('jobs.profile.availableFrom')} type="date" {...form.getInputProps('availableFrom')} />
        <NativeSelect label={t('jobs.profile.shiftWork')} data={yesNoOptions} {...form.getInputProps('shiftWork')} />
        <NativeSelect label={t('jobs.profile.weekendWork')} data={yesNoOptions} {...form.getInputProps('weekendWork')} />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
          {t('jobs.profile.save')}
        </Button>
      </Group>
    </form>
  );
}
