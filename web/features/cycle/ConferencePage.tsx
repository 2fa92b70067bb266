import { Alert, Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConferenceView } from '../../../server/modules/appointments/appointments.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { ConferenceForm } from './ConferenceForm.tsx';
import { stepTypeLabel } from './cycleFormat.ts';
import { useConference, useStepTypes } from './queries.ts';

/** A closed conference: what was decided, the minutes, the next steps and the outcome. */
function ClosedConference({ conference: c }: { conference: ConferenceView }) {
  const { t, i18n } = useTranslation();
  const stepTypes = useStepTypes();
  const lang = i18n.language;
  const taskName = (taskId: string | null | undefined) => {
    const item = c.agenda.find((a) => a.taskId === taskId);
    return item ? `${stepTypeLabel(item.stepTypeLabels, lang)}${item.text ? `: ${item.text}` : ''}` : '—';
  };
  const typeName = (id: string | null | undefined) => {
    const type = stepTypes.data?.find((s) => s.id === id);
    return type ? stepTypeLabel(type.labels, lang) : '';
  };
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" role="status">
        {t('cycle.conference.closedOn', {
          date: formatDateTime(c.closedAt, lang),
          outcome: c.outcome ? t(`cycle.conference.outcomes.${c.outcome}`) : '—',
        })}
      </Alert>
      {c.outcome === 'next_cycle' && (
        <Anchor component={Link} to={`/participants/${c.participantId}?tab=plan`} fw={600}>
          {t('cycle.conference.toPlan')}
        </Anchor>
      )}
      <Paper withBorder p="md">
        <Table>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('cycle.conference.decisionsHeading')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cycle.conference.task')}</Table.Th>
              <Table.Th scope="col">{t('cycle.conference.decision')}</Table.Th>
              <Table.Th scope="col">{t('cycle.conference.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.decisions.map((d, i) => (
              <Table.Tr key={d.taskId ?? `new-${i}`}>
                <Table.Td>
                  {d.decision === 'new'
                    ? `${typeName(d.stepTypeId)}${d.text ? `: ${d.text}` : ''}${d.dueOn ? ` (${formatDate(d.dueOn, lang)})` : ''}`
                    : taskName(d.taskId)}
                </Table.Td>
                <Table.Td>{t(`cycle.decisions.${d.decision}`)}</Table.Td>
                <Table.Td>{d.note ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={2} size="h4" mt="md">
          {t('cycle.conference.minutes')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.minutes ?? '—'}
        </Text>
        <Title order={2} size="h4" mt="md">
          {t('cycle.conference.nextSteps')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.nextSteps ?? '—'}
        </Text>
      </Paper>
    </Stack>
  );
}

/** The case conference (Fallbesprechung): the agenda of the referral's tasks, a decision on each, minutes; the office closes it. */
export function ConferencePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const conference = useConference(id);
  const [justClosed, setJustClosed] = useState<ConferenceView | null>(null);
  const c = justClosed ?? conference.data;
  const lang = i18n.language;

  return (
    <>
      <PageHeader title={c ? t('cycle.conference.title', { name: c.participantName }) : t('cycle.conference.titlePlain')} />
      {conference.isPending && <Loading />}
      {conference.error && <ErrorAlert error={conference.error} />}
      {c && (
        <Stack gap="lg">
          <Text>
            {t('cycle.conference.when', {
              date: formatDateTime(c.startsAt, lang),
              partner: c.partnerName,
              location: c.location || t('cycle.appointment.noLocation'),
            })}{' '}
            <Anchor component={Link} to={`/referrals/${c.referralId}`}>
              {t('cycle.conference.toReferral')}
            </Anchor>
          </Text>
          {c.closedAt ? <ClosedConference conference={c} /> : <ConferenceForm conference={c} onClosed={setJustClosed} />}
        </Stack>
      )}
    </>
  );
}
