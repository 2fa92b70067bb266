import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralListItem, ReferralState } from '../../../server/modules/referrals/referrals.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { useReferral } from './queries.ts';
import { RevokeForm, SendPanel } from './ReferralActions.tsx';

const STATE_COLOURS: Record<ReferralState, string> = {
  draft: 'gray.7',
  sent: 'blue.8',
  accepted: 'teal.9',
  declined: 'red.9',
  revoked: 'red.9',
  completed: 'dark.4',
};
const LIVE: ReferralState[] = ['draft', 'sent', 'accepted'];

/** One referral of the participant: its state and period; a draft is checked for consent and sent, a live one can be revoked. */
export function ReferralCard({ item }: { item: ReferralListItem }) {
  const { t, i18n } = useTranslation();
  const detail = useReferral(item.id, LIVE.includes(item.state));
  const r = detail.data;
  const [revoking, setRevoking] = useState(false);
  return (
    <Paper withBorder p="sm" component="article" aria-label={`${item.partnerName} (${t(`referralsTab.states.${item.state}`)})`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor component={Link} to={`/referrals/${item.id}`} fw={600}>
            {item.partnerName}
          </Anchor>
          <Text size="sm">
            {t('referralsTab.period', { from: formatDate(item.startsOn, i18n.language), to: formatDate(item.endsOn, i18n.language) })}
            {item.sentAt && ` · ${t('referralsTab.sentAt', { date: formatDateTime(item.sentAt, i18n.language) })}`}
            {item.caseworkerName && ` · ${t('referralsTab.caseworker', { name: item.caseworkerName })}`}
            {` · ${t('referralsTab.openTasks', { count: item.openTasks })}`}
          </Text>
        </div>
        <Badge color={STATE_COLOURS[item.state]} variant="filled" tt="none" miw="max-content">
          {t(`referralsTab.states.${item.state}`)}
        </Badge>
      </Group>
      {r?.overrideReason && <Text size="sm">{t('referralsTab.overridden', { reason: r.overrideReason })}</Text>}
      <Group gap="sm" mt="xs">
        <Anchor size="sm" href={`/api/referrals/${item.id}/pdf`} target="_blank">
          {t('referralsTab.pdf')}
        </Anchor>
        <Anchor size="sm" component={Link} to={`/referrals/${item.id}`}>
          {t('referralsTab.open')}
        </Anchor>
        {r && (r.state === 'sent' || r.state === 'accepted') && !revoking && (
          <Button size="compact-sm" variant="default" onClick={() => setRevoking(true)}>
            {t('referralsTab.revoke')}
          </Button>
        )}
      </Group>
      {detail.error && <ErrorAlert error={detail.error} />}
      {r?.state === 'draft' && <SendPanel referral={r} />}
      {r && revoking && <RevokeForm referral={r} onDone={() => setRevoking(false)} />}
    </Paper>
  );
}
