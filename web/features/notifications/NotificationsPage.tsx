import { Anchor, Badge, Button, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationView } from '../../../server/modules/reminders/reminders.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { useMarkAllRead, useMarkRead, useNotifications } from './queries.ts';

/** Erinnerungen: what falls due for me, newest first; the same reminders are mailed (without names). */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const notifications = useNotifications(100);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const unread = notifications.data?.unread ?? 0;
  const can = (capability: (typeof me.capabilities)[number]) => me.capabilities.includes(capability);
  // Reminders carry ids only; each opens the page where the work is, if the user has that area.
  const target = (n: NotificationView): string | null => {
    switch (n.kind) {
      case 'follow_up_due':
        return n.participantId && can('participants') ? `/participants/${n.participantId}?tab=jobs` : null;
      case 'step_due':
        return n.participantId && can('participants') ? `/participants/${n.participantId}?tab=plan` : null;
      case 'residence_expiry':
        return n.participantId && can('participants') ? `/participants/${n.participantId}?tab=residence` : null;
      case 'conference_upcoming':
        return n.entityId && can('cycle') ? `/conferences/${n.entityId}` : null;
      case 'task_due':
      case 'appointment_upcoming':
      case 'referral_new':
        return n.referralId && can('cycle') ? `/referrals/${n.referralId}` : null;
    }
  };

  const columns: Column<NotificationView>[] = [
    {
      key: 'kind',
      header: t('notifications.kind'),
      render: (n) => (
        <Text span size="sm" fw={n.readAt ? 400 : 700}>
          {!n.readAt && (
            <Badge color="red.9" variant="filled" tt="none" mr="xs">
              {t('notifications.new')}
            </Badge>
          )}
          {t(`notifications.kinds.${n.kind}`)}
        </Text>
      ),
    },
    {
      key: 'date',
      header: t('notifications.date'),
      render: (n) =>
        n.startsAt
          ? formatDateTime(n.startsAt, i18n.language)
          : t(`notifications.dateLabels.${n.kind}`, { date: formatDate(n.dueOn, i18n.language) }),
    },
    { key: 'created', header: t('notifications.created'), render: (n) => formatDateTime(n.createdAt, i18n.language) },
    {
      key: 'actions',
      header: t('notifications.actions'),
      render: (n) => {
        const to = target(n);
        return (
          <>
            {to && (
              <Anchor component={Link} to={to} mr="md" onClick={() => !n.readAt && markRead.mutate(n.id)}>
                {t('notifications.open')}
              </Anchor>
            )}
            {!n.readAt && (
              <Button variant="subtle" size="compact-sm" onClick={() => markRead.mutate(n.id)}>
                {t('notifications.markRead')}
              </Button>
            )}
          </>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('notifications.title')}>
        <Button variant="default" onClick={() => markAllRead.mutate()} loading={markAllRead.isPending} disabled={unread === 0}>
          {t('notifications.markAllRead')}
        </Button>
      </PageHeader>
      <Text mb="md">{t('notifications.intro')}</Text>
      <Paper withBorder p="md">
        {notifications.error && <ErrorAlert error={notifications.error} />}
        {markRead.error && <ErrorAlert error={markRead.error} />}
        {markAllRead.error && <ErrorAlert error={markAllRead.error} />}
        {notifications.data && notifications.data.items.length === 0 ? (
          <Text>{t('notifications.empty')}</Text>
        ) : (
          <DataTable
            caption={t('notifications.caption', { count: unread })}
            columns={columns}
            rows={notifications.data?.items ?? []}
            rowKey={(n) => n.id}
            loading={notifications.isFetching}
            minWidth={560}
          />
        )}
      </Paper>
    </>
  );
}
