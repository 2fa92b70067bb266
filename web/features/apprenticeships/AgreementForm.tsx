import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  AgreementCreateInput,
  AgreementUpdateInput,
  type AgreementView,
} from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { LIST_PATH, useHelpers } from './queries.ts';

interface Values {
  companyContactUserId: string;
  companyContactName: string;
  vocationalSchool: string;
  occupation: string;
  startsOn: string;
  plannedEndOn: string;
  nextCheckInOn: string;
}

const valuesOf = (a: Partial<AgreementView>): Values => ({
  companyContactUserId: a.companyContactUserId ?? '',
  companyContactName: a.companyContactName ?? '',
  vocationalSchool: a.vocationalSchool ?? '',
  occupation: a.occupation ?? '',
  startsOn: a.startsOn ?? '',
  plannedEndOn: a.plannedEndOn ?? '',
  nextCheckInOn: a.nextCheckInOn ?? '',
});
const inputOf = (v: Values) => ({
  companyContactUserId: v.companyContactUserId || null,
  companyContactName: v.companyContactName,
  vocationalSchool: v.vocationalSchool,
  occupation: v.occupation,
  startsOn: v.startsOn,
  plannedEndOn: v.plannedEndOn,
  nextCheckInOn: v.nextCheckInOn || null,
});

/**
 * The agreement's own fields: creating one for an apprenticeship placement (`placementId`),
 * or editing one (`agreement`, saved with its version: a stale save is refused).
 */
export function AgreementForm({
  employerId,
  placementId,
  agreement,
  initial,
  onDone,
}: {
  employerId: string;
  placementId?: string;
  agreement?: AgreementView;
  initial?: Partial<AgreementView>;
  onDone: (saved: AgreementView) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const helpers = useHelpers(employerId);
  const body = (v: Values) => (agreement ? { ...inputOf(v), version: agreement.version } : { ...inputOf(v), placementId, needs: [] });
  const form = useValidatedForm<Values>(valuesOf(agreement ?? initial ?? {}), (v) =>
    schemaErrors(t, agreement ? AgreementUpdateInput : AgreementCreateInput, body(v)),
  );
  const save = useMutation({
    mutationFn: (v: Values) =>
      agreement ? api.patch<AgreementView>(`${LIST_PATH}/${agreement.id}`, body(v)) : api.post<AgreementView>(LIST_PATH, body(v)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: [LIST_PATH] });
      await queryClient.invalidateQueries({ queryKey: ['/api/participants', saved.participantId, 'apprenticeships'] });
      onDone(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && agreement)
        void queryClient.invalidateQueries({ queryKey: [LIST_PATH, agreement.id] });
    },
  });
  const label = agreement ? t('apprenticeships.page.edit') : t('apprenticeships.create.heading');
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={label}>
      {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('apprenticeships.fields.companyContactUser')}
          data={[{ value: '', label: '—' }, ...(helpers.data?.companyContacts ?? []).map((p) => ({ value: p.id, label: p.displayName }))]}
          {...form.getInputProps('companyContactUserId')}
        />
        <TextInput label={t('apprenticeships.fields.companyContactName')} {...form.getInputProps('companyContactName')} />
        <TextInput label={t('apprenticeships.fields.vocationalSchool')} required {...form.getInputProps('vocationalSchool')} />
        <TextInput label={t('apprenticeships.fields.occupation')} required {...form.getInputProps('occupation')} />
        <TextInput label={t('apprenticeships.fields.startsOn')} type="date" required {...form.getInputProps('startsOn')} />
        <TextInput label={t('apprenticeships.fields.plannedEndOn')} type="date" required {...form.getInputProps('plannedEndOn')} />
        <TextInput label={t('apprenticeships.fields.nextCheckInOn')} type="date" {...form.getInputProps('nextCheckInOn')} />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit" loading={save.isPending}>
          {agreement ? t('common.save') : t('apprenticeships.create.save')}
        </Button>
      </Group>
    </form>
  );
}
