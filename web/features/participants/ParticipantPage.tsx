import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { caseStatusLabel, genderLabel } from '../../shared/i18n/labels.ts';

/** One participant: what the case file holds so far (the intake and the cycle follow). */
export function ParticipantPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const participant = useQuery({ queryKey: ['/api/participants', id], queryFn: () => api.get<ParticipantView>(`/api/participants/${id}`) });
  const p = participant.data;
  const rows: [string, string][] = p
    ? [
        [t('participants.familyName'), p.familyName],
        [t('participants.givenNames'), p.givenNames],
        [t('participants.birthDate'), formatDate(p.birthDate, i18n.language)],
        [t('participants.gender'), genderLabel(t, p.gender)],
        [t('participants.caseStatus'), caseStatusLabel(t, p.caseStatus)],
        [t('participants.entryDate'), formatDate(p.entryDate, i18n.language)],
        [t('participants.office'), p.officeName],
        [t('participants.city'), p.cityName ?? '—'],
        [t('participants.caseManager'), p.caseManagerName ?? '—'],
      ]
    : [];

  return (
    <>
      <PageHeader title={p ? `${p.givenNames} ${p.familyName}` : t('participants.detailTitle')} />
      {participant.isPending && <Loading />}
      {participant.error && <ErrorAlert error={participant.error} />}
      {p && (
        <Paper withBorder p="lg" maw={720}>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w="40%">
                    {label}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="md">
            {t('participants.readIsLogged')}
          </Text>
        </Paper>
      )}
      <Anchor component={Link} to="/participants" display="inline-block" mt="md">
        {t('participants.backToList')}
      </Anchor>
    </>
  );
}
