import { Button, Group, Modal, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PlanFinaliseInput } from '../../../server/modules/plans/plans.schemas.ts';
import { ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { today } from './queries.ts';

interface FinaliseValues {
  discussedOn: string;
  attendees: string;
}

/** "Finalise with the participant": the day the plan was discussed and who took part. */
export function FinaliseDialog({
  opened,
  onClose,
  onFinalise,
}: {
  opened: boolean;
  onClose: () => void;
  onFinalise: (body: FinaliseValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useValidatedForm<FinaliseValues>({ discussedOn: today(), attendees: '' }, (values) =>
    schemaErrors(t, PlanFinaliseInput, { ...values, version: 1 }),
  );
  const finalise = useMutation({
    mutationFn: onFinalise,
    onSuccess: () => {
      form.reset();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  const needsStep = finalise.error instanceof ApiError && finalise.error.status === 400 && 'goals' in finalise.error.fields;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('plan.finaliseTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      <form onSubmit={form.onSubmit((values) => finalise.mutate(values))} noValidate>
        <Text size="sm" mb="sm">
          {t('plan.finaliseText')}
        </Text>
        {finalise.error && !needsStep && <ErrorAlert error={finalise.error} />}
        {needsStep && (
          <Text c="red.9" size="sm" role="alert" mb="sm">
            {t('plan.needsStep')}
          </Text>
        )}
        <TextInput label={t('plan.discussedOn')} type="date" required max={today()} mb="sm" {...form.getInputProps('discussedOn')} />
        <Textarea
          label={t('plan.attendees')}
          description={t('plan.attendeesHelp')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('attendees')}
        />
        <Group mt="md">
          <Button type="submit" loading={finalise.isPending}>
            {t('plan.confirmFinalise')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
