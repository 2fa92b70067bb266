import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../shared/api/session.ts';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { LanguageSwitch } from '../../shared/i18n/LanguageSwitch.tsx';
import { roleLabel } from '../../shared/i18n/labels.ts';
import { CalendarFeedCard } from './CalendarFeedCard.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack>
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              {t('profile.account')}
            </Title>
            <Table variant="vertical" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('profile.name')}</Table.Th>
                  <Table.Td>{me.user.displayName}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('profile.email')}</Table.Th>
                  <Table.Td>{me.user.email}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('profile.network')}</Table.Th>
                  <Table.Td>{me.network.name}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('profile.roles')}</Table.Th>
                  <Table.Td>
                    {me.memberships.map((m) => (
                      <div key={`${m.role}:${m.organisationId ?? ''}`}>
                        {roleLabel(t, m.role)}
                        {m.organisationName ? ` – ${m.organisationName}` : ''}
                      </div>
                    ))}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder>
            <Title order={2} size="h3" mb="xs">
              {t('profile.languageHeading')}
            </Title>
            <Text size="sm" mb="sm">
              {t('profile.languageHelp')}
            </Text>
            <LanguageSwitch withLabel />
          </Card>
        </Stack>
        <Stack>
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              {t('profile.passwordHeading')}
            </Title>
            <PasswordChangeForm />
          </Card>
          {me.capabilities.includes('cycle') && <CalendarFeedCard />}
        </Stack>
      </SimpleGrid>
    </>
  );
}
