import { Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentorHours } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Hours of the meetings held per mentor in a period (the year so far by default). */
export function HoursReport() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(`${day(0).slice(0, 4)}-01-01`);
  const [to, setTo] = useState(day(0));
  const hours = useQuery({
    queryKey: ['/api/mentorships/hours', from, to],
    queryFn: () => api.get<{ items: MentorHours[] }>('/api/mentorships/hours', { from, to }),
    enabled: from !== '' && to !== '' && from <= to,
  });
  return (
    <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="mentor-hours">
      <Title order={2} size="h4" id="mentor-hours" mb="sm">
        {t('mentorships.hours.title')}
      </Title>
      <Group gap="sm" mb="sm">
        <TextInput type="date" label={t('mentorships.hours.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('mentorships.hours.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {hours.error && <ErrorAlert error={hours.error} />}
      {hours.data && hours.data.items.length === 0 && <Text size="sm">{t('mentorships.hours.none')}</Text>}
      {hours.data && hours.data.items.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mentorships.fields.volunteer')}</Table.Th>
              <Table.Th>{t('mentorships.hours.meetings')}</Table.Th>
              <Table.Th>{t('mentorships.hours.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hours.data.items.map((row) => (
              <Table.Tr key={row.volunteerId}>
                <Table.Td>{row.volunteerName}</Table.Td>
                <Table.Td>{formatNumber(row.meetings, i18n.language)}</Table.Td>
                <Table.Td>{formatNumber(row.hours, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
