import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import type { StepStatus } from '../../../server/modules/plans/plans.schemas.ts';
import { stepTypeLabel, useApplicationCoaching, useStepTypes } from './queries.ts';

const COLOURS: Record<StepStatus, string> = { open: 'gray.7', in_progress: 'blue.8', done: 'teal.9', dropped: 'grape.9' };
const MARKS: Record<StepStatus, string> = { open: '○', in_progress: '◐', done: '✓', dropped: '–' };

/** The application coaching (CV folder, cover letter, online job search, interview training) as a checklist of the plan's steps. */
export function ApplicationCoaching({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation();
  const coaching = useApplicationCoaching(participantId);
  const types = useStepTypes();
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('jobs.coaching.hint')}{' '}
        <Anchor component={Link} to={`/participants/${participantId}?tab=plan`} size="sm">
          {t('jobs.coaching.toPlan')}
        </Anchor>
      </Text>
      {coaching.isPending && <Loading />}
      {coaching.error && <ErrorAlert error={coaching.error} />}
      {coaching.data && (
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('jobs.coaching.heading')}>
          {coaching.data.steps.map((step) => (
            <Group component="li" key={step.stepTypeKey} gap="xs" wrap="wrap">
              <Text span aria-hidden="true" fw={700} w="1.25rem" ta="center">
                {step.status ? MARKS[step.status] : '·'}
              </Text>
              <Text span size="sm" fw={600}>
                {stepTypeLabel(types.data, step.stepTypeKey, i18n.language)}
              </Text>
              {step.status ? (
                <Badge color={COLOURS[step.status]} variant="filled" tt="none" miw="max-content">
                  {t(`plan.statuses.${step.status}`)}
                </Badge>
              ) : (
                <Text span size="sm">
                  {t('jobs.coaching.notInPlan')}
                </Text>
              )}
              {step.dueOn && (
                <Text span size="sm">
                  {t('jobs.coaching.due', { date: formatDate(step.dueOn, i18n.language) })}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
