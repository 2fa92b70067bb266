import { Button, Group, Paper } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmployerCreateInput, type EmployerView } from '../../../server/modules/employers/employers.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { employersKey } from '../../shared/jobs/queries.ts';
import { EmployerFields } from './EmployerFields.tsx';
import { emptyEmployer, employerCreateInputOf, type EmployerFormValues } from './employerForm.ts';
import { employerKey } from './queries.ts';

export function EmployerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useValidatedForm<EmployerFormValues>(emptyEmployer, (values) =>
    schemaErrors(t, EmployerCreateInput, employerCreateInputOf(values)),
  );
  const create = useMutation({
    mutationFn: (values: EmployerFormValues) => api.post<EmployerView>('/api/employers', employerCreateInputOf(values)),
    onSuccess: async (employer) => {
      queryClient.setQueryData(employerKey(employer.id), employer);
      await queryClient.invalidateQueries({ queryKey: employersKey, predicate: (q) => q.queryKey[1] !== employer.id });
      await navigate(`/employers/${employer.id}`, { state: { created: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });

  return (
    <>
      <PageHeader title={t('jobs.employers.new')} />
      <Paper withBorder p="lg">
        {create.error && <ErrorAlert error={create.error} />}
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <EmployerFields form={form} mode="create" />
          <Group mt="lg">
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
            <Button component={Link} to="/employers" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}
