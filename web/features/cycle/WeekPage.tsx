import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentView } from '../../../server/modules/appointments/appointments.schemas.ts';
import type { ReferralListItem } from '../../../server/modules/referrals/referrals.schemas.ts';
import type { DeadlineView } from '../../../server/modules/residence/residence.schemas.ts';
import type { DueItem } from '../../../server/modules/worklists/worklists.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { isCaseManager, isOverdue, stepTypeLabel } from './cycleFormat.ts';
import { useWeek } from './queries.ts';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <Paper withBorder p="md">
        {children}
      </Paper>
    </section>
  );
}

/** The week's work: what is due, the appointments, conferences to prepare, referrals and deadlines. */
export function WeekPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const week = useWeek();
  const caseManager = isCaseManager(me);
  const lang = i18n.language;
  const w = week.data;

  // A plan step belongs to the participant's plan; a task to its referral.
  const dueLink = (d: DueItem) =>
    d.kind === 'task' && d.referralId ? `/referrals/${d.referralId}` : `/participants/${d.participantId}?tab=plan`;
  const dueColumns: Column<DueItem>[] = [
    {
      key: 'dueOn',
      header: t('cycle.week.dueOn'),
      render: (d) => (
        <>
          {formatDate(d.dueOn, lang)}
          {w && isOverdue(d.dueOn, w.from) && (
            <Text span fw={700} c="red.9" size="sm">
              {` (${t('cycle.overdue')})`}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'what',
      header: t('cycle.week.what'),
      render: (d) => (
        <Anchor component={Link} to={dueLink(d)}>
          {stepTypeLabel(d.stepTypeLabels, lang)}
          {d.text ? `: ${d.text}` : ''}
        </Anchor>
      ),
    },
    { key: 'participant', header: t('cycle.participant'), render: (d) => d.participantName },
    { key: 'responsible', header: t('cycle.week.responsible'), render: (d) => d.responsibleOrganisationName },
    { key: 'status', header: t('cycle.status'), render: (d) => t(`cycle.stepStatuses.${d.status}`) },
  ];

  const appointmentColumns: Column<AppointmentView>[] = [
    { key: 'startsAt', header: t('cycle.appointment.when'), render: (a) => formatDateTime(a.startsAt, lang) },
    {
      key: 'kind',
      header: t('cycle.appointment.kind'),
      render: (a) => (
        <Anchor component={Link} to={a.kind === 'case_conference' ? `/conferences/${a.id}` : `/referrals/${a.referralId}`}>
          {t(`cycle.appointmentKinds.${a.kind}`)}
        </Anchor>
      ),
    },
    { key: 'participant', header: t('cycle.participant'), render: (a) => a.participantName },
    { key: 'partner', header: t('cycle.partner'), render: (a) => a.partnerName },
    { key: 'location', header: t('cycle.appointment.location'), render: (a) => a.location ?? '—' },
  ];

  const referralColumns: Column<ReferralListItem>[] = [
    {
      key: 'participant',
      header: t('cycle.participant'),
      render: (r) => (
        <Anchor component={Link} to={`/referrals/${r.id}`}>
          {r.participantName}
        </Anchor>
      ),
    },
    { key: 'partner', header: t('cycle.partner'), render: (r) => r.partnerName },
    { key: 'sentAt', header: t('cycle.referral.sentAt'), render: (r) => formatDateTime(r.sentAt, lang) },
    { key: 'period', header: t('cycle.referral.period'), render: (r) => `${formatDate(r.startsOn, lang)} – ${formatDate(r.endsOn, lang)}` },
  ];

  const deadlineColumns: Column<DeadlineView>[] = [
    { key: 'date', header: t('deadlines.date'), render: (d) => formatDate(d.date, lang) },
    {
      key: 'name',
      header: t('cycle.participant'),
      render: (d) => (
        <Anchor
          component={Link}
          to={`/participants/${d.participantId}?tab=${d.kind === 'residence_expiry' ? 'residence' : 'employability'}`}
        >
          {d.givenNames} {d.familyName}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('deadlines.kind'),
      render: (d) =>
        d.daysLeft < 0
          ? `${t(`deadlines.kinds.${d.kind}`)} (${t('deadlines.overdue', { count: -d.daysLeft })})`
          : t(`deadlines.kinds.${d.kind}`),
    },
  ];

  return (
    <>
      <PageHeader title={t('cycle.week.title')} />
      {week.isPending && <Loading />}
      {week.error && <ErrorAlert error={week.error} />}
      {w && (
        <Stack gap="xl">
          <Text>{t('cycle.week.range', { from: formatDate(w.from, lang), to: formatDate(w.to, lang) })}</Text>
          <Section id="week-due" title={caseManager ? t('cycle.week.dueSteps') : t('cycle.week.dueTasks')}>
            <DataTable
              caption={t('cycle.week.dueCaption', { count: w.due.length })}
              columns={dueColumns}
              rows={w.due}
              rowKey={(d) => `${d.kind}-${d.id}`}
              minWidth={640}
            />
          </Section>
          <Section id="week-appointments" title={t('cycle.week.appointments')}>
            <DataTable
              caption={t('cycle.week.appointmentsCaption', { count: w.appointments.length })}
              columns={appointmentColumns}
              rows={w.appointments}
              rowKey={(a) => a.id}
              minWidth={600}
            />
          </Section>
          <Section id="week-conferences" title={t('cycle.week.conferences')}>
            <DataTable
              caption={t('cycle.week.conferencesCaption', { count: w.conferences.length })}
              columns={appointmentColumns}
              rows={w.conferences}
              rowKey={(a) => a.id}
              minWidth={600}
            />
          </Section>
          <Section id="week-referrals" title={caseManager ? t('cycle.week.referralsWaiting') : t('cycle.week.referralsNew')}>
            <DataTable
              caption={t('cycle.week.referralsCaption', { count: w.referrals.length })}
              columns={referralColumns}
              rows={w.referrals}
              rowKey={(r) => r.id}
              minWidth={560}
            />
          </Section>
          {caseManager && (
            <Section id="week-deadlines" title={t('cycle.week.deadlines')}>
              <DataTable
                caption={t('cycle.week.deadlinesCaption', { count: w.deadlines.length })}
                columns={deadlineColumns}
                rows={w.deadlines}
                rowKey={(d) => `${d.participantId}-${d.kind}-${d.date}`}
                minWidth={480}
              />
            </Section>
          )}
        </Stack>
      )}
    </>
  );
}
