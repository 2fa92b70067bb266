import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DueFollowUp } from '../../../server/modules/placements/placements.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';

/** Placement follow-ups due in the next two weeks or overdue (28 days, six months), each leading to the case file's jobs tab. */
export function FollowUpsSection() {
  const { t, i18n } = useTranslation();
  const due = useQuery({
    queryKey: ['/api/placement-follow-ups/due'],
    queryFn: () => api.get<DueFollowUp[]>('/api/placement-follow-ups/due', { days: 14 }),
  });
  const today = new Date().toISOString().slice(0, 10);

  return (
    <section aria-labelledby="home-follow-ups">
      <Title order={2} id="home-follow-ups" mb="sm">
        {t('jobs.home.followUpsHeading')}
      </Title>
      <Paper withBorder p="md">
        {due.error && <ErrorAlert error={due.error} />}
        {due.data?.length === 0 && <Text>{t('jobs.home.noFollowUps')}</Text>}
        {due.data && due.data.length > 0 && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {due.data.map((f) => (
              <li key={f.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/participants/${f.participantId}?tab=jobs`} fw={600}>
                    {f.participantName}
                  </Anchor>
                  <Text span size="sm">
                    {t(`jobs.followUp.kinds.${f.kind}`)} · {f.occupation}
                    {f.employerName && `, ${f.employerName}`}
                  </Text>
                  <Text span size="sm" fw={f.dueOn < today ? 700 : 400}>
                    {f.dueOn < today
                      ? t('jobs.home.overdueSince', { date: formatDate(f.dueOn, i18n.language) })
                      : t('jobs.followUp.dueOn', { date: formatDate(f.dueOn, i18n.language) })}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Paper>
    </section>
  );
}
