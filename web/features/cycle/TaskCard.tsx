import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_STATUSES, type StepStatus } from '../../../server/modules/plans/plans.schemas.ts';
import type { ReferralView, TaskView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { isOverdue, stepTypeLabel, todayIso } from './cycleFormat.ts';
import { referralKey, weekKey } from './queries.ts';

/** One task of the referral: its status and progress note, editable by the caseworker and the office while it runs. */
export function TaskCard({ referralId, task, editable }: { referralId: string; task: TaskView; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StepStatus>(task.status);
  const [note, setNote] = useState(task.progressNote ?? '');
  const [version, setVersion] = useState(task.version);
  const [conflict, setConflict] = useState<TaskView | null>(null);
  const [saved, setSaved] = useState(false);
  const label = stepTypeLabel(task.stepTypeLabels, i18n.language);
  const headingId = `task-${task.id}`;

  const save = useMutation({
    mutationFn: () =>
      api.patch<TaskView>(`/api/referral-tasks/${task.id}`, { version, status, progressNote: note.trim() ? note.trim() : null }),
    onSuccess: async (updated) => {
      setVersion(updated.version);
      setConflict(null);
      setSaved(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: referralKey(referralId) }),
        queryClient.invalidateQueries({ queryKey: weekKey }),
      ]);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as TaskView);
    },
  });

  const replaceCached = (current: TaskView) =>
    queryClient.setQueryData<ReferralView>(referralKey(referralId), (r) =>
      r ? { ...r, tasks: r.tasks.map((x) => (x.id === current.id ? current : x)) } : r,
    );

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {label}
        {task.text ? `: ${task.text}` : ''}
      </Title>
      <Text size="sm" mb="xs">
        {t('cycle.task.due', { date: formatDate(task.dueOn, i18n.language) })}
        {task.status !== 'done' && task.status !== 'dropped' && isOverdue(task.dueOn, todayIso()) && (
          <Text span fw={700} c="red.9">
            {` (${t('cycle.overdue')})`}
          </Text>
        )}
        {' · '}
        {t('cycle.task.updated', { date: formatDateTime(task.updatedAt, i18n.language) })}
      </Text>
      {!editable ? (
        <Stack gap={4}>
          <Text size="sm">
            <strong>{t('cycle.status')}:</strong> {t(`cycle.stepStatuses.${task.status}`)}
          </Text>
          <Text size="sm">
            <strong>{t('cycle.task.progressNote')}:</strong> {task.progressNote ?? '—'}
          </Text>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            save.mutate();
          }}
          noValidate
        >
          {save.error && !conflict && <ErrorAlert error={save.error} />}
          {conflict && (
            <ConflictNotice
              rows={differingFields([
                { label: t('cycle.status'), mine: t(`cycle.stepStatuses.${status}`), current: t(`cycle.stepStatuses.${conflict.status}`) },
                { label: t('cycle.task.progressNote'), mine: note, current: conflict.progressNote ?? '' },
              ])}
              onLoadCurrent={() => {
                setStatus(conflict.status);
                setNote(conflict.progressNote ?? '');
                setVersion(conflict.version);
                replaceCached(conflict);
                setConflict(null);
              }}
            />
          )}
          {saved && (
            <Alert color="green" variant="light" role="status" mb="sm">
              {t('common.saved')}
            </Alert>
          )}
          <Stack gap="sm">
            <NativeSelect
              label={t('cycle.status')}
              data={STEP_STATUSES.map((s) => ({ value: s, label: t(`cycle.stepStatuses.${s}`) }))}
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as StepStatus)}
            />
            <Textarea
              label={t('cycle.task.progressNote')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={4000}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('cycle.task.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
