import { Button, Checkbox, Group, Radio, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CheckInInput,
  HELD_WITH,
  SIGNALS,
  type AgreementView,
  type Signal,
} from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { heldWithLabel, signalLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { agreementKey, LIST_PATH } from './queries.ts';

interface Values {
  heldOn: string;
  heldWith: string;
  notes: string;
  signals: Signal[];
  nextCheckInOn: string;
}
const today = () => new Date().toISOString().slice(0, 10);
const inputOf = (v: Values) => ({ ...v, nextCheckInOn: v.nextCheckInOn || null });

/** A check-in with the apprentice, the company or both: notes for the team, the signals seen, the next date. */
export function CheckInForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useValidatedForm<Values>({ heldOn: today(), heldWith: 'both', notes: '', signals: [], nextCheckInOn: '' }, (v) =>
    schemaErrors(t, CheckInInput, inputOf(v)),
  );
  const save = useMutation({
    mutationFn: (v: Values) => api.post<AgreementView>(`/api/apprenticeships/${agreement.id}/check-ins`, inputOf(v)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(agreementKey(agreement.id), saved);
      await queryClient.invalidateQueries({ queryKey: [LIST_PATH], exact: false, refetchType: 'none' });
      form.reset();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={t('apprenticeships.checkIns.record')}>
      {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('apprenticeships.checkIns.heldOn')} type="date" required max={today()} {...form.getInputProps('heldOn')} />
        <Radio.Group label={t('apprenticeships.checkIns.heldWith')} required {...form.getInputProps('heldWith')}>
          <Group mt={6}>
            {HELD_WITH.map((w) => (
              <Radio key={w} value={w} label={heldWithLabel(t, w)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput label={t('apprenticeships.checkIns.nextCheckInOn')} type="date" {...form.getInputProps('nextCheckInOn')} />
      </SimpleGrid>
      <Checkbox.Group label={t('apprenticeships.checkIns.signals')} mt="sm" {...form.getInputProps('signals')}>
        <Group mt={6}>
          {SIGNALS.map((s) => (
            <Checkbox key={s} value={s} label={signalLabel(t, s)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea label={t('apprenticeships.checkIns.notes')} autosize minRows={2} mt="sm" {...form.getInputProps('notes')} />
      <Group mt="sm">
        <Button type="submit" loading={save.isPending}>
          {t('apprenticeships.checkIns.save')}
        </Button>
      </Group>
    </form>
  );
}
