import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementListItem } from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api, type Page } from '../../shared/api/client.ts';
import { riskLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';

/** Apprenticeship check-ins due today or overdue, most at risk first, each leading to its agreement. */
export function CheckInsDueSection() {
  const { t, i18n } = useTranslation();
  const due = useQuery({
    queryKey: ['/api/apprenticeships', 'checkInDue'],
    queryFn: () => api.get<Page<AgreementListItem>>('/api/apprenticeships', { checkInDue: true, sort: 'risk', pageSize: 50 }),
  });
  return (
    <section aria-labelledby="home-check-ins">
      <Title order={2} id="home-check-ins" mb="sm">
        {t('apprenticeships.home.heading')}
      </Title>
      <Paper withBorder p="md">
        {due.error && <ErrorAlert error={due.error} />}
        {due.data?.items.length === 0 && <Text>{t('apprenticeships.home.none')}</Text>}
        {!!due.data?.items.length && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {due.data.items.map((a) => (
              <li key={a.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/apprenticeships/${a.id}`} fw={600}>
                    {a.participantName}
                  </Anchor>
                  <Text span size="sm">
                    {a.occupation}, {a.employerName} · {t('apprenticeships.fields.risk')}: {riskLabel(t, a.risk.level)}
                  </Text>
                  <Text span size="sm" fw={700}>
                    {t('apprenticeships.home.dueSince', { date: formatDate(a.nextCheckInOn, i18n.language) })}
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
