import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../shared/i18n/labels.ts';

export type OrganisationRole = 'partner_caseworker' | 'mentor' | 'employer_contact';

/**
 * Job coaches, mentors and employer contacts: their organisation and role, and
 * plainly what will appear here once Lotse records referrals, mentorships and
 * proposals. No invented figures until then.
 */
export function MembershipSection({ role, organisationName }: { role: OrganisationRole; organisationName: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`membership-${role}`}>
      <Title order={2} size="h3" id={`membership-${role}`} mb="xs">
        {organisationName}
      </Title>
      <Text mb="sm">{t('home.member.role', { role: roleLabel(t, role), organisation: organisationName })}</Text>
      <Text>{t(`home.member.${role}`, { organisation: organisationName })}</Text>
    </Paper>
  );
}
