import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { vacancyKindLabel } from '../../shared/jobs/labels.ts';
import { MatchCard } from './MatchCard.tsx';
import { ProposeDialog, type ProposeTarget } from './ProposeDialog.tsx';
import { useVacancyMatches } from './queries.ts';

/** "Matching vacancies" for one participant: the open vacancies ranked, each with why and a way to propose. */
export function VacancyMatchList({ participant }: { participant: ParticipantView }) {
  const { t } = useTranslation();
  const [run, setRun] = useState(false);
  const matches = useVacancyMatches(participant.id, run);
  const [proposing, setProposing] = useState<ProposeTarget | null>(null);
  const m = matches.data;
  const name = `${participant.givenNames} ${participant.familyName}`;

  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => (run ? void matches.refetch() : setRun(true))} loading={matches.isFetching}>
          {t('jobs.match.findVacancies')}
        </Button>
      </Group>
      {matches.isPending && run && <Loading />}
      {matches.error && <ErrorAlert error={matches.error} />}
      {m?.excludedBecause && (
        <Alert color="orange" variant="light" role="status">
          {t(`jobs.match.excludedBecause.${m.excludedBecause}`)}
        </Alert>
      )}
      {m && !m.excludedBecause && (
        <>
          <Text size="sm" role="status">
            {t('jobs.match.consideredVacancies', { count: m.considered, shown: m.results.length })}
          </Text>
          {m.results.length === 0 && <Text size="sm">{t('jobs.match.noVacancies')}</Text>}
          <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('jobs.match.vacanciesList')}>
            {m.results.map((r) => (
              <li key={r.vacancyId}>
                <MatchCard
                  label={`${r.title} – ${r.employerName}`}
                  heading={
                    <Anchor component={Link} to={`/vacancies/${r.vacancyId}`}>
                      {r.title}
                    </Anchor>
                  }
                  subheading={[r.employerName, vacancyKindLabel(t, r.kind), r.town].filter(Boolean).join(' · ')}
                  score={r.score}
                  flags={r.flags}
                  reasons={r.reasons}
                  proposal={r.proposal}
                  onPropose={() =>
                    setProposing({
                      participantId: participant.id,
                      candidateName: name,
                      vacancyId: r.vacancyId,
                      vacancyTitle: r.title,
                      employerName: r.employerName,
                    })
                  }
                />
              </li>
            ))}
          </Stack>
        </>
      )}
      <ProposeDialog target={proposing} onClose={() => setProposing(null)} />
    </Stack>
  );
}
