import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanDiff, StepStatus } from '../../../server/modules/plans/plans.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { stepStatusLabel, stepTypeLabel, useStepTypes } from './queries.ts';

type Change = PlanDiff['goals'][number]['change'];
type FieldChange = PlanDiff['goals'][number]['changes'][number];

/** Each change says what it is in words, the colour only repeats it. */
const CHANGE_COLOURS: Record<Change, string> = { added: 'teal.9', removed: 'red.9', changed: 'violet.9', unchanged: 'gray.7' };

function ChangeBadge({ change }: { change: Change }) {
  const { t } = useTranslation();
  return (
    <Badge color={CHANGE_COLOURS[change]} variant="filled" tt="none" miw="max-content">
      {t(`plan.changes.${change}`)}
    </Badge>
  );
}

/** What changed from one plan version to the next: goals and steps added, removed or changed, field by field. */
export function PlanDiffView({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const stepTypes = useStepTypes();
  const diff = useQuery({ queryKey: ['/api/plan-diff', from, to], queryFn: () => api.get<PlanDiff>('/api/plan-diff', { from, to }) });
  if (diff.isPending) return <Loading />;
  if (diff.error) return <ErrorAlert error={diff.error} />;
  const typeLabel = (key: string) => stepTypeLabel(stepTypes.data?.find((s) => s.key === key)?.labels, i18n.language, key);
  const anyChange = diff.data.goals.some((g) => g.change !== 'unchanged');
  return (
    <section aria-labelledby={`diff-${to}`}>
      <Title order={3} size="h5" id={`diff-${to}`} mb="xs">
        {t('plan.diffHeading', { from: diff.data.from.number, to: diff.data.to.number })}
      </Title>
      {!anyChange && <Text size="sm">{t('plan.diffNone')}</Text>}
      <Stack gap="sm">
        {diff.data.goals.map((goal) => (
          <div key={goal.lineageId}>
            <Group gap="xs">
              <ChangeBadge change={goal.change} />
              <Text fw={600} td={goal.change === 'removed' ? 'line-through' : undefined}>
                {t('plan.goal')}: {goal.title}
              </Text>
            </Group>
            <ChangeList changes={goal.changes} format={(c) => describe(t, i18n.language, c, typeLabel)} />
            <List spacing={4} ms="lg" mt={4} listStyleType="none">
              {goal.steps.map((step) => (
                <List.Item key={step.lineageId}>
                  <Group gap="xs">
                    <ChangeBadge change={step.change} />
                    <Text size="sm" td={step.change === 'removed' ? 'line-through' : undefined}>
                      {typeLabel(step.stepTypeKey)}
                      {step.text && ` – ${step.text}`}
                    </Text>
                  </Group>
                  <ChangeList changes={step.changes} format={(c) => describe(t, i18n.language, c, typeLabel)} />
                </List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
    </section>
  );
}

function ChangeList({ changes, format }: { changes: FieldChange[]; format: (c: FieldChange) => string }) {
  if (changes.length === 0) return null;
  return (
    <List size="sm" ms="lg" mt={2}>
      {changes.map((c) => (
        <List.Item key={c.field}>{format(c)}</List.Item>
      ))}
    </List>
  );
}

const FIELDS = ['title', 'stepTypeKey', 'text', 'responsibleOrganisationName', 'dueOn', 'status', 'statusNote'] as const;

/** "Stand: offen → erledigt", with codes and dates in words of the UI language. */
function describe(t: TFunction, language: string, change: FieldChange, typeLabel: (key: string) => string): string {
  const field = (FIELDS as readonly string[]).includes(change.field)
    ? t(`plan.fields.${change.field as (typeof FIELDS)[number]}`)
    : change.field;
  const value = (v: unknown): string => {
    // The diff's values are strings (or null): texts, codes and dates.
    const text = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    if (text === '') return t('plan.empty');
    if (change.field === 'status') return stepStatusLabel(t, text as StepStatus);
    if (change.field === 'dueOn') return formatDate(text, language);
    if (change.field === 'stepTypeKey') return typeLabel(text);
    return text;
  };
  return t('plan.changeFromTo', { field, before: value(change.before), after: value(change.after) });
}
