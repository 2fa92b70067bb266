import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useProposals, useVacancy } from '../../shared/jobs/queries.ts';
import { VacancyFactsSection } from '../../shared/jobs/VacancyFactsSection.tsx';
import { CandidateMatchList } from './CandidateMatchList.tsx';
import { ProposalList } from './ProposalList.tsx';

/** One vacancy as the staff see it: its facts (editable), the matching candidates (case managers), its proposals. */
export function VacancyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useCurrentUser();
  const caseManager = me.memberships.some((m) => m.role === 'case_manager');
  const vacancy = useVacancy(id);
  const proposals = useProposals({ vacancyId: id });
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const v = vacancy.data;

  return (
    <>
      <PageHeader title={v?.title ?? t('jobs.vacancies.detailTitle')} />
      {vacancy.isPending && <Loading />}
      {vacancy.error && <ErrorAlert error={vacancy.error} />}
      {v && (
        <Stack gap="xl">
          <VacancyFactsSection vacancy={v} createdMessage={created ? t('jobs.vacancies.created') : null}>
            <Anchor component={Link} to={`/employers/${v.employerId}`} size="sm" display="inline-block" mt="sm">
              {t('jobs.vacancy.toEmployer', { name: v.employerName })}
            </Anchor>
          </VacancyFactsSection>
          {caseManager && (
            <Paper withBorder p="md" component="section" aria-labelledby="vacancy-matches">
              <Title order={2} size="h4" id="vacancy-matches" mb="xs">
                {t('jobs.match.candidatesHeading')}
              </Title>
              <Text size="sm" mb="sm">
                {t('jobs.match.candidatesIntro')}
              </Text>
              <CandidateMatchList vacancy={v} />
            </Paper>
          )}
          <Paper withBorder p="md" component="section" aria-labelledby="vacancy-proposals">
            <Title order={2} size="h4" id="vacancy-proposals" mb="sm">
              {t('jobs.proposals.ofVacancy')}
            </Title>
            {proposals.isPending && <Loading />}
            {proposals.error && <ErrorAlert error={proposals.error} />}
            {proposals.data && <ProposalList proposals={proposals.data} show="candidate" linkToCaseFile={caseManager} />}
          </Paper>
        </Stack>
      )}
      <Anchor component={Link} to="/vacancies" display="inline-block" mt="md">
        {t('jobs.vacancies.backToList')}
      </Anchor>
    </>
  );
}
