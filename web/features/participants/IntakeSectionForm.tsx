import { Badge, Button, Group, Paper, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INTAKE_SECTIONS, type IntakeSection, type IntakeView } from '../../../server/modules/intake/intake.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm, type Form } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { intakeQueryKey } from './queries.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint @mantine/form itself uses
interface IntakeSectionFormProps<V extends Record<string, any>> {
  participantId: string;
  section: IntakeSection;
  intake: IntakeView | null;
  /** The form's values from the saved section data (undefined before its first save). */
  valuesOf: (data: Record<string, unknown> | undefined) => V;
  /** The section data the API takes, from the form's values. */
  dataOf: (values: V) => Record<string, unknown>;
  children: (form: Form<V>) => ReactNode;
}

/**
 * One section of the intake with its own Save: a long conversation is never lost
 * to a mistyped field elsewhere. Validated with the server's section schema; a 409
 * (someone saved the intake meanwhile) shows what differs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function IntakeSectionForm<V extends Record<string, any>>({
  participantId,
  section,
  intake,
  valuesOf,
  dataOf,
  children,
}: IntakeSectionFormProps<V>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = intake?.sections[section] as Record<string, unknown> | undefined;
  const [conflict, setConflict] = useState<IntakeView | null>(null);
  const form = useValidatedForm<V>(valuesOf(saved), (values) => schemaErrors(t, INTAKE_SECTIONS[section], dataOf(values)));
  const save = useMutation({
    mutationFn: (values: V) =>
      api.put<IntakeView>(`/api/participants/${participantId}/intake/${section}`, { data: dataOf(values), version: intake?.version }),
    onSuccess: (view) => {
      queryClient.setQueryData(intakeQueryKey(participantId), view);
      form.resetDirty();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) setConflict(error.current as IntakeView);
    },
  });
  const state = form.isDirty() ? 'unsaved' : saved ? 'saved' : 'empty';
  const headingId = `intake-${section}`;
  const mine = form.getValues();
  const theirs = conflict ? valuesOf(conflict.sections[section] as Record<string, unknown> | undefined) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={headingId}>
          {t(`intake.sections.${section}`)}
        </Title>
        <Badge color={state === 'saved' ? 'teal.9' : state === 'unsaved' ? 'red.9' : 'gray.7'} variant="filled" tt="none" miw="max-content">
          {t(`intake.state.${state}`)}
        </Badge>
      </Group>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        {save.error && !conflict && <ErrorAlert error={save.error} />}
        {conflict && theirs && (
          <ConflictNotice
            rows={differingFields(
              Object.keys(mine).map((key) => ({ label: key, mine: JSON.stringify(mine[key]), current: JSON.stringify(theirs[key]) })),
            )}
            onLoadCurrent={() => {
              queryClient.setQueryData(intakeQueryKey(participantId), conflict);
              form.setValues(theirs);
              form.resetDirty(theirs);
              setConflict(null);
            }}
          />
        )}
        {children(form)}
        <Button type="submit" mt="md" loading={save.isPending} aria-describedby={headingId}>
          {t('intake.saveSection')}
        </Button>
      </form>
    </Paper>
  );
}
