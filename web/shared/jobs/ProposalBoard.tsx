import { Anchor, Button, Collapse, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProposalStage, ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import { formatDate } from '../i18n/format.ts';
import { FlagBadges } from './Badges.tsx';
import { stageLabel } from './labels.ts';
import classes from './ProposalBoard.module.css';
import { StageMove } from './StageMove.tsx';
import { BOARD_STAGES, byStage, ENDED_STAGES, type Side } from './stages.ts';

interface ProposalBoardProps {
  proposals: ProposalView[];
  side: Side;
  /** Where a card's name leads: the employer's candidate page, or the staff's vacancy. */
  linkOf: (proposal: ProposalView) => string;
  /** The heading level of the columns, to fit the page's outline. */
  headingOrder?: 2 | 3;
}

/** Proposals in columns by stage, each card with its next stages; the ended ones folded away below. */
export function ProposalBoard({ proposals, side, linkOf, headingOrder = 2 }: ProposalBoardProps) {
  const { t } = useTranslation();
  const [endedOpen, ended] = useDisclosure(false);
  const endedId = useId();
  const columns = byStage(proposals);
  const endedCount = ENDED_STAGES.reduce((n, s) => n + columns[s].length, 0);

  const column = (stage: ProposalStage) => (
    <section key={stage} className={classes.column} aria-labelledby={`${endedId}-${stage}`}>
      <Title order={headingOrder} size="h5" id={`${endedId}-${stage}`} mb="xs" className={classes.title}>
        {t('jobs.board.column', { stage: stageLabel(t, stage), count: columns[stage].length })}
      </Title>
      {columns[stage].length === 0 ? (
        <Text size="sm">{t('jobs.board.emptyColumn')}</Text>
      ) : (
        <ul className={classes.cards}>
          {columns[stage].map((p) => (
            <li key={p.id}>
              <ProposalCard proposal={p} side={side} to={linkOf(p)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <>
      <div className={classes.board}>{BOARD_STAGES.map(column)}</div>
      <Button variant="subtle" mt="md" onClick={ended.toggle} aria-expanded={endedOpen} aria-controls={`${endedId}-ended`}>
        {endedOpen ? t('jobs.board.hideEnded', { count: endedCount }) : t('jobs.board.showEnded', { count: endedCount })}
      </Button>
      <Collapse expanded={endedOpen} id={`${endedId}-ended`}>
        <div className={classes.board} style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          {ENDED_STAGES.map(column)}
        </div>
      </Collapse>
    </>
  );
}

function ProposalCard({ proposal: p, side, to }: { proposal: ProposalView; side: Side; to: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="xs" component="article" aria-label={`${p.candidateName}: ${p.vacancyTitle}`} className={classes.card}>
      <Anchor component={Link} to={to} fw={700} size="sm">
        {p.candidateName}
      </Anchor>
      <Text size="sm">{p.vacancyTitle}</Text>
      {side === 'staff' && <Text size="sm">{p.employerName}</Text>}
      <Text size="xs" mb={4}>
        {t('jobs.board.since', { date: formatDate(p.stageOn, i18n.language) })}
      </Text>
      <FlagBadges flags={p.flags} />
      <StageMove proposal={p} side={side} compact />
    </Paper>
  );
}
