import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CalendarFeedView as CalendarFeedSchema } from '../../../server/modules/appointments/appointments.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';

type CalendarFeedView = z.infer<typeof CalendarFeedSchema>;

const feedKey = ['/api/calendar-feed'] as const;

/**
 * The personal calendar feed of the cycle's appointments: its status, a new link (shown
 * once, since the server keeps only a hash of it; a new link ends the old one) and revoking it.
 */
export function CalendarFeedCard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: feedKey, queryFn: () => api.get<CalendarFeedView>('/api/calendar-feed') });
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<CalendarFeedView>('/api/calendar-feed'),
    onSuccess: (created) => {
      setUrl(created.url);
      queryClient.setQueryData(feedKey, { ...created, url: null });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.delete<CalendarFeedView>('/api/calendar-feed'),
    onSuccess: (revoked) => {
      setUrl(null);
      queryClient.setQueryData(feedKey, revoked);
    },
  });
  const f = feed.data;

  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="xs">
        {t('cycle.feed.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('cycle.feed.help')}
      </Text>
      {feed.error && <ErrorAlert error={feed.error} />}
      {(create.error || revoke.error) && <ErrorAlert error={create.error ?? revoke.error} />}
      {f && (
        <Stack gap="sm">
          <Text size="sm" fw={600} role="status">
            {f.active ? t('cycle.feed.active', { date: formatDateTime(f.createdAt, i18n.language) }) : t('cycle.feed.inactive')}
          </Text>
          {url && (
            <Alert color="blue" variant="light" title={t('cycle.feed.newLink')}>
              <Text size="sm" mb="xs">
                {t('cycle.feed.shownOnce')}
              </Text>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('cycle.feed.url')}
                  value={url}
                  readOnly
                  style={{ flex: 1, minWidth: 0 }}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button variant="default" onClick={copy}>
                      {copied ? t('cycle.feed.copied') : t('cycle.feed.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Alert>
          )}
          <Text size="sm">{t('cycle.feed.newRevokesOld')}</Text>
          <Group>
            <Button onClick={() => create.mutate()} loading={create.isPending}>
              {f.active ? t('cycle.feed.replace') : t('cycle.feed.create')}
            </Button>
            {f.active && (
              <Button variant="default" onClick={() => revoke.mutate()} loading={revoke.isPending}>
                {t('cycle.feed.revoke')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
