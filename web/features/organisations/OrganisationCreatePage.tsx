import { Button, Group, Paper } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OrganisationCreateInput, type OrganisationView } from '../../../server/modules/organisations/organisations.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { OrganisationFields } from './OrganisationFields.tsx';
import { createInputOf, emptyOrganisation, type OrganisationFormValues } from './organisationForm.ts';

export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useValidatedForm<OrganisationFormValues>(emptyOrganisation, (values) =>
    schemaErrors(t, OrganisationCreateInput, createInputOf(values)),
  );
  const create = useMutation({
    mutationFn: (values: OrganisationFormValues) => api.post<OrganisationView>('/api/organisations', createInputOf(values)),
    onSuccess: async (organisation) => {
      await queryClient.invalidateQueries({ queryKey: ['/api/organisations'] });
      await navigate(`/organisations/${organisation.id}`, { state: { created: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });

  return (
    <>
      <PageHeader title={t('organisations.createTitle')} />
      <Paper withBorder p="lg">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          {create.error && <ErrorAlert error={create.error} />}
          <OrganisationFields form={form} mode="create" />
          <Group mt="lg">
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
            <Button component={Link} to="/organisations" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}
