import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnrolmentView } from '../../../server/modules/offers/enrolments.schemas.ts';
import type { OfferView } from '../../../server/modules/offers/offers.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { AttendanceCell } from './AttendanceCell.tsx';
import { EnrolmentEndForm, type Ending } from './EnrolmentEndForm.tsx';
import { enrolmentStateLabel, STATE_COLOURS } from './labels.ts';
import { useOfferEnrolments } from './queries.ts';
import { today } from './today.ts';

export const personName = (e: EnrolmentView) => `${e.person.preferredName || e.person.givenNames} ${e.person.familyName}`;

export function StateBadge({ enrolment }: { enrolment: EnrolmentView }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOURS[enrolment.state]} variant="filled" tt="none" miw="max-content">
      {enrolmentStateLabel(t, enrolment.state)}
      {enrolment.waitingPosition !== null && ` (${enrolment.waitingPosition})`}
    </Badge>
  );
}

/**
 * The offer's participants as the user may see them: the provider all of them, with the
 * consented contact data, and records attendance per session date, completion and drop outs;
 * a case manager their own office's, with a link to the case file, and cancels.
 */
export function EnrolmentsSection({ offer }: { offer: OfferView }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const enrolments = useOfferEnrolments(offer.id);
  const [sessionOn, setSessionOn] = useState(today() < offer.endsOn ? today() : offer.endsOn);
  const [ending, setEnding] = useState<{ id: string; ending: Ending } | null>(null);
  const provider = me.memberships.some((m) => m.role === 'partner_caseworker' && m.organisationId === offer.providerOrganisationId);
  const rows = enrolments.data ?? [];
  const action = (e: EnrolmentView, which: Ending) => (
    <Button
      size="compact-sm"
      variant="default"
      onClick={() => setEnding({ id: e.id, ending: which })}
      aria-label={`${t(`offers.end.${which}`)}: ${personName(e)}`}
    >
      {t(`offers.end.${which}`)}
    </Button>
  );

  const columns: Column<EnrolmentView>[] = [
    {
      key: 'name',
      header: t('offers.enrolment.name'),
      render: (e) =>
        e.person.shared === null ? (
          <Anchor component={Link} to={`/participants/${e.participantId}`}>
            {personName(e)}
          </Anchor>
        ) : (
          personName(e)
        ),
    },
    { key: 'state', header: t('offers.enrolment.state'), render: (e) => <StateBadge enrolment={e} /> },
    {
      key: 'contact',
      header: t('offers.enrolment.contact'),
      render: (e) =>
        e.person.contact
          ? [e.person.contact.phone, e.person.contact.email].filter(Boolean).join(' · ') || '—'
          : t('offers.enrolment.notShared'),
    },
    {
      key: 'attendance',
      header: provider ? t('offers.attendance.on', { date: formatDate(sessionOn, i18n.language) }) : t('offers.attendance.present'),
      render: (e) =>
        provider && e.state === 'enrolled' ? (
          <AttendanceCell enrolment={e} sessionOn={sessionOn} name={personName(e)} />
        ) : (
          t('offers.attendance.count', {
            present: e.attendance.filter((a) => a.status === 'present').length,
            sessions: e.attendance.length,
          })
        ),
    },
    {
      key: 'actions',
      header: t('offers.enrolment.actions'),
      render: (e) => (
        <Group gap="xs" wrap="nowrap">
          {provider && e.state === 'enrolled' && (
            <>
              {action(e, 'complete')}
              {action(e, 'drop-out')}
            </>
          )}
          {e.person.shared === null && (e.state === 'enrolled' || e.state === 'waiting') && action(e, 'cancel')}
          {e.state === 'completed' && e.certificate && <Text size="sm">{e.certificateName}</Text>}
        </Group>
      ),
    },
  ];
  const open = rows.find((e) => e.id === ending?.id);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="offer-participants">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4" id="offer-participants">
            {t('offers.participants')}
          </Title>
          {provider && (
            <TextInput
              type="date"
              label={t('offers.attendance.sessionOn')}
              value={sessionOn}
              min={offer.startsOn}
              max={today() < offer.endsOn ? today() : offer.endsOn}
              onChange={(e) => setSessionOn(e.currentTarget.value)}
            />
          )}
        </Group>
        {enrolments.error && <ErrorAlert error={enrolments.error} />}
        {rows.length === 0 && !enrolments.isPending ? (
          <Text>{t('offers.noParticipants')}</Text>
        ) : (
          <DataTable
            caption={t('offers.participants')}
            columns={columns}
            rows={rows}
            rowKey={(e) => e.id}
            loading={enrolments.isFetching}
            minWidth={820}
          />
        )}
        {open && ending && (
          <>
            <Text fw={600}>{`${t(`offers.end.${ending.ending}`)}: ${personName(open)}`}</Text>
            <EnrolmentEndForm key={open.id + ending.ending} enrolment={open} ending={ending.ending} onDone={() => setEnding(null)} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
