import { Button, Group, NativeSelect, Paper, Radio, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PLACEMENT_KINDS, PlacementCreateInput, type PlacementView } from '../../../server/modules/placements/placements.schemas.ts';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { placementKindLabel } from '../../shared/jobs/labels.ts';
import { proposalsKey, useEmployerOptions, vacancyKey } from '../../shared/jobs/queries.ts';
import { OTHER_EMPLOYER, placementInputOf, placementValuesFrom, type PlacementFormValues } from './placementForm.ts';
import { dueFollowUpsKey, placementsKey } from './queries.ts';

interface PlacementFormProps {
  participantId: string;
  /** Hired proposals that have no placement yet: the form can be filled in from one. */
  hired: ProposalView[];
  initial: PlacementFormValues;
  onDone: (placement: PlacementView | null) => void;
}

/** Recording a placement (Vermittlung): kind, first labour market, employer, start, hours, occupation. */
export function PlacementForm({ participantId, hired, initial, onDone }: PlacementFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const employers = useEmployerOptions();
  const form = useValidatedForm<PlacementFormValues>(initial, (values) => schemaErrors(t, PlacementCreateInput, placementInputOf(values)));
  const create = useMutation({
    mutationFn: (values: PlacementFormValues) =>
      api.post<PlacementView>(`/api/participants/${participantId}/placements`, placementInputOf(values)),
    onSuccess: async (placement) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: placementsKey(participantId) }),
        queryClient.invalidateQueries({ queryKey: ['/api/participants', participantId], exact: true }),
        queryClient.invalidateQueries({ queryKey: proposalsKey }),
        queryClient.invalidateQueries({ queryKey: dueFollowUpsKey }),
      ]);
      onDone(placement);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });

  async function takeFrom(proposalId: string) {
    const proposal = hired.find((p) => p.id === proposalId);
    if (!proposal) {
      form.setFieldValue('proposalId', '');
      return;
    }
    const vacancy = await queryClient
      .fetchQuery({ queryKey: vacancyKey(proposal.vacancyId), queryFn: () => api.get<VacancyView>(`/api/vacancies/${proposal.vacancyId}`) })
      .catch(() => undefined);
    form.setValues(placementValuesFrom(proposal, vacancy));
  }

  const values = form.getValues();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="placement-form-heading">
      <Title order={3} size="h5" id="placement-form-heading" mb="xs">
        {t('jobs.placement.record')}
      </Title>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate aria-labelledby="placement-form-heading">
        {create.error && !(create.error instanceof ApiError && create.error.status === 400) && <ErrorAlert error={create.error} />}
        {hired.length > 0 && (
          <NativeSelect
            label={t('jobs.placement.fromProposal')}
            mb="sm"
            data={[
              { value: '', label: t('jobs.placement.noProposal') },
              ...hired.map((p) => ({ value: p.id, label: `${p.vacancyTitle} – ${p.employerName}` })),
            ]}
            {...form.getInputProps('proposalId')}
            onChange={(e) => void takeFrom(e.currentTarget.value)}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('jobs.placement.kind')}
            required
            data={[
              { value: '', label: t('common.choose') },
              ...PLACEMENT_KINDS.map((k) => ({ value: k, label: placementKindLabel(t, k) })),
            ]}
            {...form.getInputProps('kind')}
          />
          <Radio.Group label={t('jobs.placement.firstLabourMarket')} required {...form.getInputProps('firstLabourMarket')}>
            <Group mt={6}>
              <Radio value="yes" label={t('common.yes')} />
              <Radio value="no" label={t('common.no')} />
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('jobs.placement.employer')}
            data={[
              { value: '', label: t('jobs.placement.noEmployer') },
              ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name })),
              { value: OTHER_EMPLOYER, label: t('jobs.placement.otherEmployer') },
            ]}
            {...form.getInputProps('employer')}
          />
          {values.employer === OTHER_EMPLOYER || form.errors.employerName ? (
            <TextInput label={t('jobs.placement.employerName')} required {...form.getInputProps('employerName')} />
          ) : (
            <div />
          )}
          <TextInput label={t('jobs.placement.occupation')} required {...form.getInputProps('occupation')} />
          <TextInput label={t('jobs.placement.startsOn')} type="date" required {...form.getInputProps('startsOn')} />
          <TextInput label={t('jobs.placement.hoursPerWeek')} inputMode="decimal" {...form.getInputProps('hoursPerWeek')} />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={create.isPending}>
            {t('jobs.placement.save')}
          </Button>
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
