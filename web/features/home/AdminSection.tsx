import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Page } from '../../shared/api/client.ts';
import { useCities } from '../../shared/api/cities.ts';
import { formatNumber } from '../../shared/i18n/format.ts';

/** How many of each there are; a page of one item is enough to learn the total. */
function useTotal(path: string, params: Record<string, string> = {}) {
  return useQuery({
    queryKey: [path, { ...params, page: 1, pageSize: 1 }],
    queryFn: () => api.get<Page<unknown>>(path, { ...params, page: 1, pageSize: 1 }),
  });
}

export function AdminSection() {
  const { t, i18n } = useTranslation();
  const organisations = useTotal('/api/organisations', { active: 'true' });
  const users = useTotal('/api/users', { status: 'active' });
  const cities = useCities();
  const n = (value: number | undefined) => (value === undefined ? '…' : formatNumber(value, i18n.language));
  const cards = [
    {
      id: 'organisations',
      title: t('nav.organisations'),
      count: n(organisations.data?.total),
      text: t('home.admin.activeOrganisations'),
      to: '/organisations',
      newTo: '/organisations/new',
      newLabel: t('organisations.new'),
    },
    {
      id: 'users',
      title: t('nav.users'),
      count: n(users.data?.total),
      text: t('home.admin.activeUsers'),
      to: '/users',
      newTo: '/users/new',
      newLabel: t('users.new'),
    },
    {
      id: 'cities',
      title: t('nav.cities'),
      count: n(cities.data?.length),
      text: t('home.admin.cities'),
      to: '/cities',
      newTo: null,
      newLabel: '',
    },
  ];

  return (
    <section aria-labelledby="home-admin">
      <Title order={2} id="home-admin" mb="sm">
        {t('home.admin.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {cards.map((card) => (
          <Paper withBorder p="md" key={card.id}>
            <Title order={3} size="h4">
              {card.title}
            </Title>
            <Text fz={32} fw={700} lh={1.3}>
              {card.count}
            </Text>
            <Text size="sm" mb="sm">
              {card.text}
            </Text>
            <Anchor component={Link} to={card.to} display="block">
              {t('home.admin.manage', { area: card.title })}
            </Anchor>
            {card.newTo && (
              <Anchor component={Link} to={card.newTo} display="block">
                {card.newLabel}
              </Anchor>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
