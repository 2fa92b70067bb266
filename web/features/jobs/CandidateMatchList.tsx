import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { MatchCard } from './MatchCard.tsx';
import { ProposeDialog, type ProposeTarget } from './ProposeDialog.tsx';
import { useCandidateMatches } from './queries.ts';

/** "Find matching participants": the office's candidates for a vacancy, ranked, each with why and a way to propose. */
export function CandidateMatchList({ vacancy }: { vacancy: VacancyView }) {
  const { t } = useTranslation();
  const [run, setRun] = useState(false);
  const matches = useCandidateMatches(vacancy.id, run);
  const [proposing, setProposing] = useState<ProposeTarget | null>(null);
  const m = matches.data;
  const excluded = Object.entries(m?.excluded ?? {}).filter(([, n]) => n > 0) as ['work_not_permitted' | 'restriction_applies', number][];

  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => (run ? void matches.refetch() : setRun(true))} loading={matches.isFetching}>
          {t('jobs.match.findCandidates')}
        </Button>
      </Group>
      {matches.isPending && run && <Loading />}
      {matches.error && <ErrorAlert error={matches.error} />}
      {m && (
        <>
          <Text size="sm" role="status">
            {t('jobs.match.considered', { count: m.considered, shown: m.results.length })}
            {excluded.map(([reason, n]) => ` ${t(`jobs.match.excluded.${reason}`, { count: n })}`).join('')}
          </Text>
          {m.results.length === 0 && <Text size="sm">{t('jobs.match.noCandidates')}</Text>}
          <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('jobs.match.candidatesList')}>
            {m.results.map((r) => (
              <li key={r.participantId}>
                <MatchCard
                  label={r.name}
                  heading={
                    <Anchor component={Link} to={`/participants/${r.participantId}?tab=jobs`}>
                      {r.name}
                    </Anchor>
                  }
                  score={r.score}
                  flags={r.flags}
                  reasons={r.reasons}
                  proposal={r.proposal}
                  onPropose={() =>
                    setProposing({
                      participantId: r.participantId,
                      candidateName: r.name,
                      vacancyId: vacancy.id,
                      vacancyTitle: vacancy.title,
                      employerName: vacancy.employerName,
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
