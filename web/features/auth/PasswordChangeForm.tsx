import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PasswordChangeInput } from '../../../server/modules/auth/auth.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';

export function PasswordChangeForm() {
  const { t } = useTranslation();
  // The server's rules, plus typing the new password twice.
  const schema = PasswordChangeInput.extend({ confirmPassword: z.string() }).refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: t('profile.passwordMismatch'),
  });
  const form = useValidatedForm({ currentPassword: '', newPassword: '', confirmPassword: '' }, (values) => schemaErrors(t, schema, values));
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: typeof form.values) => api.post('/api/me/password', { currentPassword, newPassword }),
    onSuccess: () => form.reset(),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
      <Stack>
        {change.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('profile.passwordChanged')}
          </Alert>
        )}
        {change.error && !(change.error instanceof ApiError && change.error.status === 400) && <ErrorAlert error={change.error} />}
        <PasswordInput
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('profile.newPassword')}
          description={t('profile.newPasswordHelp')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('profile.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('profile.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
