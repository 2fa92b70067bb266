import { Anchor, Group, List, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { api, type Page } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { roleLabel } from '../../shared/i18n/labels.ts';

/** An employer's contact: the company's open vacancies and the candidates newly proposed (not yet moved on). */
export function EmployerSection({ organisationName }: { organisationName: string }) {
  const { t } = useTranslation();
  const open = useQuery({
    queryKey: ['/api/vacancies', { status: 'open', pageSize: 5, sort: 'updatedAt', order: 'desc' }],
    queryFn: () => api.get<Page<VacancyView>>('/api/vacancies', { status: 'open', pageSize: 5, sort: 'updatedAt', order: 'desc' }),
  });
  const fresh = useQuery({
    queryKey: ['/api/proposals', 'list', { stage: 'proposed' }],
    queryFn: () => api.get<ProposalView[]>('/api/proposals', { stage: 'proposed' }),
  });

  return (
    <section aria-labelledby="home-employer">
      <Title order={2} id="home-employer" mb="sm">
        {organisationName}
      </Title>
      <Paper withBorder p="md">
        <Text mb="sm">{t('home.member.role', { role: roleLabel(t, 'employer_contact'), organisation: organisationName })}</Text>
        {open.error && <ErrorAlert error={open.error} />}
        {fresh.error && <ErrorAlert error={fresh.error} />}
        {open.data && (
          <>
            <Text fw={600}>{t('employerPortal.home.openVacancies', { count: open.data.total })}</Text>
            <List mb="md" spacing={4}>
              {open.data.items.map((v) => (
                <List.Item key={v.id}>
                  <Anchor component={Link} to={`/my-vacancies/${v.id}`}>
                    {v.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        )}
        {fresh.data && (
          <>
            <Text fw={600}>{t('employerPortal.home.newCandidates', { count: fresh.data.length })}</Text>
            <List mb="md" spacing={4}>
              {fresh.data.slice(0, 5).map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`/candidates/${p.id}`}>
                    {t('employerPortal.home.candidateFor', { name: p.candidateName, vacancy: p.vacancyTitle })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Group gap="md">
          <Anchor component={Link} to="/my-vacancies" fw={600}>
            {t('employerPortal.home.toVacancies')}
          </Anchor>
          <Anchor component={Link} to="/candidates" fw={600}>
            {t('employerPortal.home.toCandidates')}
          </Anchor>
        </Group>
      </Paper>
    </section>
  );
}
