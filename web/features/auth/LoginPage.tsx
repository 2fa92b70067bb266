import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginInput, type MeView } from '../../../server/modules/auth/auth.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { acceptSession, useMe } from '../../shared/api/session.ts';
import { errorText } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { LanguageSwitch } from '../../shared/i18n/LanguageSwitch.tsx';
import classes from './LoginPage.module.css';

/** Only paths inside the app, so that a crafted link cannot send the user elsewhere after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { data: me } = useMe();
  const form = useValidatedForm({ email: '', password: '' }, (values) => schemaErrors(t, LoginInput, values));
  const login = useMutation({
    mutationFn: (values: typeof form.values) => api.post<MeView>('/api/auth/login', values),
    onSuccess: async (session) => {
      acceptSession(queryClient, session);
      await navigate(safeNext(search.get('next')), { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });

  useEffect(() => {
    document.title = `${t('login.title')} – ${t('app.name')}`;
  }, [t]);

  if (me && !login.isPending) return <Navigate to={safeNext(search.get('next'))} replace />;

  return (
    <div className={classes.page}>
      <header className={classes.header}>
        <Text fw={800} fz="xl" c="blue.9">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </header>
      <main className={classes.main}>
        <Center>
          <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
            <Title order={1} mb="xs">
              {t('login.title')}
            </Title>
            <Text mb="lg">{t('login.intro')}</Text>
            <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
              <Stack>
                {login.error && !(login.error instanceof ApiError && login.error.status === 400) && (
                  <Alert color="red" variant="light" role="alert" title={t('login.failed')}>
                    {loginErrorText(t, login.error)}
                  </Alert>
                )}
                <TextInput label={t('login.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
                <PasswordInput label={t('login.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
                <Button type="submit" loading={login.isPending}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </Center>
      </main>
    </div>
  );
}

function loginErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return t('login.wrongCredentials');
  if (error instanceof ApiError && error.status === 429) {
    return t('login.throttled', { count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 900) / 60)) });
  }
  return errorText(t, error);
}
