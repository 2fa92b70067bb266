import { Alert, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { UserUpdateInput, type UserView } from '../../../server/modules/users/users.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { LANGUAGE_NAMES } from '../../shared/i18n/languages.ts';
import { roleLabel } from '../../shared/i18n/labels.ts';
import { UserFields } from './UserFields.tsx';
import { updateInputOf, valuesOf, type UserFormValues } from './userForm.ts';
import { useOrganisationOptions } from './useOrganisationOptions.ts';

/** Edits one user account, and disables or enables it; saves only on top of the version it was loaded from. */
export function UserEditor({ record }: { record: UserView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useCurrentUser();
  const organisations = useOrganisationOptions();
  const [saved, setSaved] = useState(record);
  const [conflict, setConflict] = useState<UserView | null>(null);
  const form = useValidatedForm<UserFormValues>(valuesOf(record), (values) =>
    schemaErrors(t, UserUpdateInput, updateInputOf(values, saved.version)),
  );

  function show(user: UserView, resetForm: boolean) {
    setSaved(user);
    if (resetForm) {
      form.setValues(valuesOf(user));
      form.resetDirty(valuesOf(user));
    }
    queryClient.setQueryData(['/api/users', user.id], user);
  }

  function onError(error: Error) {
    if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as UserView);
  }

  const save = useMutation({
    mutationFn: (values: UserFormValues) => api.patch<UserView>(`/api/users/${record.id}`, updateInputOf(values, saved.version)),
    onSuccess: async (user) => {
      show(user, true);
      await queryClient.invalidateQueries({ queryKey: ['/api/users'], exact: true });
    },
    onError,
  });
  const setStatus = useMutation({
    mutationFn: (status: UserView['status']) => api.patch<UserView>(`/api/users/${record.id}`, { status, version: saved.version }),
    onSuccess: async (user) => {
      show(user, false);
      await queryClient.invalidateQueries({ queryKey: ['/api/users'], exact: true });
    },
    onError,
  });

  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? '';
  const rolesText = (memberships: { role: string; organisationName: string }[]) =>
    memberships
      .map(
        (m) =>
          `${m.role ? roleLabel(t, m.role as UserView['memberships'][number]['role']) : ''}${m.organisationName ? ` – ${m.organisationName}` : ''}`,
      )
      .join('; ');
  const created = (location.state as { created?: boolean } | null)?.created && !form.isDirty() && !save.isSuccess;
  const statusError =
    setStatus.error instanceof ApiError && setStatus.error.status === 400
      ? Object.values(serverErrors(t, setStatus.error.fields))[0]
      : null;
  const otherError = [save.error, setStatus.error].find(
    (e) => e && !(e instanceof ApiError && (e.status === 400 || (e.status === 409 && conflict))),
  );

  return (
    <Paper withBorder p="lg">
      <Group mb="md" gap="sm">
        <Text size="sm">{saved.email}</Text>
        <Badge color={saved.status === 'active' ? 'teal.9' : 'red.9'} variant="filled" tt="none" miw="max-content">
          {t(`users.statuses.${saved.status}`)}
        </Badge>
        {saved.id !== me.user.id && (
          <Button
            size="xs"
            variant="default"
            loading={setStatus.isPending}
            disabled={conflict !== null}
            onClick={() => setStatus.mutate(saved.status === 'active' ? 'disabled' : 'active')}
          >
            {saved.status === 'active' ? t('users.disable') : t('users.enable')}
          </Button>
        )}
      </Group>
      {created && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('users.created')}
        </Alert>
      )}
      {save.isSuccess && !form.isDirty() && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('common.saved')}
        </Alert>
      )}
      {statusError && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {statusError}
        </Alert>
      )}
      {conflict && (
        <ConflictNotice
          rows={differingFields([
            { label: t('users.displayName'), mine: form.values.displayName, current: conflict.displayName },
            { label: t('users.locale'), mine: LANGUAGE_NAMES[form.values.locale], current: LANGUAGE_NAMES[conflict.locale] },
            {
              label: t('users.roles'),
              mine: rolesText(form.values.memberships.map((m) => ({ role: m.role, organisationName: orgName(m.organisationId) }))),
              current: rolesText(conflict.memberships.map((m) => ({ role: m.role, organisationName: m.organisationName ?? '' }))),
            },
            { label: t('users.status'), mine: t(`users.statuses.${saved.status}`), current: t(`users.statuses.${conflict.status}`) },
          ])}
          onLoadCurrent={() => {
            show(conflict, true);
            setConflict(null);
          }}
        />
      )}
      {otherError && <ErrorAlert error={otherError} />}
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <UserFields form={form} mode="edit" />
        <Group mt="lg">
          <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
            {t('common.save')}
          </Button>
          <Button component={Link} to="/users" variant="default">
            {t('common.backToList')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
