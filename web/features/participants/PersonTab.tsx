import { Alert, Button, Group, Paper, SimpleGrid } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../server/modules/duplicates/duplicates.schemas.ts';
import { ParticipantUpdateInput, type ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';
import { FactsTable } from './FactsTable.tsx';
import { PersonFields } from './PersonFields.tsx';
import { participantFacts } from './participantFacts.ts';
import { personInputOf, personValuesOf, type PersonValues } from './participantForm.ts';
import { lookForDuplicates, participantQueryKey } from './queries.ts';

/** The person's facts, and their edit form; a 409 shows what changed meanwhile. */
/** A form value as the conflict notice shows it. */
function shown(value: PersonValues[keyof PersonValues]): string {
  if (Array.isArray(value)) return value.map((l) => `${l.language} ${l.level}`).join(', ');
  return String(value);
}

export function PersonTab({ participant }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<ParticipantView | null>(null);
  const [version, setVersion] = useState(participant.version);
  const [lookalikes, setLookalikes] = useState<DuplicateCandidate[]>([]);
  const form = useValidatedForm<PersonValues>(personValuesOf(participant), (values) =>
    schemaErrors(t, ParticipantUpdateInput, { ...personInputOf(values), version }),
  );
  const save = useMutation({
    mutationFn: (values: PersonValues) =>
      api.patch<ParticipantView>(`/api/participants/${participant.id}`, { ...personInputOf(values), version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(participantQueryKey(participant.id), updated);
      setVersion(updated.version);
      setEditing(false);
      setSaved(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) setConflict(error.current as ParticipantView);
    },
  });
  const groups = participantFacts(t, participant, i18n.language).slice(0, 3);

  if (!editing)
    return (
      <>
        {saved && (
          <Alert color="green" variant="light" role="status" mb="md">
            {t('common.saved')}
          </Alert>
        )}
        <Button
          mb="md"
          onClick={() => {
            form.setValues(personValuesOf(participant));
            setVersion(participant.version);
            setSaved(false);
            setEditing(true);
          }}
        >
          {t('participantForm.edit')}
        </Button>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {groups.map((group) => (
            <FactsTable key={group.heading} group={group} />
          ))}
        </SimpleGrid>
      </>
    );

  const mine = form.getValues();
  const theirs = conflict ? personValuesOf(conflict) : null;
  return (
    <Paper withBorder p="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        {save.error && !conflict && <ErrorAlert error={save.error} />}
        {conflict && theirs && (
          <ConflictNotice
            rows={differingFields(
              (Object.keys(mine) as (keyof PersonValues)[]).map((key) => ({
                label: t(`participantForm.fields.${key}`),
                mine: shown(mine[key]),
                current: shown(theirs[key]),
              })),
            )}
            onLoadCurrent={() => {
              form.setValues(theirs);
              setVersion(conflict.version);
              queryClient.setQueryData(participantQueryKey(participant.id), conflict);
              setConflict(null);
            }}
          />
        )}
        <PersonFields form={form} onIdentityBlur={() => void lookForDuplicates(form.getValues(), participant.id).then(setLookalikes)} />
        {lookalikes.length > 0 && <DuplicateCandidates candidates={lookalikes} title={t('duplicateWarning.early')} />}
        <Group mt="lg">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
