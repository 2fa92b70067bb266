import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { PlanDraftInput, type PlanVersionView } from '../../../server/modules/plans/plans.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { DraftGoal } from './DraftGoal.tsx';
import { emptyGoal, inputOf, summaryOf, valuesOf, type DraftValues } from './draftValues.ts';
import { FinaliseDialog } from './FinaliseDialog.tsx';
import { planQueryKey, useResponsibleOptions } from './queries.ts';

/**
 * The draft of the next plan version, edited as a whole and saved at once (PUT);
 * finalised with the participant in a dialog.
 */
export function DraftEditor({
  participant,
  draft,
  onFinalised,
}: {
  participant: ParticipantView;
  draft: PlanVersionView;
  onFinalised: (number: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const responsibleOptions = useResponsibleOptions(participant);
  const [base, setBase] = useState(draft);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<PlanVersionView | null>(null);
  const [finalising, setFinalising] = useState(false);
  const form = useValidatedForm<DraftValues>(valuesOf(draft), (values) => schemaErrors(t, PlanDraftInput, inputOf(values, base.version)));

  const accept = (plan: PlanVersionView) => {
    setBase(plan);
    form.setValues(valuesOf(plan));
    form.resetDirty(valuesOf(plan));
  };
  const save = useMutation({
    mutationFn: (values: DraftValues) => api.put<PlanVersionView>(`/api/plan-versions/${draft.id}`, inputOf(values, base.version)),
    onSuccess: async (plan) => {
      accept(plan);
      setSaved(true);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: planQueryKey(participant.id) });
    },
    onError: (error) => {
      setSaved(false);
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as PlanVersionView);
    },
  });
  const summary = (values: DraftValues) => {
    const s = summaryOf(values);
    return `${t('plan.summary', { goals: s.goals, steps: s.steps })}: ${s.titles}`;
  };
  const goals = form.getValues().goals;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-draft-heading">
      <Title order={2} size="h4" id="plan-draft-heading" mb="xs">
        {t('plan.draftHeading')} · {t('plan.versionTitle', { number: draft.number })}
      </Title>
      {draft.conferenceId && (
        <Text size="sm" mb="sm">
          {t('plan.draftFromConference')}
        </Text>
      )}
      <form
        onSubmit={form.onSubmit((values) => save.mutate(values))}
        noValidate
        onChange={() => setSaved(false)}
        aria-labelledby="plan-draft-heading"
      >
        {save.error && !conflict && <ErrorAlert error={save.error} />}
        {conflict && (
          <ConflictNotice
            rows={differingFields([
              { label: t('plan.goalsAndSteps'), mine: summary(form.getValues()), current: summary(valuesOf(conflict)) },
            ])}
            onLoadCurrent={() => {
              accept(conflict);
              setConflict(null);
            }}
          />
        )}
        {saved && (
          <Alert color="green" variant="light" role="status" mb="sm">
            {t('plan.draftSaved')}
          </Alert>
        )}
        <Stack gap="md">
          {goals.length === 0 && <Text size="sm">{t('plan.noGoals')}</Text>}
          {goals.map((goal, index) => (
            <DraftGoal
              key={goal.key}
              form={form}
              index={index}
              count={goals.length}
              responsibleOptions={responsibleOptions}
              defaultResponsible={participant.officeId}
            />
          ))}
        </Stack>
        <Group mt="md">
          <Button variant="default" onClick={() => form.insertListItem('goals', emptyGoal())}>
            {t('plan.addGoal')}
          </Button>
        </Group>
        {form.isDirty() && (
          <Text size="sm" mt="md" role="status">
            {t('plan.unsaved')}
          </Text>
        )}
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            {t('plan.saveDraft')}
          </Button>
          <Button variant="outline" onClick={() => !form.validate().hasErrors && setFinalising(true)}>
            {t('plan.finalise')}
          </Button>
        </Group>
      </form>
      <FinaliseDialog
        opened={finalising}
        onClose={() => setFinalising(false)}
        onFinalise={async (body) => {
          try {
            // Unsaved changes are saved first, so that what is agreed is what is on screen.
            let version = base.version;
            if (form.isDirty()) {
              const plan = await api.put<PlanVersionView>(`/api/plan-versions/${draft.id}`, inputOf(form.getValues(), version));
              accept(plan);
              version = plan.version;
            }
            const plan = await api.post<PlanVersionView>(`/api/plan-versions/${draft.id}/finalise`, { ...body, version });
            await queryClient.invalidateQueries({ queryKey: planQueryKey(participant.id) });
            await queryClient.invalidateQueries({ queryKey: ['/api/referrals'] });
            onFinalised(plan.number);
          } catch (error) {
            // Someone saved the draft meanwhile: the dialog closes and the editor shows what differs.
            if (!(error instanceof ApiError && error.status === 409 && error.current)) throw error;
            setConflict(error.current as PlanVersionView);
          }
        }}
      />
    </Paper>
  );
}
