import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { useProposals } from '../../shared/jobs/queries.ts';
import { ApplicationCoaching } from './ApplicationCoaching.tsx';
import { JobProfileForm } from './JobProfileForm.tsx';
import { PlacementsSection } from './PlacementsSection.tsx';
import { ProposalList } from './ProposalList.tsx';
import { useJobProfile } from './queries.ts';
import { VacancyMatchList } from './VacancyMatchList.tsx';

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {intro && (
        <Text size="sm" mb="sm">
          {intro}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/**
 * The case file's jobs tab (Arbeit): the job profile for matching, matching vacancies,
 * the proposals made, the application coaching of the plan, and the placements with their follow-ups.
 */
export function JobsTab({ participant }: { participant: ParticipantView }) {
  const { t } = useTranslation();
  const profile = useJobProfile(participant.id);
  const proposals = useProposals({ participantId: participant.id });
  if (!participant.currentCase) return <Text>{t('plan.noCase')}</Text>;

  return (
    <Stack>
      <Section id="jobs-profile" title={t('jobs.profile.heading')} intro={t('jobs.profile.intro')}>
        {profile.isPending && <Loading />}
        {profile.error && <ErrorAlert error={profile.error} />}
        {profile.data && <JobProfileForm key={participant.id} profile={profile.data} />}
      </Section>
      <Section id="jobs-matches" title={t('jobs.match.vacanciesHeading')} intro={t('jobs.match.vacanciesIntro')}>
        <VacancyMatchList participant={participant} />
      </Section>
      <Section id="jobs-proposals" title={t('jobs.proposals.ofParticipant')}>
        {proposals.isPending && <Loading />}
        {proposals.error && <ErrorAlert error={proposals.error} />}
        {proposals.data && <ProposalList proposals={proposals.data} show="vacancy" linkToCaseFile />}
      </Section>
      <Section id="jobs-coaching" title={t('jobs.coaching.heading')}>
        <ApplicationCoaching participantId={participant.id} />
      </Section>
      <Section id="jobs-placements" title={t('jobs.placement.heading')}>
        <PlacementsSection participantId={participant.id} proposals={proposals.data ?? []} />
      </Section>
    </Stack>
  );
}
