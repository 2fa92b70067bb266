import { ActionIcon, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STEP_STATUSES } from '../../../server/modules/plans/plans.schemas.ts';
import type { Form } from '../../shared/forms/form.ts';
import { emptyStep, type DraftValues } from './draftValues.ts';
import { stepStatusLabel, stepTypeLabel, useStepTypes } from './queries.ts';

interface DraftGoalProps {
  form: Form<DraftValues>;
  index: number;
  count: number;
  responsibleOptions: { value: string; label: string }[];
  defaultResponsible: string;
}

/** One goal of the draft: its title and its steps, each movable and removable. */
export function DraftGoal({ form, index, count, responsibleOptions, defaultResponsible }: DraftGoalProps) {
  const { t, i18n } = useTranslation();
  const stepTypes = useStepTypes();
  const goal = form.getValues().goals[index]!;
  const number = index + 1;
  const typeOptions = [
    { value: '', label: t('common.choose') },
    ...(stepTypes.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: stepTypeLabel(s.labels, i18n.language, s.key) })),
  ];
  return (
    <Paper withBorder p="sm" component="fieldset" m={0}>
      <Text component="legend" fw={700} px={4}>
        {t('plan.goalNumber', { number })}
      </Text>
      <Group align="flex-end" gap="xs">
        <TextInput label={t('plan.goalTitle', { number })} required flex={1} miw={240} {...form.getInputProps(`goals.${index}.title`)} />
        <MoveButtons
          up={t('plan.moveGoalUp', { number })}
          down={t('plan.moveGoalDown', { number })}
          remove={t('plan.removeGoal', { number })}
          canUp={index > 0}
          canDown={index < count - 1}
          onMove={(delta) => form.reorderListItem('goals', { from: index, to: index + delta })}
          onRemove={() => form.removeListItem('goals', index)}
        />
      </Group>
      <Stack gap="sm" mt="sm">
        {goal.steps.length === 0 && <Text size="sm">{t('plan.noSteps')}</Text>}
        {goal.steps.map((step, s) => {
          const path = `goals.${index}.steps.${s}`;
          const stepNumber = s + 1;
          const names = { step: stepNumber, goal: number };
          // A step that names an organisation no longer offered keeps it as an option.
          const options = responsibleOptions.some((o) => o.value === step.responsibleOrganisationId)
            ? responsibleOptions
            : [...responsibleOptions, { value: step.responsibleOrganisationId, label: step.responsibleOrganisationId }];
          return (
            <Paper key={step.key} withBorder p="sm" component="fieldset" m={0} bg="gray.0">
              <Text component="legend" fw={600} px={4}>
                {t('plan.stepNumber', { number: stepNumber })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                <NativeSelect label={t('plan.stepType')} required data={typeOptions} {...form.getInputProps(`${path}.stepTypeId`)} />
                <NativeSelect
                  label={t('plan.responsible')}
                  required
                  data={options}
                  {...form.getInputProps(`${path}.responsibleOrganisationId`)}
                />
                <TextInput label={t('plan.dueOn')} type="date" {...form.getInputProps(`${path}.dueOn`)} />
                <NativeSelect
                  label={t('plan.status')}
                  data={STEP_STATUSES.map((value) => ({ value, label: stepStatusLabel(t, value) }))}
                  {...form.getInputProps(`${path}.status`)}
                />
              </SimpleGrid>
              <Group align="flex-end" gap="xs" mt="xs">
                <Textarea label={t('plan.stepText')} autosize minRows={1} flex={1} miw={240} {...form.getInputProps(`${path}.text`)} />
                <MoveButtons
                  up={t('plan.moveStepUp', names)}
                  down={t('plan.moveStepDown', names)}
                  remove={t('plan.removeStep', names)}
                  canUp={s > 0}
                  canDown={s < goal.steps.length - 1}
                  onMove={(delta) => form.reorderListItem(`goals.${index}.steps`, { from: s, to: s + delta })}
                  onRemove={() => form.removeListItem(`goals.${index}.steps`, s)}
                />
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <Button
        variant="default"
        size="sm"
        mt="sm"
        onClick={() => form.insertListItem(`goals.${index}.steps`, emptyStep(defaultResponsible))}
      >
        {t('plan.addStep', { number })}
      </Button>
    </Paper>
  );
}

interface MoveButtonsProps {
  up: string;
  down: string;
  remove: string;
  canUp: boolean;
  canDown: boolean;
  /** -1 moves up, 1 down. */
  onMove: (delta: number) => void;
  onRemove: () => void;
}

/** Up, down and remove, each named for a screen reader; the visible sign is an arrow or a cross. */
function MoveButtons({ up, down, remove, canUp, canDown, onMove, onRemove }: MoveButtonsProps) {
  return (
    <Group gap={4} wrap="nowrap" mb={4}>
      <ActionIcon variant="default" size="lg" aria-label={up} title={up} disabled={!canUp} onClick={() => onMove(-1)}>
        <span aria-hidden="true">↑</span>
      </ActionIcon>
      <ActionIcon variant="default" size="lg" aria-label={down} title={down} disabled={!canDown} onClick={() => onMove(1)}>
        <span aria-hidden="true">↓</span>
      </ActionIcon>
      <ActionIcon variant="default" color="red" size="lg" aria-label={remove} title={remove} onClick={onRemove}>
        <span aria-hidden="true">✕</span>
      </ActionIcon>
    </Group>
  );
}
