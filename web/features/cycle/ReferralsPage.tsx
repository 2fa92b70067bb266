import { Anchor, Button, Group, Modal, Paper, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ReferralListItem } from '../../../server/modules/referrals/referrals.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { AcceptForm, ReasonForm } from './AnswerForms.tsx';
import { isPartnerSide } from './cycleFormat.ts';
import { useReferrals, type ReferralBox } from './queries.ts';

const BOXES: ReferralBox[] = ['inbox', 'active', 'closed'];

/** Referrals in three boxes: waiting for an answer, running, over. The partner answers from the inbox. */
export function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const box: ReferralBox = BOXES.find((b) => b === search.get('box')) ?? 'inbox';
  const referrals = useReferrals(box);
  const [answering, setAnswering] = useState<{ referral: ReferralListItem; action: 'accept' | 'decline' } | null>(null);
  const lang = i18n.language;
  const answers = box === 'inbox' && (referrals.data ?? []).some((r) => isPartnerSide(me, r.partnerOrganisationId));

  const columns: Column<ReferralListItem>[] = [
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
    { key: 'period', header: t('cycle.referral.period'), render: (r) => `${formatDate(r.startsOn, lang)} – ${formatDate(r.endsOn, lang)}` },
    { key: 'state', header: t('cycle.status'), render: (r) => t(`cycle.states.${r.state}`) },
    box === 'inbox'
      ? { key: 'sentAt', header: t('cycle.referral.sentAt'), render: (r) => formatDateTime(r.sentAt, lang) }
      : { key: 'caseworker', header: t('cycle.referral.caseworker'), render: (r) => r.caseworkerName ?? '—' },
    { key: 'openTasks', header: t('cycle.referral.openTasks'), render: (r) => r.openTasks },
  ];
  // The answer comes right after the name, so that it is in view on a phone too.
  if (answers)
    columns.splice(1, 0, {
      key: 'answer',
      header: t('cycle.answer.heading'),
      render: (r) =>
        isPartnerSide(me, r.partnerOrganisationId) && r.state === 'sent' ? (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              onClick={() => setAnswering({ referral: r, action: 'accept' })}
              aria-label={t('cycle.answer.acceptFor', { name: r.participantName })}
            >
              {t('cycle.answer.accept')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => setAnswering({ referral: r, action: 'decline' })}
              aria-label={t('cycle.answer.declineFor', { name: r.participantName })}
            >
              {t('cycle.answer.decline')}
            </Button>
          </Group>
        ) : null,
    });

  return (
    <>
      <PageHeader title={t('cycle.referrals.title')} />
      <Tabs value={box} onChange={(value) => setSearch(value ? { box: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {BOXES.map((b) => (
            <Tabs.Tab key={b} value={b}>
              {t(`cycle.referrals.boxes.${b}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {BOXES.map((b) => (
          <Tabs.Panel key={b} value={b}>
            <Paper withBorder p="md">
              {referrals.error && <ErrorAlert error={referrals.error} />}
              <DataTable
                caption={t('cycle.referrals.caption', { box: t(`cycle.referrals.boxes.${b}`), count: referrals.data?.length ?? 0 })}
                columns={columns}
                rows={referrals.data ?? []}
                rowKey={(r) => r.id}
                loading={referrals.isFetching}
                minWidth={answers ? 760 : 640}
              />
            </Paper>
          </Tabs.Panel>
        ))}
      </Tabs>
      <Modal
        opened={answering !== null}
        onClose={() => setAnswering(null)}
        closeButtonProps={{ 'aria-label': t('common.cancel') }}
        title={
          answering &&
          t(answering.action === 'accept' ? 'cycle.answer.acceptFor' : 'cycle.answer.declineFor', {
            name: answering.referral.participantName,
          })
        }
      >
        {answering?.action === 'accept' && (
          <AcceptForm
            referralId={answering.referral.id}
            version={answering.referral.version}
            onCancel={() => setAnswering(null)}
            onDone={(result) => {
              setAnswering(null);
              if (result) void navigate(`/referrals/${result.id}`);
            }}
          />
        )}
        {answering?.action === 'decline' && (
          <ReasonForm
            action="decline"
            referralId={answering.referral.id}
            version={answering.referral.version}
            onCancel={() => setAnswering(null)}
            onDone={() => setAnswering(null)}
          />
        )}
      </Modal>
    </>
  );
}
