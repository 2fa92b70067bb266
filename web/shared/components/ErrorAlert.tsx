import { Alert, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** What went wrong, in the UI language and without jargon. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 400:
      return t('errors.invalid');
    case 401:
      return t('errors.unauthenticated');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 429:
      return t('errors.tooManyRequests');
    default:
      return t('errors.generic');
  }
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert" my="sm">
      <Text size="sm">{errorText(t, error)}</Text>
      {requestId && (
        <Text size="xs" mt={4}>
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
