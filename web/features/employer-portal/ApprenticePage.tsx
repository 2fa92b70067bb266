import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  HelpRequestInput,
  type CompanyAgreementView,
  type HelpRequestView,
} from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { CheckInList } from '../../shared/apprenticeships/CheckInList.tsx';
import { Section } from '../../shared/apprenticeships/Section.tsx';
import { areaLabel, helperKindLabel, statusLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';

/** One apprentice as the company sees them: the agreement, the needs, the check-ins, and a request for help. */
export function ApprenticePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const key = ['/api/employer/apprentices', id];
  const agreement = useQuery({ queryKey: key, queryFn: () => api.get<CompanyAgreementView>(`/api/employer/apprentices/${id}`) });
  if (agreement.isPending) return <Loading />;
  if (agreement.error) return <ErrorAlert error={agreement.error} />;
  const a = agreement.data;
  const lang = i18n.language;
  return (
    <>
      <PageHeader title={t('apprenticeships.company.pageTitle', { name: a.participantName })} />
      <Stack gap="md">
        <Section id="agreement" title={t('apprenticeships.page.agreement')}>
          <FactList
            facts={[
              [t('apprenticeships.fields.occupation'), a.occupation],
              [t('apprenticeships.fields.vocationalSchool'), a.vocationalSchool],
              [t('apprenticeships.fields.companyContact'), a.companyContactName],
              [t('apprenticeships.fields.startsOn'), formatDate(a.startsOn, lang)],
              [t('apprenticeships.fields.plannedEndOn'), formatDate(a.plannedEndOn, lang)],
              [t('apprenticeships.fields.nextCheckInOn'), formatDate(a.nextCheckInOn, lang)],
              [t('apprenticeships.fields.status'), statusLabel(t, a.status)],
            ]}
          />
        </Section>
        <Section id="needs" title={t('apprenticeships.needs.heading')}>
          {a.needs.length === 0 && <Text size="sm">{t('apprenticeships.needs.none')}</Text>}
          {a.needs.map((n) => (
            <Text key={n.id} size="sm">
              {areaLabel(t, n.area)}: {helperKindLabel(t, n.helperKind)}
              {n.helperName ? ` (${n.helperName})` : ''}
            </Text>
          ))}
        </Section>
        <Section id="check-ins" title={t('apprenticeships.company.checkIns')}>
          <CheckInList checkIns={a.checkIns} />
        </Section>
        <Section id="help" title={t('apprenticeships.company.helpHeading')}>
          {a.status === 'active' && <HelpRequestForm agreementId={a.id} onSent={() => void agreement.refetch()} />}
          <Title order={3} size="h5" mt="md" mb="xs">
            {t('apprenticeships.company.requests')}
          </Title>
          {a.helpRequests.map((h) => (
            <Paper key={h.id} withBorder p="xs" mb="xs">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {h.text}
              </Text>
              <Text size="xs">
                {formatDateTime(h.askedAt, lang)} ·{' '}
                {h.handledAt
                  ? t('apprenticeships.company.handled', { at: formatDateTime(h.handledAt, lang) })
                  : t('apprenticeships.company.open')}
              </Text>
            </Paper>
          ))}
        </Section>
      </Stack>
    </>
  );
}

function HelpRequestForm({ agreementId, onSent }: { agreementId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  const form = useValidatedForm({ text: '' }, (v) => schemaErrors(t, HelpRequestInput, v));
  const send = useMutation({
    mutationFn: (v: { text: string }) => api.post<HelpRequestView>(`/api/employer/apprentices/${agreementId}/help-requests`, v),
    onSuccess: async () => {
      setSent(true);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['/api/employer/apprentices'] });
      onSent();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => send.mutate(v))} noValidate aria-label={t('apprenticeships.company.helpHeading')}>
      {sent && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('apprenticeships.company.helpSent')}
        </Alert>
      )}
      {send.error && !(send.error instanceof ApiError && send.error.status === 400) && <ErrorAlert error={send.error} />}
      <Textarea label={t('apprenticeships.company.helpText')} required autosize minRows={3} {...form.getInputProps('text')} />
      <Button type="submit" mt="sm" loading={send.isPending}>
        {t('apprenticeships.company.helpSend')}
      </Button>
    </form>
  );
}
