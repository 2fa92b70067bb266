import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import type { PlanVersionView } from '../../../server/modules/plans/plans.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { CurrentPlan } from './CurrentPlan.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { PlanVersions } from './PlanVersions.tsx';
import { planQueryKey, usePlan } from './queries.ts';

/**
 * The support plan (Förderplan) of the current case: the agreed version with the
 * progress of its steps, the draft of the next version, and every version with
 * what changed and its print in the participant's language.
 */
export function PlanTab({ participant }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const plan = usePlan(participant.id);
  const [finalised, setFinalised] = useState<number | null>(null);
  const startDraft = useMutation({
    mutationFn: () => api.post<PlanVersionView>(`/api/participants/${participant.id}/plan/draft`),
    onSuccess: async () => {
      setFinalised(null);
      await queryClient.invalidateQueries({ queryKey: planQueryKey(participant.id) });
    },
  });

  if (!participant.currentCase) return <Text>{t('plan.noCase')}</Text>;
  if (plan.isPending) return <Loading />;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  const { current, draft, versions } = plan.data;

  return (
    <Stack>
      {finalised !== null && (
        <Alert color="green" variant="light" role="status">
          {t('plan.finalised', { number: finalised })}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="plan-current-heading">
        <Title order={2} size="h4" id="plan-current-heading" mb="xs">
          {t('plan.currentHeading')}
          {current && ` · ${t('plan.versionTitle', { number: current.number })}`}
        </Title>
        {current ? (
          <>
            <Text size="sm" mb="sm">
              {t('plan.discussedOnWith', { date: formatDate(current.discussedOn, i18n.language), attendees: current.attendees ?? '—' })}
            </Text>
            <CurrentPlan plan={current} />
          </>
        ) : (
          <Text size="sm">{t('plan.noCurrent')}</Text>
        )}
      </Paper>
      {draft ? (
        <DraftEditor
          key={draft.id}
          participant={participant}
          draft={draft}
          onFinalised={(number) => {
            setFinalised(number);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <Group>
          {startDraft.error && <ErrorAlert error={startDraft.error} />}
          <Button onClick={() => startDraft.mutate()} loading={startDraft.isPending}>
            {current ? t('plan.startDraft') : t('plan.startDraftFirst')}
          </Button>
        </Group>
      )}
      {versions.length > 0 && <PlanVersions versions={versions} />}
    </Stack>
  );
}
