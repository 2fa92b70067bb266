import { Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HelpRequestView } from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { helpRequestsKey, useHelpRequests } from './queries.ts';

/** The companies' requests for help: open ones first thing on the list page, marked handled here. */
export function HelpRequestsPanel() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [all, setAll] = useState(false);
  const requests = useHelpRequests(!all);
  const handle = useMutation({
    mutationFn: (h: HelpRequestView) =>
      api.post<HelpRequestView>(`/api/apprenticeship-help-requests/${h.id}/handled`, { version: h.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: helpRequestsKey }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="help-requests">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="help-requests">
          {t('apprenticeships.help.heading')}
        </Title>
        <Checkbox label={t('apprenticeships.help.showHandled')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
      </Group>
      {requests.isPending && <Loading />}
      {requests.error && <ErrorAlert error={requests.error} />}
      {handle.error && <ErrorAlert error={handle.error} />}
      {requests.data?.length === 0 && <Text size="sm">{t('apprenticeships.help.none')}</Text>}
      <Stack gap="xs">
        {requests.data?.map((h) => (
          <Paper key={h.id} withBorder p="xs" component="article" aria-label={`${h.participantName} – ${h.employerName}`}>
            <Group justify="space-between" gap="xs">
              <Anchor component={Link} to={`/apprenticeships/${h.apprenticeshipId}`} fw={600} size="sm">
                {h.participantName} – {h.employerName}
              </Anchor>
              {h.handledAt ? (
                <Text size="sm">{t('apprenticeships.help.handled')}</Text>
              ) : (
                <Button size="compact-sm" variant="default" loading={handle.isPending} onClick={() => handle.mutate(h)}>
                  {t('apprenticeships.help.markHandled')}
                </Button>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {h.text}
            </Text>
            <Text size="xs">
              {t('apprenticeships.help.askedBy', { name: h.askedByName ?? '', at: formatDateTime(h.askedAt, i18n.language) })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
