import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineView, ResidenceView } from '../../../server/modules/residence/residence.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { ResidenceForm } from './ResidenceForm.tsx';

/** The residence documents as a history (the current one first), adding and correcting them, and the deadlines they set. */
export function ResidenceTab({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatDate(value, i18n.language);
  const [editing, setEditing] = useState<ResidenceView | 'new' | null>(null);
  const history = useQuery({
    queryKey: ['/api/participants', participantId, 'residence-statuses'],
    queryFn: () => api.get<ResidenceView[]>(`/api/participants/${participantId}/residence-statuses`),
  });
  const deadlines = useQuery({
    queryKey: ['/api/participants', participantId, 'deadlines'],
    queryFn: () => api.get<DeadlineView[]>(`/api/participants/${participantId}/deadlines`),
  });

  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="deadlines-heading">
        <Title order={2} size="h4" id="deadlines-heading" mb="xs">
          {t('residence.deadlines')}
        </Title>
        {deadlines.error && <ErrorAlert error={deadlines.error} />}
        {deadlines.data?.length === 0 && <Text size="sm">{t('residence.noDeadlines')}</Text>}
        {deadlines.data?.map((d) => (
          <Text key={`${d.kind}-${d.date}`} size="sm">
            {t(`deadlines.kinds.${d.kind}`)}: {date(d.date)} —{' '}
            {d.daysLeft < 0 ? t('deadlines.overdue', { count: -d.daysLeft }) : t('deadlines.daysLeft', { count: d.daysLeft })}
          </Text>
        ))}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="residence-heading">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="residence-heading">
            {t('residence.history')}
          </Title>
          {editing === null && <Button onClick={() => setEditing('new')}>{t('residence.add')}</Button>}
        </Group>
        {editing !== null && (
          <ResidenceForm participantId={participantId} document={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
        {history.isPending && <Loading />}
        {history.error && <ErrorAlert error={history.error} />}
        {history.data?.length === 0 && <Text size="sm">{t('residence.none')}</Text>}
        {history.data && history.data.length > 0 && (
          <div role="region" aria-label={t('residence.history')} tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table miw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('residence.title')}</Table.Th>
                  <Table.Th scope="col">{t('residence.paragraph')}</Table.Th>
                  <Table.Th scope="col">{t('residence.validFrom')}</Table.Th>
                  <Table.Th scope="col">{t('residence.validUntil')}</Table.Th>
                  <Table.Th scope="col">{t('residence.workClause')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('residence.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {t(`participants.residenceTitles.${r.title}`)}{' '}
                      {r.current && (
                        <Badge color="teal.9" variant="filled" tt="none" size="sm">
                          {t('residence.current')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{r.paragraph ?? '—'}</Table.Td>
                    <Table.Td>{date(r.validFrom)}</Table.Td>
                    <Table.Td>{date(r.validUntil)}</Table.Td>
                    <Table.Td>{t(`residence.workClauses.${r.workClause}`)}</Table.Td>
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" onClick={() => setEditing(r)}>
                        {t('residence.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
    </Stack>
  );
}
