import { Alert, Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CheckInList } from '../../shared/apprenticeships/CheckInList.tsx';
import { Section } from '../../shared/apprenticeships/Section.tsx';
import { dropoutLabel, statusLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { CheckInForm } from './CheckInForm.tsx';
import { EndForm } from './EndForm.tsx';
import { NeedsEditor } from './NeedsEditor.tsx';
import { useAgreement } from './queries.ts';
import { RiskBadge, RiskReasons } from './RiskBadge.tsx';

/** One support agreement: its facts, the early warning with its reasons, needs, check-ins, and its end. */
export function ApprenticeshipPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  const [editing, setEditing] = useState(false);
  if (agreement.isPending) return <Loading />;
  if (agreement.error) return <ErrorAlert error={agreement.error} />;
  const a = agreement.data;
  const lang = i18n.language;
  const active = a.status === 'active';
  return (
    <>
      <PageHeader title={t('apprenticeships.page.title', { name: a.participantName })}>
        <Anchor component={Link} to={`/participants/${a.participantId}`}>
          {t('apprenticeships.page.toCaseFile')}
        </Anchor>
      </PageHeader>
      <Stack gap="md">
        <Section id="agreement" title={t('apprenticeships.page.agreement')}>
          {editing ? (
            <AgreementForm employerId={a.employerId} agreement={a} onDone={() => setEditing(false)} />
          ) : (
            <>
              <FactList
                facts={[
                  [t('apprenticeships.fields.company'), a.employerName],
                  [t('apprenticeships.fields.companyContact'), a.companyContactName],
                  [t('apprenticeships.fields.vocationalSchool'), a.vocationalSchool],
                  [t('apprenticeships.fields.occupation'), a.occupation],
                  [t('apprenticeships.fields.startsOn'), formatDate(a.startsOn, lang)],
                  [t('apprenticeships.fields.plannedEndOn'), formatDate(a.plannedEndOn, lang)],
                  [t('apprenticeships.fields.nextCheckInOn'), formatDate(a.nextCheckInOn, lang)],
                  [t('apprenticeships.fields.status'), statusLabel(t, a.status)],
                  ...(a.endReason ? [[t('apprenticeships.fields.endReason'), dropoutLabel(t, a.endReason)] as [string, string]] : []),
                ]}
              />
              {active && (
                <Group mt="sm">
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('apprenticeships.page.edit')}
                  </Button>
                </Group>
              )}
            </>
          )}
          {!active && a.endedOn && (
            <Alert variant="light" mt="sm">
              {t('apprenticeships.end.ended', { date: formatDate(a.endedOn, lang) })}
            </Alert>
          )}
        </Section>
        <Section
          id="risk"
          title={
            <Group gap="xs" component="span">
              {t('apprenticeships.page.riskHeading')} <RiskBadge risk={a.risk} />
            </Group>
          }
        >
          <RiskReasons risk={a.risk} />
        </Section>
        <Section id="needs" title={t('apprenticeships.needs.heading')}>
          <NeedsEditor key={a.version} agreement={a} editable={active} />
        </Section>
        <Section id="check-ins" title={t('apprenticeships.checkIns.heading')}>
          {active && <CheckInForm agreement={a} />}
          <Title order={3} size="h5" mt="md" mb="xs">
            {t('apprenticeships.company.checkIns')}
          </Title>
          <CheckInList checkIns={a.checkIns} />
        </Section>
        {active && (
          <Section id="end" title={t('apprenticeships.end.heading')}>
            <EndForm agreement={a} />
          </Section>
        )}
      </Stack>
    </>
  );
}
