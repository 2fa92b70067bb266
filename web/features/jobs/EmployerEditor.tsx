import { Alert, Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmployerUpdateInput, type EmployerView } from '../../../server/modules/employers/employers.schemas.ts';
import { useCities } from '../../shared/api/cities.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { employerSizeLabel, type EmployerSize } from '../../shared/jobs/labels.ts';
import { employersKey } from '../../shared/jobs/queries.ts';
import { EmployerFields } from './EmployerFields.tsx';
import { employerUpdateInputOf, employerValuesOf, type EmployerFormValues } from './employerForm.ts';
import { employerKey } from './queries.ts';

/** The employer's profile and contact persons, saved on top of the version they were loaded at. */
export function EmployerEditor({ record, created }: { record: EmployerView; created: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cities = useCities();
  const [saved, setSaved] = useState(record);
  const [conflict, setConflict] = useState<EmployerView | null>(null);
  const form = useValidatedForm<EmployerFormValues>(employerValuesOf(record), (values) =>
    schemaErrors(t, EmployerUpdateInput, employerUpdateInputOf(values, saved.version)),
  );

  function show(employer: EmployerView) {
    setSaved(employer);
    // One set of values: each contact person's row key is new every time they are made.
    const values = employerValuesOf(employer);
    form.setValues(values);
    form.resetDirty(values);
    queryClient.setQueryData(employerKey(employer.id), employer);
  }

  const save = useMutation({
    mutationFn: (values: EmployerFormValues) =>
      api.patch<EmployerView>(`/api/employers/${record.id}`, employerUpdateInputOf(values, saved.version)),
    onSuccess: async (employer) => {
      show(employer);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: employersKey, predicate: (q) => q.queryKey[1] !== employer.id });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as EmployerView);
    },
  });

  const values = form.getValues();
  const cityName = (id: string | null) => cities.data?.find((c) => c.id === id)?.name ?? '';
  const size = (value: string | null) => (value ? employerSizeLabel(t, value as EmployerSize) : '');
  const persons = (list: { name: string }[]) => list.map((p) => p.name).join(', ');
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));

  return (
    <>
      {created && !form.isDirty() && !save.isSuccess && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('jobs.employers.created')}
        </Alert>
      )}
      {save.isSuccess && !form.isDirty() && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('common.saved')}
        </Alert>
      )}
      {conflict && (
        <ConflictNotice
          rows={differingFields([
            { label: t('jobs.employer.name'), mine: values.name, current: conflict.name },
            { label: t('jobs.employer.sector'), mine: values.sector, current: conflict.sector ?? '' },
            { label: t('jobs.employer.size'), mine: size(values.size), current: size(conflict.size) },
            { label: t('jobs.employer.city'), mine: cityName(values.cityId), current: conflict.cityName ?? '' },
            { label: t('jobs.employer.address'), mine: values.address, current: conflict.address ?? '' },
            { label: t('jobs.employer.postcode'), mine: values.postcode, current: conflict.postcode ?? '' },
            { label: t('jobs.employer.email'), mine: values.email, current: conflict.email ?? '' },
            { label: t('jobs.employer.phone'), mine: values.phone, current: conflict.phone ?? '' },
            { label: t('jobs.employer.description'), mine: values.description, current: conflict.description },
            { label: t('jobs.employer.notes'), mine: values.notes, current: conflict.notes ?? '' },
            { label: t('jobs.employer.contactPersons'), mine: persons(values.contactPersons), current: persons(conflict.contactPersons) },
            { label: t('jobs.employer.activeLabel'), mine: yesNo(values.active), current: yesNo(conflict.active) },
          ])}
          onLoadCurrent={() => {
            show(conflict);
            setConflict(null);
          }}
        />
      )}
      {save.error && !conflict && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={t('jobs.employer.profile')}>
        <EmployerFields form={form} mode="edit" />
        <Group mt="lg">
          <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </>
  );
}
