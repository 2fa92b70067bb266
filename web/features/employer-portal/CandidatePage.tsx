import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { FlagBadges, StageBadge } from '../../shared/jobs/Badges.tsx';
import { stageLabel } from '../../shared/jobs/labels.ts';
import { useProposal } from '../../shared/jobs/queries.ts';
import { StageMove } from '../../shared/jobs/StageMove.tsx';
import { nextStagesFor } from '../../shared/jobs/stages.ts';
import { CandidateProfile } from './CandidateProfile.tsx';

/** A candidate proposed to the company: for which vacancy and where it stands, what is shared, and the next stage. */
export function CandidatePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const proposal = useProposal(id);
  const p = proposal.data;
  const date = (value: string) => formatDate(value, i18n.language);

  return (
    <>
      <PageHeader title={p ? t('employerPortal.candidate.title', { name: p.candidateName }) : t('employerPortal.candidate.titlePlain')} />
      {proposal.isPending && <Loading />}
      {proposal.error && <ErrorAlert error={proposal.error} />}
      {p && (
        <Stack gap="xl">
          <Paper withBorder p="md" component="section" aria-labelledby="candidate-proposal">
            <Title order={2} size="h4" id="candidate-proposal" mb="sm">
              {t('employerPortal.candidate.proposal')}
            </Title>
            <FactList
              facts={[
                [
                  t('employerPortal.candidates.vacancy'),
                  <Anchor component={Link} to={`/my-vacancies/${p.vacancyId}`} size="sm" key="vacancy">
                    {p.vacancyTitle}
                  </Anchor>,
                ],
                [t('jobs.stageMove.stage'), <StageBadge stage={p.stage} key="stage" />],
                [t('jobs.proposals.stageOn'), date(p.stageOn)],
                [t('jobs.proposals.proposedBy'), `${p.proposedByName ?? '—'} (${date(p.createdAt)})`],
              ]}
            />
            <FlagBadges flags={p.flags} />
            <Title order={3} size="h5" mt="md" mb="xs">
              {t('jobs.proposals.history')}
            </Title>
            <Stack component="ol" gap={2} m={0} ps="md">
              {p.history.map((h, i) => (
                <Text component="li" size="sm" key={i}>
                  {date(h.on)}: {stageLabel(t, h.stage)}
                  {h.byName && ` (${h.byName})`}
                  {h.note && ` – ${h.note}`}
                </Text>
              ))}
            </Stack>
          </Paper>
          <CandidateProfile proposalId={p.id} />
          <Paper withBorder p="md" component="section" aria-labelledby="candidate-move">
            <Title order={2} size="h4" id="candidate-move" mb="sm">
              {t('employerPortal.candidate.move')}
            </Title>
            {nextStagesFor(p.stage, 'employer').length === 0 ? (
              <Group gap="xs">
                <Text size="sm">{t('employerPortal.candidate.ended')}</Text>
                <StageBadge stage={p.stage} />
              </Group>
            ) : (
              <StageMove proposal={p} side="employer" />
            )}
          </Paper>
        </Stack>
      )}
      <Anchor component={Link} to="/candidates" display="inline-block" mt="md">
        {t('employerPortal.candidates.backToList')}
      </Anchor>
    </>
  );
}
