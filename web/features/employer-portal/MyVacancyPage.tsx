import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { StageBadge } from '../../shared/jobs/Badges.tsx';
import { useProposals, useVacancy } from '../../shared/jobs/queries.ts';
import { VacancyFactsSection } from '../../shared/jobs/VacancyFactsSection.tsx';

/** One of the company's vacancies: its facts, editable, and the candidates proposed for it. */
export function MyVacancyPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
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
          <VacancyFactsSection vacancy={v} createdMessage={created ? t('employerPortal.vacancies.created') : null} employer />
          <Paper withBorder p="md" component="section" aria-labelledby="vacancy-candidates">
            <Title order={2} size="h4" id="vacancy-candidates" mb="sm">
              {t('employerPortal.candidates.ofVacancy')}
            </Title>
            {proposals.isPending && <Loading />}
            {proposals.error && <ErrorAlert error={proposals.error} />}
            {proposals.data?.length === 0 && <Text size="sm">{t('employerPortal.candidates.noneForVacancy')}</Text>}
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {proposals.data?.map((p) => (
                <Group component="li" key={p.id} gap="sm" wrap="wrap">
                  <Anchor component={Link} to={`/candidates/${p.id}`} fw={600}>
                    {p.candidateName}
                  </Anchor>
                  <StageBadge stage={p.stage} />
                  <Text size="sm">{t('jobs.board.since', { date: formatDate(p.stageOn, i18n.language) })}</Text>
                </Group>
              ))}
            </Stack>
          </Paper>
        </Stack>
      )}
      <Anchor component={Link} to="/my-vacancies" display="inline-block" mt="md">
        {t('employerPortal.vacancies.backToList')}
      </Anchor>
    </>
  );
}
