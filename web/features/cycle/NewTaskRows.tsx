import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stepTypeLabel } from './cycleFormat.ts';
import { useStepTypes } from './queries.ts';

/** A task the conference adds for the next cycle; key only tells the rows apart on screen. */
export interface NewTask {
  key: number;
  stepTypeId: string;
  text: string;
  dueOn: string;
}

/** The conference's new tasks: each with its step type, text and due date; added and removed in place. */
export function NewTaskRows({ rows, onChange }: { rows: NewTask[]; onChange: (rows: NewTask[]) => void }) {
  const { t, i18n } = useTranslation();
  const stepTypes = useStepTypes();
  const typeOptions = (stepTypes.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: stepTypeLabel(s.labels, i18n.language) }));
  return (
    <section aria-labelledby="conference-new-tasks">
      <Title order={2} size="h3" id="conference-new-tasks" mb="xs">
        {t('cycle.conference.newTasks')}
      </Title>
      <Stack gap="sm">
        {rows.map((task, index) => {
          const set = (patch: Partial<NewTask>) => onChange(rows.map((n) => (n.key === task.key ? { ...n, ...patch } : n)));
          return (
            <Paper key={task.key} withBorder p="md" component="fieldset" style={{ minWidth: 0 }}>
              <legend>{t('cycle.conference.newTaskN', { n: index + 1 })}</legend>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NativeSelect
                  label={t('cycle.conference.stepType')}
                  data={[{ value: '', label: t('common.choose') }, ...typeOptions]}
                  value={task.stepTypeId}
                  onChange={(e) => set({ stepTypeId: e.currentTarget.value })}
                  required
                />
                <TextInput
                  label={t('cycle.conference.taskText')}
                  value={task.text}
                  onChange={(e) => set({ text: e.currentTarget.value })}
                  maxLength={2000}
                />
                <TextInput
                  type="date"
                  label={t('cycle.conference.dueOn')}
                  value={task.dueOn}
                  onChange={(e) => set({ dueOn: e.currentTarget.value })}
                />
              </SimpleGrid>
              <Button variant="subtle" size="xs" mt="xs" onClick={() => onChange(rows.filter((n) => n.key !== task.key))}>
                {t('cycle.conference.removeTask', { n: index + 1 })}
              </Button>
            </Paper>
          );
        })}
        <Group>
          <Button variant="light" onClick={() => onChange([...rows, { key: Date.now(), stepTypeId: '', text: '', dueOn: '' }])}>
            {t('cycle.conference.addTask')}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
