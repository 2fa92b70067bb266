import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnrolmentView } from '../../../server/modules/offers/enrolments.schemas.ts';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import type { PlanOverview } from '../../../server/modules/plans/plans.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { EnrolFromStep } from './EnrolFromStep.tsx';
import { EnrolmentEndForm } from './EnrolmentEndForm.tsx';
import { StateBadge } from './EnrolmentsSection.tsx';
import { useParticipantEnrolments } from './queries.ts';

/** The case file's offers: the participant's enrolments, and the current plan's open steps, each with "enrol". */
export function OffersTab({ participant }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const enrolments = useParticipantEnrolments(participant.id);
  const plan = useQuery({
    queryKey: ['/api/participants', participant.id, 'plan'],
    queryFn: () => api.get<PlanOverview>(`/api/participants/${participant.id}/plan`),
  });
  const [enrolling, setEnrolling] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const steps = (plan.data?.current?.goals ?? []).flatMap((g) => g.steps).filter((s) => s.status === 'open' || s.status === 'in_progress');
  const rows = enrolments.data ?? [];
  const columns: Column<EnrolmentView>[] = [
    {
      key: 'offer',
      header: t('offers.field.title'),
      render: (e) => (
        <Anchor component={Link} to={`/offers/${e.offerId}`}>
          {e.offerTitle}
        </Anchor>
      ),
    },
    { key: 'provider', header: t('offers.field.provider'), render: (e) => e.providerName },
    {
      key: 'dates',
      header: t('offers.field.dates'),
      render: (e) => `${formatDate(e.offerStartsOn, i18n.language)} – ${formatDate(e.offerEndsOn, i18n.language)}`,
    },
    { key: 'state', header: t('offers.enrolment.state'), render: (e) => <StateBadge enrolment={e} /> },
    { key: 'certificate', header: t('offers.end.certificate'), render: (e) => (e.certificate ? e.certificateName : '—') },
    {
      key: 'actions',
      header: t('offers.enrolment.actions'),
      render: (e) =>
        (e.state === 'enrolled' || e.state === 'waiting') && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setCancelling(e.id)}
            aria-label={`${t('offers.end.cancel')}: ${e.offerTitle}`}
          >
            {t('offers.end.cancel')}
          </Button>
        ),
    },
  ];
  const cancelled = rows.find((e) => e.id === cancelling);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="enrolments-heading">
        <Title order={2} size="h4" id="enrolments-heading" mb="xs">
          {t('offers.tab.enrolments')}
        </Title>
        {enrolments.error && <ErrorAlert error={enrolments.error} />}
        {rows.length === 0 && !enrolments.isPending ? (
          <Text>{t('offers.tab.none')}</Text>
        ) : (
          <DataTable caption={t('offers.tab.enrolments')} columns={columns} rows={rows} rowKey={(e) => e.id} minWidth={720} />
        )}
        {cancelled && <EnrolmentEndForm key={cancelled.id} enrolment={cancelled} ending="cancel" onDone={() => setCancelling(null)} />}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="enrol-steps-heading">
        <Title order={2} size="h4" id="enrol-steps-heading" mb="xs">
          {t('offers.tab.fromPlan')}
        </Title>
        {plan.error && <ErrorAlert error={plan.error} />}
        {steps.length === 0 && !plan.isPending && <Text>{t('offers.tab.noSteps')}</Text>}
        <Stack gap="xs">
          {steps.map((step) => (
            <div key={step.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text>
                  <strong>{step.stepTypeLabels[i18n.language as 'de'] || step.stepTypeLabels.de}</strong>
                  {step.text && ` – ${step.text}`} ({step.responsibleOrganisationName})
                </Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  miw="max-content"
                  onClick={() => setEnrolling(step.id)}
                  aria-label={`${t('offers.enrol.action')}: ${step.text}`}
                >
                  {t('offers.enrol.action')}
                </Button>
              </Group>
              {enrolling === step.id && <EnrolFromStep participantId={participant.id} step={step} onDone={() => setEnrolling(null)} />}
            </div>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
