import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchFlag } from '../../../server/modules/matching/matching.schemas.ts';
import type { ProposalStage } from '../../../server/modules/proposals/proposals.schemas.ts';
import { FLAG_COLOURS, flagLabel, STAGE_COLOURS, stageLabel } from './labels.ts';

/** A proposal's stage as a badge. */
export function StageBadge({ stage }: { stage: ProposalStage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLOURS[stage]} variant="filled" tt="none" miw="max-content">
      {stageLabel(t, stage)}
    </Badge>
  );
}

/** What to look out for with a candidate: the work permission to request, a restriction, no document. Wrapped, since the texts are long. */
export function FlagBadges({ flags }: { flags: readonly MatchFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('jobs.flagsLabel')}>
      {flags.map((flag) => (
        <li key={flag}>
          <Badge
            color={FLAG_COLOURS[flag]}
            variant="filled"
            tt="none"
            h="auto"
            py={2}
            styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
          >
            {flagLabel(t, flag)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
