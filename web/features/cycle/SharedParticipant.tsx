import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_CATEGORIES, type ConsentCategory } from '../../../server/modules/consents/consents.schemas.ts';
import type { ReferredParticipantView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { genderLabel, type Gender } from '../../shared/i18n/labels.ts';
import { stepTypeLabel } from './cycleFormat.ts';
import { FactList, type Fact } from '../../shared/components/FactList.tsx';
import { useReferredParticipant, useStepTypes } from './queries.ts';

type Row = Fact;

function Facts({ rows }: { rows: Row[] }) {
  return <FactList facts={rows} />;
}

/** Intake answers as they are stored: a short text for each value, lists one per line. */
function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(plain).join('; ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${plain(v)}`)
      .join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '—';
}

/**
 * What the partner's caseworker may see of the person: the name, and each data category
 * either with its data (consented and on the form) or marked "not shared".
 */
export function SharedParticipant({ referralId }: { referralId: string }) {
  const { t, i18n } = useTranslation();
  const view = useReferredParticipant(referralId, true);
  const stepTypes = useStepTypes();
  const lang = i18n.language;
  const p = view.data;
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? t('common.yes') : t('common.no'));
  const typeLabel = (key: string) => {
    const type = stepTypes.data?.find((s) => s.key === key);
    return type ? stepTypeLabel(type.labels, lang) : key;
  };

  const content = (category: ConsentCategory, data: ReferredParticipantView): ReactNode => {
    switch (category) {
      case 'contact':
        return (
          data.contact && (
            <Facts
              rows={[
                [t('participants.phone'), data.contact.phone],
                [t('participants.email'), data.contact.email],
                [
                  t('participants.address'),
                  [data.contact.street, [data.contact.postcode, data.contact.town].filter(Boolean).join(' ')].filter(Boolean).join(', '),
                ],
              ]}
            />
          )
        );
      case 'personal':
        return (
          data.personal && (
            <Facts
              rows={[
                [t('participants.birthDate'), formatDate(data.personal.birthDate, lang)],
                [t('participants.gender'), genderLabel(t, data.personal.gender as Gender)],
                [t('participants.nationality'), data.personal.nationality],
                [t('participants.germanLevel'), data.personal.germanLevel],
                [t('participants.languages'), data.personal.languages.map((l) => `${l.language} (${l.level})`).join(', ')],
                [t('participants.childcareNeeded'), yesNo(data.personal.childcareNeeded)],
                [
                  t('participants.interpreter'),
                  data.personal.interpreterNeeded ? `${t('common.yes')} ${data.personal.interpreterLanguage ?? ''}`.trim() : t('common.no'),
                ],
              ]}
            />
          )
        );
      case 'education_work':
        return (
          data.educationWork &&
          (Object.keys(data.educationWork).length === 0 ? (
            <Text size="sm">{t('cycle.shared.nothingRecorded')}</Text>
          ) : (
            <Facts
              rows={Object.entries(data.educationWork).map(([section, value]) => [
                t(`intake.sections.${section as 'education'}`, { defaultValue: section }),
                plain(value),
              ])}
            />
          ))
        );
      case 'residence':
        return (
          data.residence && (
            <Facts
              rows={[
                [
                  t('residence.title'),
                  `${t(`participants.residenceTitles.${data.residence.title}`)}${data.residence.paragraph ? ` (${data.residence.paragraph})` : ''}`,
                ],
                [t('residence.validUntil'), formatDate(data.residence.validUntil, lang)],
                [t('residence.workClause'), t(`residence.workClauses.${data.residence.workClause}`)],
              ]}
            />
          )
        );
      case 'plan_progress':
        return (
          data.plan &&
          (data.plan.length === 0 ? (
            <Text size="sm">{t('cycle.shared.noPlan')}</Text>
          ) : (
            <Stack gap="xs">
              {data.plan.map((goal, index) => (
                <div key={`${goal.title}-${index}`}>
                  <Text fw={600} size="sm">
                    {goal.title}
                  </Text>
                  <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                    {goal.steps.map((step, i) => (
                      <li key={i}>
                        <Text size="sm">
                          {typeLabel(step.stepTypeKey)}
                          {step.text ? `: ${step.text}` : ''} – {t(`cycle.stepStatuses.${step.status}`)}
                          {step.dueOn ? ` (${t('cycle.task.due', { date: formatDate(step.dueOn, lang) })})` : ''}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </Stack>
          ))
        );
    }
  };

  return (
    <section aria-labelledby="referral-participant">
      <Title order={2} size="h3" id="referral-participant" mb="xs">
        {t('cycle.shared.heading')}
      </Title>
      <Paper withBorder p="md">
        {view.isPending && <Loading />}
        {view.error && <ErrorAlert error={view.error} />}
        {p && (
          <>
            <Text fw={600} mb="xs">
              {p.givenNames} {p.familyName}
              {p.preferredName ? ` (${p.preferredName})` : ''}
            </Text>
            <Text size="sm" mb="md">
              {t('cycle.shared.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {CONSENT_CATEGORIES.map((category) => {
                const shared = p.shared.includes(category);
                const headingId = `shared-${category}`;
                return (
                  <Paper key={category} withBorder p="sm" component="section" aria-labelledby={headingId}>
                    <Title order={3} size="h5" id={headingId} mb="xs">
                      {t(`consent.categories.${category}`)}
                    </Title>
                    {shared ? content(category, p) : <Text size="sm">{t('cycle.shared.notShared')}</Text>}
                  </Paper>
                );
              })}
            </SimpleGrid>
          </>
        )}
      </Paper>
    </section>
  );
}
