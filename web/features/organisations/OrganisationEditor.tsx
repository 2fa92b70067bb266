import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { OrganisationUpdateInput, type OrganisationView } from '../../../server/modules/organisations/organisations.schemas.ts';
import { useCities } from '../../shared/api/cities.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { kindLabel } from '../../shared/i18n/labels.ts';
import { OrganisationFields } from './OrganisationFields.tsx';
import { updateInputOf, valuesOf, type OrganisationFormValues } from './organisationForm.ts';

/** Edits one organisation; saves only on top of the version it was loaded from. */
export function OrganisationEditor({ record }: { record: OrganisationView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const cities = useCities();
  const [saved, setSaved] = useState(record);
  const [conflict, setConflict] = useState<OrganisationView | null>(null);
  const form = useValidatedForm<OrganisationFormValues>(valuesOf(record), (values) =>
    schemaErrors(t, OrganisationUpdateInput, updateInputOf(values, saved.version)),
  );

  function show(organisation: OrganisationView) {
    setSaved(organisation);
    form.setValues(valuesOf(organisation));
    form.resetDirty(valuesOf(organisation));
    queryClient.setQueryData(['/api/organisations', organisation.id], organisation);
  }

  const save = useMutation({
    mutationFn: (values: OrganisationFormValues) =>
      api.patch<OrganisationView>(`/api/organisations/${record.id}`, updateInputOf(values, saved.version)),
    onSuccess: async (organisation) => {
      show(organisation);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: ['/api/organisations'], exact: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as OrganisationView);
    },
  });

  const cityName = (id: string) => cities.data?.find((c) => c.id === id)?.name ?? '';
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const created = (location.state as { created?: boolean } | null)?.created && !form.isDirty() && !save.isSuccess;

  return (
    <Paper withBorder p="lg">
      <Text size="sm" mb="md">
        {t('organisations.meta', { kind: kindLabel(t, record.kind), updatedAt: formatDateTime(saved.updatedAt, i18n.language) })}
      </Text>
      {created && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('organisations.created')}
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
            { label: t('organisations.name'), mine: form.values.name, current: conflict.name },
            { label: t('organisations.city'), mine: cityName(form.values.cityId), current: conflict.cityName ?? '' },
            { label: t('organisations.description'), mine: form.values.description, current: conflict.description },
            { label: t('organisations.email'), mine: form.values.email, current: conflict.email ?? '' },
            { label: t('organisations.phone'), mine: form.values.phone, current: conflict.phone ?? '' },
            { label: t('organisations.address'), mine: form.values.address, current: conflict.address ?? '' },
            { label: t('organisations.activeLabel'), mine: yesNo(form.values.active), current: yesNo(conflict.active) },
          ])}
          onLoadCurrent={() => {
            show(conflict);
            setConflict(null);
          }}
        />
      )}
      {save.error && !conflict && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <OrganisationFields form={form} mode="edit" />
        <Group mt="lg">
          <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
            {t('common.save')}
          </Button>
          <Button component={Link} to="/organisations" variant="default">
            {t('common.backToList')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
