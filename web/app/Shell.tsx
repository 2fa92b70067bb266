import { Anchor, AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { NotificationsIndicator, NotificationsNavLink, UnreadDot } from '../features/notifications/NotificationsIndicator.tsx';
import { api } from '../shared/api/client.ts';
import { endSession, useCurrentUser } from '../shared/api/session.ts';
import { LanguageSwitch } from '../shared/i18n/LanguageSwitch.tsx';
import { isCurrent, navigationFor } from './navigation.ts';
import classes from './Shell.module.css';

/** The frame of every page after login: header with language and logout, navigation, main content. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [navOpen, nav] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  const closeNav = nav.close;

  // After a client-side navigation, focus moves to the new page's content (as it
  // would with a page load), and the phone menu closes.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    closeNav();
    main.current?.focus();
  }, [location.pathname, closeNav]);

  const logout = useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: async () => {
      endSession(queryClient);
      await navigate('/login', { replace: true });
    },
  });

  return (
    <>
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <UnreadDot>
                <Burger
                  opened={navOpen}
                  onClick={nav.toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={navOpen ? t('app.closeNavigation') : t('app.openNavigation')}
                  aria-expanded={navOpen}
                  aria-controls="main-navigation"
                />
              </UnreadDot>
              <Anchor component={Link} to="/" fw={800} fz="xl" c="blue.9" underline="never">
                {t('app.name')}
              </Anchor>
              <Text size="sm" visibleFrom="md">
                {me.network.name}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" visibleFrom="sm">
                {me.user.displayName}
              </Text>
              <NotificationsIndicator />
              <LanguageSwitch />
              <Button variant="default" size="sm" px="sm" onClick={() => logout.mutate()} loading={logout.isPending}>
                {t('app.logout')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" id="main-navigation" aria-label={t('app.mainNavigation')}>
          <NotificationsNavLink />
          {navigationFor(me.capabilities).map((item) => {
            const current = isCurrent(item, location.pathname);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                active={current}
                aria-current={current ? 'page' : undefined}
                variant="filled"
              />
            );
          })}
        </AppShell.Navbar>
        <AppShell.Main id="main" ref={main} tabIndex={-1} className={classes.main}>
          <div className={classes.content}>{children}</div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
