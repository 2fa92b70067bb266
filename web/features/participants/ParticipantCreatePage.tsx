import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DuplicateCandidate } from '../../../server/modules/duplicates/duplicates.schemas.ts';
import { ParticipantCreateInput, type ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { useCities } from '../../shared/api/cities.ts';
import { useFundingPeriods } from '../../shared/api/fundingPeriods.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { caseStatusLabel } from '../../shared/i18n/labels.ts';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';
import { lookForDuplicates } from './queries.ts';
import { PersonFields } from './PersonFields.tsx';
import { createInputOf, emptyCreate, type CreateValues } from './participantForm.ts';

/** A new participant: warned early about likely duplicates, and asked to confirm them on save. */
export function ParticipantCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const officeId = me.memberships.find((m) => m.role === 'case_manager')?.organisationId ?? '';
  const cities = useCities();
  const periods = useFundingPeriods();
  const [early, setEarly] = useState<DuplicateCandidate[]>([]);
  const [blocking, setBlocking] = useState<DuplicateCandidate[]>([]);
  const [acknowledged, setAcknowledged] = useState(false);
  const form = useValidatedForm<CreateValues>(emptyCreate, (values) =>
    schemaErrors(t, ParticipantCreateInput, createInputOf(values, officeId, [])),
  );

  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      api.post<ParticipantView>('/api/participants', createInputOf(values, officeId, acknowledged ? blocking.map((c) => c.id) : [])),
    onSuccess: async (participant) => {
      await queryClient.invalidateQueries({ queryKey: ['/api/participants'] });
      await navigate(`/participants/${participant.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) {
        setBlocking((error.current as { duplicates?: DuplicateCandidate[] } | undefined)?.duplicates ?? []);
        setAcknowledged(false);
      }
    },
  });
  const showError = create.error && !(create.error instanceof ApiError && create.error.status === 409);

  return (
    <>
      <PageHeader title={t('participantForm.createTitle')} />
      <Paper withBorder p="lg">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          {showError && <ErrorAlert error={create.error} />}
          <Title order={2} size="h4" mb="sm">
            {t('participants.person')}
          </Title>
          <PersonFields form={form} onIdentityBlur={() => void lookForDuplicates(form.getValues()).then(setEarly)} />
          {early.length > 0 && blocking.length === 0 && <DuplicateCandidates candidates={early} title={t('duplicateWarning.early')} />}
          <Title order={2} size="h4" mt="lg" mb="sm">
            {t('participants.case')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('participants.city')}
              required
              data={[{ value: '', label: t('common.choose') }, ...(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
              {...form.getInputProps('cityId')}
            />
            <NativeSelect
              label={t('participants.caseStatus')}
              data={(['invited', 'active'] as const).map((s) => ({ value: s, label: caseStatusLabel(t, s) }))}
              {...form.getInputProps('status')}
            />
            <TextInput label={t('participants.entryDate')} type="date" {...form.getInputProps('entryDate')} />
            <NativeSelect
              label={t('participants.fundingPeriod')}
              data={[
                { value: '', label: t('participantForm.notRecorded') },
                ...(periods.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              {...form.getInputProps('fundingPeriodId')}
            />
          </SimpleGrid>
          {blocking.length > 0 && (
            <DuplicateCandidates candidates={blocking} title={t('duplicateWarning.blocking')}>
              <Checkbox
                label={t('duplicateWarning.acknowledge')}
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              />
            </DuplicateCandidates>
          )}
          <Group mt="lg">
            <Button type="submit" loading={create.isPending} disabled={blocking.length > 0 && !acknowledged}>
              {t('common.create')}
            </Button>
            <Button component={Link} to="/participants" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}
