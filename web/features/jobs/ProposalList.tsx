import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { FlagBadges, StageBadge } from '../../shared/jobs/Badges.tsx';
import { stageLabel } from '../../shared/jobs/labels.ts';
import { StageMove } from '../../shared/jobs/StageMove.tsx';

interface ProposalListProps {
  proposals: ProposalView[];
  /** On a vacancy's page the candidates are named; on a participant's the vacancies. */
  show: 'candidate' | 'vacancy';
  /** Case managers open the candidate's case file; partner caseworkers have none. */
  linkToCaseFile: boolean;
}

/** Proposals as cards: who or what, the stage and its history, the staff's note, and the next stages. */
export function ProposalList({ proposals, show, linkToCaseFile }: ProposalListProps) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  if (proposals.length === 0) return <Text size="sm">{t('jobs.proposals.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {proposals.map((p) => {
        const title = show === 'candidate' ? p.candidateName : `${p.vacancyTitle} – ${p.employerName}`;
        return (
          <Paper key={p.id} withBorder p="sm" component="article" aria-label={title}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <Text fw={700}>
                {show === 'candidate' && linkToCaseFile ? (
                  <Anchor component={Link} to={`/participants/${p.participantId}?tab=jobs`}>
                    {p.candidateName}
                  </Anchor>
                ) : show === 'vacancy' ? (
                  <Anchor component={Link} to={`/vacancies/${p.vacancyId}`}>
                    {p.vacancyTitle}
                  </Anchor>
                ) : (
                  p.candidateName
                )}
              </Text>
              <StageBadge stage={p.stage} />
            </Group>
            {show === 'vacancy' && <Text size="sm">{p.employerName}</Text>}
            <Text size="sm">{t('jobs.proposals.proposedOn', { date: date(p.createdAt), name: p.proposedByName ?? '—' })}</Text>
            <FlagBadges flags={p.flags} />
            {p.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {t('jobs.proposals.note')}: {p.note}
              </Text>
            )}
            <Stack component="ol" gap={0} mt="xs" mb="xs" ps="md" aria-label={t('jobs.proposals.history')}>
              {p.history.map((h, i) => (
                <Text component="li" size="xs" key={i}>
                  {date(h.on)}: {stageLabel(t, h.stage)}
                  {h.byName && ` (${h.byName})`}
                  {h.note && ` – ${h.note}`}
                </Text>
              ))}
            </Stack>
            <StageMove proposal={p} side="staff" compact />
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
