import { NEXT_STAGES, type ProposalStage } from '../../../server/modules/proposals/proposals.schemas.ts';

// How proposals sit on the board and where each may move. Pure, so that it is unit-tested.

/** Who moves a proposal: the network's staff, or the employer it was made to. */
export type Side = 'staff' | 'employer';

/** The board's columns, in the order a proposal goes through them. */
export const BOARD_STAGES = ['proposed', 'applied', 'interview', 'trial_work', 'hired'] as const satisfies readonly ProposalStage[];
/** Proposals that ended without a hire: shown folded away below the board. */
export const ENDED_STAGES = ['rejected', 'withdrawn'] as const satisfies readonly ProposalStage[];

/** The stages a proposal may move to from where it is; withdrawing is the staff's alone. */
export function nextStagesFor(stage: ProposalStage, side: Side): ProposalStage[] {
  return NEXT_STAGES[stage].filter((next) => side === 'staff' || next !== 'withdrawn');
}

/** Proposals by stage, each column with the most recently moved first. */
export function byStage<P extends { stage: ProposalStage; stageOn: string }>(proposals: readonly P[]): Record<ProposalStage, P[]> {
  const columns = Object.fromEntries(Object.keys(NEXT_STAGES).map((stage) => [stage, [] as P[]])) as Record<ProposalStage, P[]>;
  for (const proposal of proposals) columns[proposal.stage].push(proposal);
  for (const column of Object.values(columns)) column.sort((a, b) => b.stageOn.localeCompare(a.stageOn));
  return columns;
}
