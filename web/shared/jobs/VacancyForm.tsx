import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VacancyCreateInput, VacancyUpdateInput, type VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { api, ApiError } from '../api/client.ts';
import { ConflictNotice, differingFields } from '../components/ConflictNotice.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useValidatedForm } from '../forms/form.ts';
import { schemaErrors, serverErrors } from '../forms/validation.ts';
import { vacancyKindLabel, vacancyStatusLabel, type VacancyKind, type VacancyStatus } from './labels.ts';
import { vacanciesKey, vacancyKey } from './queries.ts';
import { VacancyFields } from './VacancyFields.tsx';
import { emptyVacancy, vacancyCreateInputOf, vacancyUpdateInputOf, vacancyValuesOf, type VacancyFormValues } from './vacancyForm.ts';

interface VacancyFormProps {
  /** The vacancy to edit; left out to create one. */
  record?: VacancyView;
  /** Creating as staff: the employers to choose from. */
  employerOptions?: { value: string; label: string }[];
  /** Creating for a known employer (the employer's own contact, or from the employer's page). */
  employerId?: string;
  onSaved: (vacancy: VacancyView) => void;
  onCancel?: () => void;
}

/** Creates a vacancy, or edits one on top of the version it was loaded at (a 409 shows what changed). */
export function VacancyForm({ record, employerOptions, employerId = '', onSaved, onCancel }: VacancyFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(record);
  const [conflict, setConflict] = useState<VacancyView | null>(null);
  const form = useValidatedForm<VacancyFormValues>(record ? vacancyValuesOf(record) : emptyVacancy(employerId), (values) =>
    saved
      ? schemaErrors(t, VacancyUpdateInput, vacancyUpdateInputOf(values, saved.version))
      : schemaErrors(t, VacancyCreateInput, vacancyCreateInputOf(values)),
  );
  const save = useMutation({
    mutationFn: (values: VacancyFormValues) =>
      saved
        ? api.patch<VacancyView>(`/api/vacancies/${saved.id}`, vacancyUpdateInputOf(values, saved.version))
        : api.post<VacancyView>('/api/vacancies', vacancyCreateInputOf(values)),
    onSuccess: async (vacancy) => {
      setSaved(vacancy);
      setConflict(null);
      queryClient.setQueryData(vacancyKey(vacancy.id), vacancy);
      await queryClient.invalidateQueries({ queryKey: vacanciesKey, predicate: (q) => q.queryKey[1] !== vacancy.id });
      onSaved(vacancy);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as VacancyView);
    },
  });

  const values = form.getValues();
  const shownNumber = (text: string) => text.trim();
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      {conflict && (
        <ConflictNotice
          rows={differingFields([
            { label: t('jobs.vacancy.title'), mine: values.title, current: conflict.title },
            {
              label: t('jobs.vacancy.kind'),
              mine: vacancyKindLabel(t, values.kind as VacancyKind),
              current: vacancyKindLabel(t, conflict.kind),
            },
            {
              label: t('jobs.vacancy.status'),
              mine: vacancyStatusLabel(t, values.status as VacancyStatus),
              current: vacancyStatusLabel(t, conflict.status),
            },
            { label: t('jobs.vacancy.occupation'), mine: values.occupation, current: conflict.occupation ?? '' },
            { label: t('jobs.vacancy.description'), mine: values.description, current: conflict.description },
            { label: t('jobs.vacancy.germanLevel'), mine: values.germanLevel, current: conflict.germanLevel ?? '' },
            { label: t('jobs.vacancy.hoursPerWeek'), mine: shownNumber(values.hoursPerWeek), current: String(conflict.hoursPerWeek ?? '') },
            { label: t('jobs.vacancy.startsOn'), mine: values.startsOn, current: conflict.startsOn ?? '' },
            { label: t('jobs.vacancy.places'), mine: shownNumber(values.places), current: String(conflict.places) },
            {
              label: t('jobs.vacancy.town'),
              mine: `${values.postcode} ${values.town}`,
              current: `${conflict.postcode ?? ''} ${conflict.town ?? ''}`,
            },
          ])}
          onLoadCurrent={() => {
            setSaved(conflict);
            form.setValues(vacancyValuesOf(conflict));
            queryClient.setQueryData(vacancyKey(conflict.id), conflict);
            setConflict(null);
          }}
        />
      )}
      {save.error && !conflict && <ErrorAlert error={save.error} />}
      <VacancyFields form={form} employerOptions={saved ? undefined : employerOptions} editing={saved !== undefined} />
      <Group mt="lg">
        <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
          {saved ? t('common.save') : t('jobs.vacancy.create')}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </form>
  );
}
