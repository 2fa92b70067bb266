import { Anchor, Group, List, Paper, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WeekView } from '../../../server/modules/worklists/worklists.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';

/** The week's work in counts, with the way to the week and the referrals (case managers and partner caseworkers). */
export function CycleSection({ caseManager }: { caseManager: boolean }) {
  const { t } = useTranslation();
  const week = useQuery({ queryKey: ['/api/my-week'], queryFn: () => api.get<WeekView>('/api/my-week', { days: 7 }) });
  const w = week.data;
  const overdue = w ? w.due.filter((d) => d.dueOn && d.dueOn < w.from).length : 0;

  return (
    <section aria-labelledby="home-week">
      <Title order={2} id="home-week" mb="sm">
        {t('cycle.home.heading')}
      </Title>
      <Paper withBorder p="md">
        {week.error && <ErrorAlert error={week.error} />}
        {w && (
          <List mb="md" spacing={4}>
            <List.Item>{t('cycle.home.due', { count: w.due.length })}</List.Item>
            {overdue > 0 && <List.Item fw={700}>{t('cycle.home.overdue', { count: overdue })}</List.Item>}
            <List.Item>{t('cycle.home.appointments', { count: w.appointments.length })}</List.Item>
            <List.Item>{t('cycle.home.conferences', { count: w.conferences.length })}</List.Item>
            <List.Item>
              {caseManager
                ? t('cycle.home.referralsWaiting', { count: w.referrals.length })
                : t('cycle.home.referralsNew', { count: w.referrals.length })}
            </List.Item>
          </List>
        )}
        <Group gap="md">
          <Anchor component={Link} to="/week" fw={600}>
            {t('cycle.home.toWeek')}
          </Anchor>
          <Anchor component={Link} to="/referrals" fw={600}>
            {t('cycle.home.toReferrals')}
          </Anchor>
        </Group>
      </Paper>
    </section>
  );
}
