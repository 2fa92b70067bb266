import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { useMentees } from './queries.ts';

/** The mentor's mentees as cards, one under the other: made for a phone. */
export function MenteesPage() {
  const { t, i18n } = useTranslation();
  const mentees = useMentees();
  const hours = (value: number) => formatNumber(value, i18n.language);

  return (
    <>
      <PageHeader title={t('mentorPortal.mentees.title')} />
      {mentees.isPending && <Loading />}
      {mentees.error && <ErrorAlert error={mentees.error} />}
      {mentees.data && (
        <Stack gap="md">
          {mentees.data.items.length === 0 && <Text>{t('mentorPortal.mentees.empty')}</Text>}
          {mentees.data.items.length > 0 && <Text>{t('mentorPortal.mentees.hoursTotal', { hours: hours(mentees.data.hours) })}</Text>}
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {mentees.data.items.map((m) => (
              <Card component="li" withBorder padding="md" key={m.mentorshipId}>
                <Anchor component={Link} to={`/mentees/${m.mentorshipId}`} fw={600} size="lg">
                  {m.name}
                </Anchor>
                <Text size="sm">
                  {t(`mentorships.kinds.${m.kind}`)} · {t('mentorPortal.mentees.since', { date: formatDate(m.startsOn, i18n.language) })}
                  {m.employerName && ` · ${m.employerName}`}
                </Text>
                <Text size="sm">
                  {m.nextMeeting
                    ? t('mentorPortal.mentees.nextMeeting', {
                        date: `${formatDate(m.nextMeeting.meetsOn, i18n.language)}${m.nextMeeting.startsAt ? `, ${m.nextMeeting.startsAt}` : ''}`,
                      })
                    : t('mentorPortal.mentees.noNextMeeting')}
                </Text>
                <Text size="sm">{t('mentorPortal.mentees.hours', { hours: hours(m.hours) })}</Text>
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
    </>
  );
}
