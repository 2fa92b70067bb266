import { ActionIcon, Badge, Indicator, NavLink } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useNotifications } from './queries.ts';

// How many reminders are unread, in the shell: a bell in the header from tablet width up;
// on a phone, where the header has no room, a dot on the menu button and the first entry
// of the menu.

function useUnread(): number {
  return useNotifications(1).data?.unread ?? 0;
}

/** The bell in the header (tablet and wider): the unread count, and the way to the reminders. */
export function NotificationsIndicator() {
  const { t } = useTranslation();
  const unread = useUnread();
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red.9" disabled={unread === 0} offset={4} visibleFrom="sm">
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="default"
        size="lg"
        aria-label={unread ? t('notifications.indicator', { count: unread }) : t('notifications.indicatorNone')}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}

/** On a phone: a dot on the menu button while reminders are unread. */
export function UnreadDot({ children }: { children: ReactNode }) {
  const unread = useUnread();
  return (
    <Indicator size={10} color="red.9" disabled={unread === 0} offset={2} hiddenFrom="sm">
      {children}
    </Indicator>
  );
}

/** On a phone: the reminders as the menu's first entry, with the unread count. */
export function NotificationsNavLink() {
  const { t } = useTranslation();
  const unread = useUnread();
  const current = useLocation().pathname === '/notifications';
  // Rendered on phones only (not merely hidden): the menu's entries are the areas elsewhere.
  // Mantine's hiddenFrom="sm" hides from 48em up.
  const phone = useMediaQuery('(max-width: 47.99em)');
  if (!phone) return null;
  return (
    <NavLink
      component={Link}
      to="/notifications"
      label={t('notifications.title')}
      aria-label={unread ? t('notifications.indicator', { count: unread }) : t('notifications.indicatorNone')}
      rightSection={
        unread > 0 && (
          <Badge color="red.9" variant="filled" size="sm" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </Badge>
        )
      }
      active={current}
      aria-current={current ? 'page' : undefined}
      variant="filled"
    />
  );
}
