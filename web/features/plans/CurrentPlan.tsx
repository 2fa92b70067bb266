import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_STATUSES, type PlanVersionView, type StepStatus, type StepView } from '../../../server/modules/plans/plans.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { planQueryKey, STEP_STATUS_COLOURS, stepStatusLabel, stepTypeLabel } from './queries.ts';

/** The agreed plan: goals and their steps; each step's status and note change in place. */
export function CurrentPlan({ plan }: { plan: PlanVersionView }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Stack gap="md">
      {plan.goals.map((goal, g) => (
        <section key={goal.id} aria-labelledby={`goal-${goal.id}`}>
          <Title order={3} size="h5" id={`goal-${goal.id}`} mb={4}>
            {t('plan.goalNumber', { number: g + 1 })}: {goal.title}
          </Title>
          {goal.steps.length === 0 ? (
            <Text size="sm">{t('plan.noSteps')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('plan.step')}</Table.Th>
                    <Table.Th scope="col">{t('plan.responsible')}</Table.Th>
                    <Table.Th scope="col">{t('plan.dueOn')}</Table.Th>
                    <Table.Th scope="col">{t('plan.status')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('plan.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {goal.steps.map((step) => {
                    const type = stepTypeLabel(step.stepTypeLabels, i18n.language, step.stepTypeKey);
                    return (
                      <Fragment key={step.id}>
                        <Table.Tr>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {type}
                            </Text>
                            {step.text && <Text size="sm">{step.text}</Text>}
                            {step.statusNote && (
                              <Text size="sm" c="dimmed">
                                {t('plan.statusNote')}: {step.statusNote}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{step.responsibleOrganisationName}</Table.Td>
                          <Table.Td>{formatDate(step.dueOn, i18n.language)}</Table.Td>
                          <Table.Td>
                            <Badge color={STEP_STATUS_COLOURS[step.status]} variant="filled" tt="none" miw="max-content">
                              {stepStatusLabel(t, step.status)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            {editing !== step.id && (
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-label={t('plan.changeStatusOf', { step: step.text || type })}
                                onClick={() => setEditing(step.id)}
                              >
                                {t('plan.changeStatus')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                        {editing === step.id && (
                          <Table.Tr>
                            <Table.Td colSpan={5}>
                              <StepStatusForm
                                participantId={plan.participantId}
                                step={step}
                                label={step.text || type}
                                onDone={() => setEditing(null)}
                              />
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      ))}
    </Stack>
  );
}

function StepStatusForm({
  participantId,
  step,
  label,
  onDone,
}: {
  participantId: string;
  step: StepView;
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(step);
  const [status, setStatus] = useState<StepStatus>(step.status);
  const [note, setNote] = useState(step.statusNote ?? '');
  const [conflict, setConflict] = useState<StepView | null>(null);
  const save = useMutation({
    mutationFn: () => api.patch<StepView>(`/api/plan-steps/${step.id}`, { version: base.version, status, statusNote: note.trim() || null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planQueryKey(participantId) });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as StepView);
    },
  });
  return (
    <form
      aria-label={t('plan.changeStatusOf', { step: label })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {save.error && !conflict && <ErrorAlert error={save.error} />}
      {conflict && (
        <ConflictNotice
          rows={differingFields([
            { label: t('plan.status'), mine: stepStatusLabel(t, status), current: stepStatusLabel(t, conflict.status) },
            { label: t('plan.statusNote'), mine: note, current: conflict.statusNote ?? '' },
          ])}
          onLoadCurrent={() => {
            setBase(conflict);
            setStatus(conflict.status);
            setNote(conflict.statusNote ?? '');
            setConflict(null);
            void queryClient.invalidateQueries({ queryKey: planQueryKey(participantId) });
          }}
        />
      )}
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('plan.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as StepStatus)}
          data={STEP_STATUSES.map((s) => ({ value: s, label: stepStatusLabel(t, s) }))}
        />
        <Textarea
          label={t('plan.statusNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={1}
          flex={1}
          miw={240}
        />
      </Group>
      <Group mt="sm" gap="sm">
        <Button type="submit" size="sm" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button size="sm" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
