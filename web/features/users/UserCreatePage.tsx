import { Button, Group, Paper } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { UserCreateInput, type UserView } from '../../../server/modules/users/users.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { UserFields } from './UserFields.tsx';
import { createInputOf, emptyUser, type UserFormValues } from './userForm.ts';

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useValidatedForm<UserFormValues>(emptyUser, (values) => schemaErrors(t, UserCreateInput, createInputOf(values)));
  const create = useMutation({
    mutationFn: (values: UserFormValues) => api.post<UserView>('/api/users', createInputOf(values)),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['/api/users'] });
      await navigate(`/users/${user.id}`, { state: { created: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });

  return (
    <>
      <PageHeader title={t('users.createTitle')} />
      <Paper withBorder p="lg">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          {create.error && <ErrorAlert error={create.error} />}
          <UserFields form={form} mode="create" />
          <Group mt="lg">
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
            <Button component={Link} to="/users" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}
