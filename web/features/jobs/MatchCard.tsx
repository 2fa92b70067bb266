import { Badge, Button, Group, Paper, Progress, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchFlag, MatchReasons } from '../../../server/modules/matching/matching.schemas.ts';
import type { ProposalStage } from '../../../server/modules/proposals/proposals.schemas.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import { FlagBadges, StageBadge } from '../../shared/jobs/Badges.tsx';
import classes from './MatchCard.module.css';
import { reasonLines } from './matchFormat.ts';

interface MatchCardProps {
  /** Names the card for screen readers: the candidate, or the vacancy. */
  label: string;
  heading: ReactNode;
  subheading?: ReactNode;
  score: number;
  flags: readonly MatchFlag[];
  reasons: MatchReasons;
  proposal: { proposalId: string; stage: string } | null;
  onPropose: () => void;
}

/** One ranked result: the score, the flags, why (one line per aspect), and the way to propose. */
export function MatchCard({ label, heading, subheading, score, flags, reasons, proposal, onPropose }: MatchCardProps) {
  const { t, i18n } = useTranslation();
  const lines = reasonLines(t, reasons, i18n.language);
  const scoreText = t('jobs.match.score', { score: formatNumber(score, i18n.language) });
  return (
    <Paper withBorder p="sm" component="article" aria-label={label}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Text fw={700}>{heading}</Text>
          {subheading && <Text size="sm">{subheading}</Text>}
        </div>
        <Badge size="lg" color={score >= 70 ? 'teal.9' : score >= 40 ? 'blue.8' : 'gray.7'} variant="filled" tt="none" miw="max-content">
          {scoreText}
        </Badge>
      </Group>
      <Progress value={score} size="sm" my="xs" aria-hidden="true" />
      <FlagBadges flags={flags} />
      <dl className={classes.reasons}>
        {lines.map((line) => (
          <div key={line.aspect} className={classes.row}>
            <dt className={classes.aspect}>
              {line.label}{' '}
              <span className={classes.points}>
                ({t('jobs.match.points', { points: formatNumber(line.points, i18n.language), max: formatNumber(line.max, i18n.language) })})
              </span>
            </dt>
            <dd className={classes.text}>{line.text}</dd>
          </div>
        ))}
      </dl>
      {proposal ? (
        <Group gap="xs">
          <Text size="sm">{t('jobs.match.alreadyProposed')}</Text>
          <StageBadge stage={proposal.stage as ProposalStage} />
        </Group>
      ) : (
        <Button size="sm" onClick={onPropose} aria-label={t('jobs.match.proposeLabel', { name: label })}>
          {t('jobs.match.propose')}
        </Button>
      )}
    </Paper>
  );
}
