import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, type ParticipantListItem } from '../../../server/modules/participants/participants.schemas.ts';
import { api, type Page } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { caseStatusLabel } from '../../shared/i18n/labels.ts';

// One request: the five who entered most recently, and the total. Counts per status
// would take one request (and one audit entry) per status; the links filter instead.
const RECENT = { sort: 'entryDate', order: 'desc', page: 1, pageSize: 5 } as const;

export function CaseManagerSection() {
  const { t, i18n } = useTranslation();
  const recent = useQuery({
    queryKey: ['/api/participants', RECENT],
    queryFn: () => api.get<Page<ParticipantListItem>>('/api/participants', RECENT),
  });

  return (
    <section aria-labelledby="home-participants">
      <Title order={2} id="home-participants" mb="sm">
        {t('home.caseManager.heading')}
      </Title>
      <Paper withBorder p="md">
        {recent.error && <ErrorAlert error={recent.error} />}
        {recent.data && (
          <>
            <Text mb="sm">
              {t('home.caseManager.total', { count: recent.data.total, formatted: formatNumber(recent.data.total, i18n.language) })}
            </Text>
            {recent.data.items.length > 0 && (
              <Table mb="md">
                <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('home.caseManager.recent')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('participants.name')}</Table.Th>
                    <Table.Th scope="col">{t('participants.caseStatus')}</Table.Th>
                    <Table.Th scope="col">{t('participants.entryDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {recent.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/participants/${p.id}`}>
                          {p.givenNames} {p.familyName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{caseStatusLabel(t, p.caseStatus)}</Table.Td>
                      <Table.Td>{formatDate(p.entryDate, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
        <Text size="sm" fw={600} mb={4}>
          {t('home.caseManager.byStatus')}
        </Text>
        <Group gap="md" mb="sm">
          {CASE_STATUSES.map((status) => (
            <Anchor key={status} component={Link} to={`/participants?status=${status}`}>
              {caseStatusLabel(t, status)}
            </Anchor>
          ))}
        </Group>
        <Anchor component={Link} to="/participants" fw={600}>
          {t('home.caseManager.all')}
        </Anchor>
      </Paper>
    </section>
  );
}
