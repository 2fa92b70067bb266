import { Alert, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceView, Decision } from '../../../server/modules/appointments/appointments.schemas.ts';
import { EXIT_REASONS } from '../../../server/modules/cases/cases.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { isCaseManager, stepTypeLabel, todayIso } from './cycleFormat.ts';
import { conferenceKey, useStepTypes, weekKey } from './queries.ts';

type TaskDecision = '' | 'done' | 'continue' | 'drop';
interface NewTask {
  key: number;
  stepTypeId: string;
  text: string;
  dueOn: string;
}

function decisionsOf(c: ConferenceView) {
  const perTask: Record<string, { decision: TaskDecision; note: string }> = {};
  for (const item of c.agenda) perTask[item.taskId] = { decision: '', note: '' };
  const newTasks: NewTask[] = [];
  c.decisions.forEach((d, i) => {
    if (d.decision === 'new') newTasks.push({ key: i, stepTypeId: d.stepTypeId ?? '', text: d.text ?? '', dueOn: d.dueOn ?? '' });
    else if (d.taskId) perTask[d.taskId] = { decision: d.decision, note: d.note ?? '' };
  });
  return { perTask, newTasks };
}

/** The open conference's form: a decision per task, new tasks, minutes and next steps; Save, and Close for the office. */
export function ConferenceForm({ conference: c, onClosed }: { conference: ConferenceView; onClosed: (c: ConferenceView) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const stepTypes = useStepTypes();
  const lang = i18n.language;
  const initial = decisionsOf(c);
  const [perTask, setPerTask] = useState(initial.perTask);
  const [newTasks, setNewTasks] = useState<NewTask[]>(initial.newTasks);
  const [minutes, setMinutes] = useState(c.minutes ?? '');
  const [nextSteps, setNextSteps] = useState(c.nextSteps ?? '');
  const [outcome, setOutcome] = useState<'next_cycle' | 'close_case'>('next_cycle');
  const [exitReason, setExitReason] = useState('');
  const [exitDate, setExitDate] = useState(todayIso());
  const [conflict, setConflict] = useState<ConferenceView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const office = isCaseManager(me);
  const typeOptions = (stepTypes.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: stepTypeLabel(s.labels, lang) }));

  const decisions = (): Decision[] => [
    ...c.agenda
      .filter((item) => perTask[item.taskId]?.decision)
      .map((item) => ({
        taskId: item.taskId,
        decision: perTask[item.taskId]!.decision as Decision['decision'],
        note: perTask[item.taskId]!.note.trim() || null,
      })),
    ...newTasks
      .filter((n) => n.stepTypeId)
      .map((n) => ({ decision: 'new' as const, stepTypeId: n.stepTypeId, text: n.text.trim(), dueOn: n.dueOn || null })),
  ];
  const body = () => ({ decisions: decisions(), minutes: minutes.trim() || null, nextSteps: nextSteps.trim() || null });

  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as ConferenceView);
  };
  const save = useMutation({
    mutationFn: () => api.put<ConferenceView>(`/api/conferences/${c.id}`, { version: c.version, ...body() }),
    onSuccess: (updated) => {
      setSaved(true);
      queryClient.setQueryData(conferenceKey(c.id), updated);
    },
    onError,
  });
  const close = useMutation({
    mutationFn: async () => {
      const stored = await api.put<ConferenceView>(`/api/conferences/${c.id}`, { version: c.version, ...body() });
      return api.post<ConferenceView>(`/api/conferences/${c.id}/close`, {
        version: stored.version,
        outcome,
        exitReason: outcome === 'close_case' ? exitReason : null,
        exitDate: outcome === 'close_case' ? exitDate : null,
      });
    },
    onSuccess: async (closed) => {
      onClosed(closed);
      queryClient.setQueryData(conferenceKey(c.id), closed);
      await queryClient.invalidateQueries({ queryKey: weekKey });
    },
    onError: async (error) => {
      onError(error);
      // The minutes may have been stored before the close was refused.
      await queryClient.invalidateQueries({ queryKey: conferenceKey(c.id) });
    },
  });

  const tryClose = () => {
    setSaved(false);
    if (outcome === 'next_cycle' && c.agenda.some((item) => !perTask[item.taskId]?.decision))
      return setProblem(t('cycle.conference.decideEveryTask'));
    if (outcome === 'close_case' && (!exitReason || !exitDate)) return setProblem(t('cycle.conference.exitRequired'));
    setProblem(null);
    close.mutate();
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="lg">
        <section aria-labelledby="conference-agenda">
          <Title order={2} size="h3" id="conference-agenda" mb="xs">
            {t('cycle.conference.agenda')}
          </Title>
          <Stack gap="sm">
            {c.agenda.length === 0 && <Text size="sm">{t('cycle.conference.noTasks')}</Text>}
            {c.agenda.map((item) => {
              const value = perTask[item.taskId] ?? { decision: '' as TaskDecision, note: '' };
              const set = (patch: Partial<typeof value>) => setPerTask((all) => ({ ...all, [item.taskId]: { ...value, ...patch } }));
              const headingId = `agenda-${item.taskId}`;
              return (
                <Paper key={item.taskId} withBorder p="md" component="article" aria-labelledby={headingId}>
                  <Title order={3} size="h5" id={headingId}>
                    {stepTypeLabel(item.stepTypeLabels, lang)}
                    {item.text ? `: ${item.text}` : ''}
                  </Title>
                  <Text size="sm">
                    {t('cycle.status')}: {t(`cycle.stepStatuses.${item.status}`)} ·{' '}
                    {t('cycle.task.due', { date: formatDate(item.dueOn, lang) })}
                  </Text>
                  <Text size="sm" mb="xs">
                    {t('cycle.task.progressNote')}: {item.progressNote ?? '—'}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <NativeSelect
                      label={t('cycle.conference.decision')}
                      data={[
                        { value: '', label: t('cycle.conference.undecided') },
                        ...(['done', 'continue', 'drop'] as const).map((d) => ({ value: d, label: t(`cycle.decisions.${d}`) })),
                      ]}
                      value={value.decision}
                      onChange={(e) => set({ decision: e.currentTarget.value as TaskDecision })}
                    />
                    <TextInput
                      label={t('cycle.conference.note')}
                      value={value.note}
                      onChange={(e) => set({ note: e.currentTarget.value })}
                      maxLength={2000}
                    />
                  </SimpleGrid>
                </Paper>
              );
            })}
          </Stack>
        </section>

        <section aria-labelledby="conference-new-tasks">
          <Title order={2} size="h3" id="conference-new-tasks" mb="xs">
            {t('cycle.conference.newTasks')}
          </Title>
          <Stack gap="sm">
            {newTasks.map((task, index) => {
              const set = (patch: Partial<NewTask>) => setNewTasks((all) => all.map((n) => (n.key === task.key ? { ...n, ...patch } : n)));
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
                  <Button variant="subtle" size="xs" mt="xs" onClick={() => setNewTasks((all) => all.filter((n) => n.key !== task.key))}>
                    {t('cycle.conference.removeTask', { n: index + 1 })}
                  </Button>
                </Paper>
              );
            })}
            <Group>
              <Button
                variant="light"
                onClick={() => setNewTasks((all) => [...all, { key: Date.now(), stepTypeId: '', text: '', dueOn: '' }])}
              >
                {t('cycle.conference.addTask')}
              </Button>
            </Group>
          </Stack>
        </section>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Textarea
              label={t('cycle.conference.minutes')}
              value={minutes}
              onChange={(e) => setMinutes(e.currentTarget.value)}
              autosize
              minRows={3}
            />
            <Textarea
              label={t('cycle.conference.nextSteps')}
              value={nextSteps}
              onChange={(e) => setNextSteps(e.currentTarget.value)}
              autosize
              minRows={2}
            />
          </Stack>
        </Paper>

        {(save.error || close.error) && !conflict && <ErrorAlert error={close.error ?? save.error} />}
        {conflict && (
          <ConflictNotice
            rows={differingFields([
              { label: t('cycle.conference.minutes'), mine: minutes, current: conflict.minutes ?? '' },
              { label: t('cycle.conference.nextSteps'), mine: nextSteps, current: conflict.nextSteps ?? '' },
              {
                label: t('cycle.conference.decisionsHeading'),
                mine: String(decisions().length),
                current: String(conflict.decisions.length),
              },
            ])}
            onLoadCurrent={() => {
              // The 409 carries the appointment without its agenda: the agenda stays as loaded.
              const current = decisionsOf({ ...conflict, agenda: c.agenda });
              setPerTask(current.perTask);
              setNewTasks(current.newTasks);
              setMinutes(conflict.minutes ?? '');
              setNextSteps(conflict.nextSteps ?? '');
              void queryClient.invalidateQueries({ queryKey: conferenceKey(c.id) });
              setConflict(null);
            }}
          />
        )}
        {saved && !save.isPending && (
          <Alert color="green" variant="light" role="status">
            {t('common.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('cycle.conference.save')}
          </Button>
        </Group>

        {office && (
          <Paper withBorder p="md" component="section" aria-labelledby="conference-close">
            <Title order={2} size="h3" id="conference-close" mb="xs">
              {t('cycle.conference.closeHeading')}
            </Title>
            <Radio.Group label={t('cycle.conference.outcome')} value={outcome} onChange={(v) => setOutcome(v)}>
              <Stack gap="xs" mt="xs">
                <Radio
                  value="next_cycle"
                  label={t('cycle.conference.outcomes.next_cycle')}
                  description={t('cycle.conference.nextCycleHelp')}
                />
                <Radio
                  value="close_case"
                  label={t('cycle.conference.outcomes.close_case')}
                  description={t('cycle.conference.closeCaseHelp')}
                />
              </Stack>
            </Radio.Group>
            {outcome === 'close_case' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
                <NativeSelect
                  label={t('participants.exitReason')}
                  required
                  data={[
                    { value: '', label: t('common.choose') },
                    ...EXIT_REASONS.map((r) => ({ value: r, label: t(`exitReasons.${r}`) })),
                  ]}
                  value={exitReason}
                  onChange={(e) => setExitReason(e.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label={t('participants.exitDate')}
                  required
                  value={exitDate}
                  onChange={(e) => setExitDate(e.currentTarget.value)}
                />
              </SimpleGrid>
            )}
            {problem && (
              <Text c="red.9" size="sm" mt="sm" role="alert">
                {problem}
              </Text>
            )}
            <Group mt="md">
              <Button color="teal.9" onClick={tryClose} loading={close.isPending}>
                {t('cycle.conference.close')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </form>
  );
}
