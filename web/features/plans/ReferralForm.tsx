import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CONSENT_CATEGORIES } from '../../../server/modules/consents/consents.schemas.ts';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { ReferralCreateInput, type ReferralView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm, type FormErrors } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { AddedTasks } from './AddedTasks.tsx';
import { addMonths, referralsQueryKey, stepTypeLabel, today, useCycleMonths, usePartners, usePlan, useStepTypes } from './queries.ts';

export interface AddedTask {
  key: string;
  stepTypeId: string;
  text: string;
  dueOn: string;
}

export interface ReferralValues {
  partnerOrganisationId: string;
  startsOn: string;
  endsOn: string;
  categories: string[];
  /** Lineage ids of the current plan's steps taken as tasks. */
  planSteps: string[];
  tasks: AddedTask[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  message: string;
}

/**
 * A new referral (Überleitung) to a partner: the period, the data categories, the tasks
 * from the current plan and added ones, the contact and a message. Saved as a draft; the
 * consent is checked when it is sent.
 */
export function ReferralForm({ participant, onDone }: { participant: ParticipantView; onDone: (created: ReferralView | null) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const partners = usePartners();
  const stepTypes = useStepTypes();
  const plan = usePlan(participant.id);
  const cycleMonths = useCycleMonths();
  // Steps done or dropped are not handed on.
  const planSteps = (plan.data?.current?.goals ?? []).flatMap((g) =>
    g.steps.filter((s) => s.status === 'open' || s.status === 'in_progress').map((s) => ({ ...s, goalTitle: g.title })),
  );

  const inputOf = (v: ReferralValues) => ({
    partnerOrganisationId: v.partnerOrganisationId || undefined,
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
    categories: v.categories,
    tasks: [
      ...planSteps
        .filter((s) => v.planSteps.includes(s.lineageId))
        .map((s) => ({ stepLineageId: s.lineageId, stepTypeId: s.stepTypeId, text: s.text, dueOn: s.dueOn })),
      ...v.tasks.map((task) => ({ stepTypeId: task.stepTypeId, text: task.text, dueOn: task.dueOn || null })),
    ],
    contactName: v.contactName.trim() || null,
    contactPhone: v.contactPhone.trim() || null,
    contactEmail: v.contactEmail.trim() || null,
    message: v.message.trim() || null,
  });
  // The body's tasks are the plan's chosen steps, then the added ones: errors of an added task point at its row.
  const relocate = (errors: FormErrors, selected: number): FormErrors =>
    Object.fromEntries(
      Object.entries(errors).map(([path, message]) => {
        const match = /^tasks\.(\d+)\.(.+)$/.exec(path);
        if (!match) return [path, message];
        const index = Number(match[1]) - selected;
        return [index >= 0 ? `tasks.${index}.${match[2]}` : 'planSteps', message];
      }),
    );

  const start = today();
  const form = useValidatedForm<ReferralValues>(
    {
      partnerOrganisationId: '',
      startsOn: start,
      endsOn: addMonths(start, cycleMonths),
      categories: [],
      planSteps: [],
      tasks: [],
      contactName: '',
      contactPhone: '',
      contactEmail: '',
      message: '',
    },
    (values) => {
      const errors = relocate(schemaErrors(t, ReferralCreateInput, inputOf(values)), values.planSteps.length);
      if (errors.tasks) errors.tasks = t('referralsTab.tasksRequired');
      return errors;
    },
  );
  const create = useMutation({
    mutationFn: (values: ReferralValues) => api.post<ReferralView>(`/api/participants/${participant.id}/referrals`, inputOf(values)),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: referralsQueryKey(participant.id) });
      onDone(created);
    },
    onError: (error, values) => {
      if (error instanceof ApiError && error.status === 400)
        form.setErrors(relocate(serverErrors(t, error.fields), values.planSteps.length));
    },
  });
  const typeOptions = [
    { value: '', label: t('common.choose') },
    ...(stepTypes.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: stepTypeLabel(s.labels, i18n.language, s.key) })),
  ];
  const values = form.getValues();
  const startsOnProps = form.getInputProps('startsOn');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="referral-form-heading">
      <Title order={2} size="h4" id="referral-form-heading" mb="xs">
        {t('referralsTab.formHeading')}
      </Title>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate aria-labelledby="referral-form-heading">
        {create.error && <ErrorAlert error={create.error} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('referralsTab.partner')}
            required
            data={[{ value: '', label: t('common.choose') }, ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            {...form.getInputProps('partnerOrganisationId')}
            onChange={(e) => {
              const partner = e.currentTarget.value;
              form.setFieldValue('partnerOrganisationId', partner);
              // The plan's open steps this partner is responsible for are offered as its tasks.
              if (values.planSteps.length === 0)
                form.setFieldValue(
                  'planSteps',
                  planSteps
                    .filter((s) => s.responsibleOrganisationId === partner && (s.status === 'open' || s.status === 'in_progress'))
                    .map((s) => s.lineageId),
                );
            }}
          />
          <TextInput
            label={t('referralsTab.startsOn')}
            type="date"
            required
            {...startsOnProps}
            onChange={(e) => {
              const next = e.currentTarget.value;
              // The end follows the start while it is still the default.
              if (!values.endsOn || values.endsOn === addMonths(values.startsOn, cycleMonths))
                form.setFieldValue('endsOn', next ? addMonths(next, cycleMonths) : '');
              form.setFieldValue('startsOn', next);
            }}
          />
          <TextInput
            label={t('referralsTab.endsOn')}
            description={t('referralsTab.endsOnHelp')}
            type="date"
            {...form.getInputProps('endsOn')}
          />
        </SimpleGrid>
        <Checkbox.Group label={t('referralsTab.categories')} required mt="sm" {...form.getInputProps('categories')}>
          <Group gap="md" mt={4}>
            {CONSENT_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`consent.categories.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('referralsTab.planTasks')} mt="md" {...form.getInputProps('planSteps')}>
          <Stack gap={6} mt={4}>
            {planSteps.length === 0 && <Text size="sm">{t('referralsTab.noPlanSteps')}</Text>}
            {planSteps.map((s) => (
              <Checkbox
                key={s.lineageId}
                value={s.lineageId}
                label={`${stepTypeLabel(s.stepTypeLabels, i18n.language, s.stepTypeKey)}${s.text ? ` – ${s.text}` : ''} (${s.goalTitle}; ${s.responsibleOrganisationName})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <AddedTasks form={form} typeOptions={typeOptions} />
        {form.errors.tasks && (
          <Text c="red.9" size="sm" mt="xs" role="alert">
            {form.errors.tasks}
          </Text>
        )}
        {form.errors.planSteps && (
          <Text c="red.9" size="sm" mt="xs" role="alert">
            {form.errors.planSteps}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
          <TextInput
            label={t('referralsTab.contactName')}
            description={t('referralsTab.contactHelp')}
            {...form.getInputProps('contactName')}
          />
          <TextInput label={t('referralsTab.contactPhone')} type="tel" {...form.getInputProps('contactPhone')} />
          <TextInput label={t('referralsTab.contactEmail')} type="email" {...form.getInputProps('contactEmail')} />
        </SimpleGrid>
        <Textarea label={t('referralsTab.message')} autosize minRows={2} mt="sm" {...form.getInputProps('message')} />
        <Group mt="md">
          <Button type="submit" loading={create.isPending}>
            {t('referralsTab.createDraft')}
          </Button>
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
