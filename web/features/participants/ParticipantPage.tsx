import { Anchor, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { participantFacts } from './participantFacts.ts';

/** One participant's case file as the API returns it (read only for now). */
export function ParticipantPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const participant = useQuery({ queryKey: ['/api/participants', id], queryFn: () => api.get<ParticipantView>(`/api/participants/${id}`) });
  const p = participant.data;

  return (
    <>
      <PageHeader title={p ? `${p.givenNames} ${p.familyName}` : t('participants.detailTitle')} />
      {participant.isPending && <Loading />}
      {participant.error && <ErrorAlert error={participant.error} />}
      {p && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {participantFacts(t, p, i18n.language).map((group) => (
              <Paper withBorder p="md" key={group.heading} component="section" aria-label={group.heading}>
                <Title order={2} size="h4" mb="xs">
                  {group.heading}
                </Title>
                <Table variant="vertical" layout="fixed" withRowBorders={false}>
                  <Table.Tbody>
                    {group.facts.map(([label, value]) => (
                      <Table.Tr key={label}>
                        <Table.Th scope="row" w="45%">
                          {label}
                        </Table.Th>
                        <Table.Td>{value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            ))}
          </SimpleGrid>
          <Text size="sm" mt="md">
            {t('participants.readIsLogged')}
          </Text>
        </>
      )}
      <Anchor component={Link} to="/participants" display="inline-block" mt="md">
        {t('participants.backToList')}
      </Anchor>
    </>
  );
}
