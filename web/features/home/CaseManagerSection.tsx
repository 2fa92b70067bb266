import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, type ParticipantSummary } from '../../../server/modules/participants/participants.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { caseStatusLabel } from '../../shared/i18n/labels.ts';

/** The office's participants in counts (no personal data), each count a link to the filtered list. */
export function CaseManagerSection() {
  const { t, i18n } = useTranslation();
  const summary = useQuery({
    queryKey: ['/api/participants/summary'],
    queryFn: () => api.get<ParticipantSummary>('/api/participants/summary'),
  });
  const number = (value: number) => formatNumber(value, i18n.language);
  const s = summary.data;

  return (
    <section aria-labelledby="home-participants">
      <Title order={2} id="home-participants" mb="sm">
        {t('home.caseManager.heading')}
      </Title>
      <Paper withBorder p="md">
        {summary.error && <ErrorAlert error={summary.error} />}
        {s && (
          <>
            <Text mb="sm">{t('home.caseManager.total', { count: s.total, formatted: number(s.total) })}</Text>
            <Table mb="md" maw={420}>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('home.caseManager.byStatus')}</Table.Caption>
              <Table.Tbody>
                {CASE_STATUSES.map((status) => (
                  <Table.Tr key={status}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/participants?status=${status}`}>
                        {caseStatusLabel(t, status)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="end">{number(s.byStatus[status] ?? 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text mb="sm">
              <Anchor component={Link} to="/deadlines?withinDays=42&mine=false" fw={600}>
                {t('home.caseManager.expiring', {
                  count: s.residenceExpiringWithin42Days,
                  formatted: number(s.residenceExpiringWithin42Days),
                })}
              </Anchor>
            </Text>
          </>
        )}
        <Group gap="md">
          <Anchor component={Link} to="/participants" fw={600}>
            {t('home.caseManager.all')}
          </Anchor>
          <Anchor component={Link} to="/participants/new" fw={600}>
            {t('participantForm.createTitle')}
          </Anchor>
        </Group>
      </Paper>
    </section>
  );
}
