import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalStage, ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import { api, ApiError } from '../api/client.ts';
import { ConflictNotice } from '../components/ConflictNotice.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { stageLabel } from './labels.ts';
import { proposalKey, proposalsKey } from './queries.ts';
import { nextStagesFor, type Side } from './stages.ts';

const today = () => new Date().toISOString().slice(0, 10);

interface StageMoveProps {
  proposal: ProposalView;
  side: Side;
  /** On a board card: the stage only; on a proposal's page also the day and a note. */
  compact?: boolean;
  onMoved?: (proposal: ProposalView) => void;
}

/**
 * Moves a proposal to one of the stages it may go to next (NEXT_STAGES). Stale (someone
 * moved it meanwhile): the server refuses with a 409, and the notice shows where it is now.
 */
export function StageMove({ proposal, side, compact = false, onMoved }: StageMoveProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const options = nextStagesFor(proposal.stage, side);
  const [stage, setStage] = useState<ProposalStage | ''>('');
  const [on, setOn] = useState(today());
  const [note, setNote] = useState('');
  const [conflict, setConflict] = useState<ProposalView | null>(null);
  const move = useMutation({
    mutationFn: () =>
      api.post<ProposalView>(`/api/proposals/${proposal.id}/stage`, {
        stage,
        on: compact ? undefined : on || undefined,
        note: note.trim() || null,
        version: proposal.version,
      }),
    onSuccess: async (moved) => {
      setStage('');
      setNote('');
      setConflict(null);
      queryClient.setQueryData(proposalKey(moved.id), moved);
      onMoved?.(moved);
      await refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as ProposalView);
    },
  });
  // The lists, the proposal, and the matches and placements that show its stage.
  const refresh = () =>
    queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === proposalsKey[0] || q.queryKey.includes('matches') || q.queryKey.includes('placements'),
    });

  if (options.length === 0) return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (stage) move.mutate();
      }}
      aria-label={t('jobs.stageMove.formLabel', { name: proposal.candidateName, vacancy: proposal.vacancyTitle })}
    >
      {conflict && (
        <ConflictNotice
          rows={[{ label: t('jobs.stageMove.stage'), mine: stage ? stageLabel(t, stage) : '', current: stageLabel(t, conflict.stage) }]}
          onLoadCurrent={() => {
            queryClient.setQueryData(proposalKey(conflict.id), conflict);
            setConflict(null);
            setStage('');
            void refresh();
          }}
        />
      )}
      {move.error && !conflict && <ErrorAlert error={move.error} />}
      <Stack gap="xs">
        <NativeSelect
          id={`${id}-stage`}
          label={t('jobs.stageMove.next')}
          size={compact ? 'xs' : 'sm'}
          value={stage}
          onChange={(e) => setStage(e.currentTarget.value as ProposalStage | '')}
          data={[{ value: '', label: t('common.choose') }, ...options.map((s) => ({ value: s, label: stageLabel(t, s) }))]}
          disabled={conflict !== null}
        />
        {!compact && (
          <>
            <TextInput
              label={t('jobs.stageMove.on')}
              type="date"
              max={today()}
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
              disabled={conflict !== null}
            />
            <Textarea
              label={t('jobs.stageMove.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              disabled={conflict !== null}
            />
          </>
        )}
        <Group>
          <Button type="submit" size={compact ? 'xs' : 'sm'} loading={move.isPending} disabled={!stage || conflict !== null}>
            {t('jobs.stageMove.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
