import { Alert, Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../../server/modules/offers/enrolments.schemas.ts';
import type { OfferView } from '../../../server/modules/offers/offers.schemas.ts';
import type { StepView } from '../../../server/modules/plans/plans.schemas.ts';
import { api, ApiError, type Page } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { offerKindLabel } from './labels.ts';
import { today } from './today.ts';

/** Enrols the participant in an offer for one step of the current plan; a full offer puts them on its waiting list. */
export function EnrolFromStep({ participantId, step, onDone }: { participantId: string; step: StepView; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [offerId, setOfferId] = useState('');
  // Offers still running, the step's provider first: that is usually the one meant.
  const offers = useQuery({
    queryKey: ['/api/offers', 'running'],
    queryFn: () => api.get<Page<OfferView>>('/api/offers', { from: today(), pageSize: 200, sort: 'startsOn' }),
  });
  const options = [...(offers.data?.items ?? [])].sort(
    (a, b) =>
      Number(b.providerOrganisationId === step.responsibleOrganisationId) -
      Number(a.providerOrganisationId === step.responsibleOrganisationId),
  );
  const enrol = useMutation({
    mutationFn: () => api.post<EnrolmentView>(`/api/offers/${offerId}/enrolments`, { participantId, planStepId: step.id }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['/api/participants', participantId] }),
        queryClient.invalidateQueries({ queryKey: ['/api/offers'] }),
      ]);
      onDone();
    },
  });
  const refusal = enrol.error instanceof ApiError && enrol.error.status === 400 ? enrol.error.fields : null;

  return (
    <Paper withBorder p="sm" mt="xs">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (offerId) enrol.mutate();
        }}
        aria-label={t('offers.enrol.formLabel', { step: step.text || step.stepTypeLabels.de })}
      >
        {refusal?.consent && (
          <Alert color="red" variant="light" role="alert" mb="sm" title={t('offers.enrol.noConsentTitle')}>
            {t('offers.enrol.noConsent')}
          </Alert>
        )}
        {enrol.error && !refusal?.consent && <ErrorAlert error={enrol.error} />}
        <NativeSelect
          label={t('offers.enrol.offer')}
          required
          value={offerId}
          onChange={(e) => setOfferId(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.choose') },
            ...options.map((o) => ({
              value: o.id,
              label: `${o.title} · ${offerKindLabel(t, o.kind)} · ${o.providerName} · ${formatDate(o.startsOn, i18n.language)} · ${
                o.freePlaces > 0 ? t('offers.enrol.free', { count: o.freePlaces }) : t('offers.enrol.full', { count: o.waiting })
              }`,
            })),
          ]}
        />
        <Group mt="sm">
          <Button type="submit" size="sm" loading={enrol.isPending} disabled={!offerId}>
            {t('offers.enrol.submit')}
          </Button>
          <Button variant="default" size="sm" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
