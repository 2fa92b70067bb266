import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceView, Decision } from '../../../server/modules/appointments/appointments.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { isCaseManager, stepTypeLabel } from './cycleFormat.ts';
import { CloseConference, type CloseInput } from './CloseConference.tsx';
import { NewTaskRows, type NewTask } from './NewTaskRows.tsx';
import { conferenceKey, weekKey } from './queries.ts';

type TaskDecision = '' | 'done' | 'continue' | 'drop';

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
  const lang = i18n.language;
  const initial = decisionsOf(c);
  const [perTask, setPerTask] = useState(initial.perTask);
  const [newTasks, setNewTasks] = useState<NewTask[]>(initial.newTasks);
  const [minutes, setMinutes] = useState(c.minutes ?? '');
  const [nextSteps, setNextSteps] = useState(c.nextSteps ?? '');
  const [conflict, setConflict] = useState<ConferenceView | null>(null);
  const [saved, setSaved] = useState(false);
  const office = isCaseManager(me);

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
    // The form is stored first, so that the decisions on screen are the ones the close acts on.
    mutationFn: async (input: CloseInput) => {
      const stored = await api.put<ConferenceView>(`/api/conferences/${c.id}`, { version: c.version, ...body() });
      return api.post<ConferenceView>(`/api/conferences/${c.id}/close`, { version: stored.version, ...input });
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

        <NewTaskRows rows={newTasks} onChange={setNewTasks} />

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
              const current = decisionsOf(conflict);
              setPerTask(current.perTask);
              setNewTasks(current.newTasks);
              setMinutes(conflict.minutes ?? '');
              setNextSteps(conflict.nextSteps ?? '');
              queryClient.setQueryData(conferenceKey(c.id), conflict);
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
          <CloseConference
            allDecided={c.agenda.every((item) => !!perTask[item.taskId]?.decision)}
            pending={close.isPending}
            onClose={(input) => {
              setSaved(false);
              close.mutate(input);
            }}
          />
        )}
      </Stack>
    </form>
  );
}
