import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../shared/api/session.ts';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { AdminSection } from './AdminSection.tsx';
import { AnalystSection } from './AnalystSection.tsx';
import { AuditSection } from './AuditSection.tsx';
import { CaseManagerSection } from './CaseManagerSection.tsx';
import { CycleSection } from './CycleSection.tsx';
import { EmployerSection } from './EmployerSection.tsx';
import { CheckInsDueSection } from './CheckInsDueSection.tsx';
import { FollowUpsSection } from './FollowUpsSection.tsx';
import { MembershipSection, type OrganisationRole } from './MembershipSection.tsx';

const ORGANISATION_ROLES: readonly string[] = ['partner_caseworker', 'mentor', 'employer_contact'] satisfies OrganisationRole[];

/** The start page: one section for each of the user's roles, with what that role works on. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const roles = new Set(me.memberships.map((m) => m.role));
  const can = (capability: (typeof me.capabilities)[number]) => me.capabilities.includes(capability);
  const organisationMemberships = me.memberships.filter((m) => ORGANISATION_ROLES.includes(m.role));

  return (
    <>
      <PageHeader title={t('home.title', { name: me.user.displayName })} />
      <Text mb="lg">{t('home.network', { network: me.network.name })}</Text>
      <Stack gap="xl">
        {can('cycle') && <CycleSection caseManager={roles.has('case_manager')} />}
        {roles.has('network_admin') && can('administration') && <AdminSection />}
        {roles.has('case_manager') && can('participants') && <CaseManagerSection />}
        {roles.has('case_manager') && can('jobs') && <FollowUpsSection />}
        {roles.has('case_manager') && can('participants') && <CheckInsDueSection />}
        {roles.has('analyst') && can('reports') && <AnalystSection />}
        {roles.has('data_protection_officer') && can('auditLog') && <AuditSection />}
        {organisationMemberships.map((m) =>
          m.role === 'employer_contact' && can('employerPortal') ? (
            <EmployerSection key={`${m.role}:${m.organisationId ?? ''}`} organisationName={m.organisationName ?? ''} />
          ) : (
            <MembershipSection
              key={`${m.role}:${m.organisationId ?? ''}`}
              role={m.role as OrganisationRole}
              organisationName={m.organisationName ?? ''}
            />
          ),
        )}
      </Stack>
    </>
  );
}
