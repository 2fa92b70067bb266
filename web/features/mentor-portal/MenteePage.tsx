import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeetingView } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { useMentee } from './queries.ts';

function MeetingList({ meetings, empty }: { meetings: MeetingView[]; empty: string }) {
  const { t, i18n } = useTranslation();
  if (meetings.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack component="ul" gap="xs" m={0} ps="md">
      {meetings.map((m) => (
        <Text component="li" size="sm" key={m.id}>
          {formatDate(m.meetsOn, i18n.language)}
          {m.startsAt && `, ${m.startsAt}`}
          {m.place && ` · ${m.place}`} · {t(`mentorships.meetings.statuses.${m.status}`)}
          {m.hours !== null && ` · ${t('mentorPortal.mentees.hours', { hours: formatNumber(m.hours, i18n.language) })}`}
          {m.note && ` – ${m.note}`}
        </Text>
      ))}
    </Stack>
  );
}

/** One mentee: how to reach them (if the consent covers it), the goals, the meetings agreed and held, and a form for the next. */
export function MenteePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const mentee = useMentee(id);
  const m = mentee.data;
  const today = new Date().toISOString().slice(0, 10);
  const planned = m?.meetings.filter((x) => x.status === 'planned' && x.meetsOn >= today) ?? [];
  const history = m?.meetings.filter((x) => !planned.includes(x)).reverse() ?? [];

  return (
    <>
      <PageHeader title={m?.name ?? t('mentorPortal.mentee.titlePlain')} />
      {mentee.isPending && <Loading />}
      {mentee.error && <ErrorAlert error={mentee.error} />}
      {m && (
        <Stack gap="lg">
          <Paper withBorder p="md" component="section" aria-labelledby="mentee-contact">
            <Title order={2} size="h4" id="mentee-contact" mb="sm">
              {t('mentorPortal.mentee.contact')}
            </Title>
            {m.contact ? (
              <FactList
                facts={[
                  [
                    t('mentorPortal.mentee.phone'),
                    m.contact.phone && <Anchor href={`tel:${m.contact.phone.replace(/\s/g, '')}`}>{m.contact.phone}</Anchor>,
                  ],
                  [
                    t('mentorPortal.mentee.email'),
                    m.contact.email && <Anchor href={`mailto:${m.contact.email}`}>{m.contact.email}</Anchor>,
                  ],
                  ...(m.employerName ? [[t('mentorPortal.mentee.company'), m.employerName] as [string, string]] : []),
                ]}
              />
            ) : (
              <Text size="sm">{t('mentorPortal.mentee.noContact')}</Text>
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="mentee-goals">
            <Title order={2} size="h4" id="mentee-goals" mb="sm">
              {t('mentorPortal.mentee.goals')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {m.goals || t('mentorPortal.mentee.noGoals')}
            </Text>
            <Text size="sm" mt="xs">
              {t(`mentorships.kinds.${m.kind}`)} · {t('mentorPortal.mentees.since', { date: formatDate(m.startsOn, i18n.language) })}
            </Text>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="mentee-planned">
            <Title order={2} size="h4" id="mentee-planned" mb="sm">
              {t('mentorPortal.mentee.planned')}
            </Title>
            <MeetingList meetings={planned} empty={t('mentorPortal.mentee.noPlanned')} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="mentee-record">
            <Title order={2} size="h4" id="mentee-record" mb="sm">
              {t('mentorPortal.mentee.record')}
            </Title>
            <MeetingForm mentorshipId={m.mentorshipId} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="mentee-history">
            <Title order={2} size="h4" id="mentee-history" mb="sm">
              {t('mentorPortal.mentee.history')}
            </Title>
            <Text size="sm" mb="xs">
              {t('mentorPortal.mentees.hoursTotal', { hours: formatNumber(m.hours, i18n.language) })}
            </Text>
            <MeetingList meetings={history} empty={t('mentorPortal.mentee.noHistory')} />
          </Paper>
        </Stack>
      )}
      <Anchor component={Link} to="/mentees" display="inline-block" mt="md">
        {t('mentorPortal.mentee.back')}
      </Anchor>
    </>
  );
}
