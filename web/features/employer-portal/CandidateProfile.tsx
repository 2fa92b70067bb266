import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateProfileView } from '../../../server/modules/proposals/proposals.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { skillLabel } from '../../shared/jobs/queries.ts';
import { useCandidate } from './queries.ts';

type Section = 'contact' | 'personal' | 'education_work' | 'residence';
const SECTIONS: Section[] = ['contact', 'personal', 'education_work', 'residence'];

/**
 * What the employer sees of a candidate: the name, and each data category with its data where
 * a valid consent to the company covers it today, or plainly "not shared".
 */
export function CandidateProfile({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation();
  const candidate = useCandidate(proposalId);
  const lang = i18n.language;
  const c = candidate.data;
  const list = (items: string[]) => items.join('; ');

  const content = (section: Section, p: CandidateProfileView): ReactNode => {
    switch (section) {
      case 'contact':
        return (
          p.contact && (
            <FactList
              facts={[
                [t('participants.phone'), p.contact.phone],
                [t('participants.email'), p.contact.email],
                [t('employerPortal.candidate.town'), [p.contact.postcode, p.contact.town].filter(Boolean).join(' ')],
              ]}
            />
          )
        );
      case 'personal':
        return (
          p.personal && (
            <FactList
              facts={[
                [t('participants.germanLevel'), p.personal.germanLevel === 'none' ? t('participants.noGerman') : p.personal.germanLevel],
                [t('participants.languages'), p.personal.languages.map((l) => `${l.language} (${l.level})`).join(', ')],
              ]}
            />
          )
        );
      case 'education_work': {
        const e = p.educationWork;
        if (!e) return null;
        return (
          <FactList
            facts={[
              [
                t('intake.sections.education'),
                e.education
                  ? [
                      e.education.highestDegree,
                      e.education.iscedLevel != null ? t(`intake.isced.${e.education.iscedLevel as 3}`) : null,
                      e.education.schoolYears != null
                        ? t('employerPortal.candidate.schoolYears', { count: e.education.schoolYears })
                        : null,
                      e.education.schoolCountry,
                    ]
                      .filter(Boolean)
                      .join(', ')
                  : '',
              ],
              [
                t('intake.sections.qualifications'),
                list(
                  e.qualifications.map(
                    (q) =>
                      `${q.title}${q.country ? ` (${q.country}${q.year ? `, ${q.year}` : ''})` : ''} – ${t(`intake.recognitionStatuses.${q.recognition}`)}`,
                  ),
                ),
              ],
              [
                t('intake.sections.workExperience'),
                list(
                  e.workExperience.map(
                    (w) =>
                      `${w.job}${w.sector ? `, ${w.sector}` : ''}: ${t('employerPortal.candidate.years', { count: w.years, formatted: formatNumber(w.years, lang) })}${w.country ? ` (${w.country})` : ''}`,
                  ),
                ),
              ],
              [
                t('intake.sections.skills'),
                e.skills
                  .map((s) => `${skillLabel(s, lang)} (${t(`intake.skillLevels.${s.level as 'basic'}`, { defaultValue: s.level })})`)
                  .join(', '),
              ],
              [t('intake.drivingLicences'), e.drivingLicences.map((d) => (d === 'foreign' ? t('intake.foreignLicence') : d)).join(', ')],
            ]}
          />
        );
      }
      case 'residence':
        return (
          p.residence && (
            <FactList
              facts={[
                [t('residence.workClause'), t(`residence.workClauses.${p.residence.workClause}`)],
                [t('residence.validUntil'), formatDate(p.residence.validUntil, lang)],
              ]}
            />
          )
        );
    }
  };

  return (
    <section aria-labelledby="candidate-profile">
      <Title order={2} size="h3" id="candidate-profile" mb="xs">
        {t('employerPortal.candidate.profile')}
      </Title>
      <Paper withBorder p="md">
        {candidate.isPending && <Loading />}
        {candidate.error && <ErrorAlert error={candidate.error} />}
        {c && (
          <>
            <Text fw={600} mb="xs">
              {c.givenNames} {c.familyName}
              {c.preferredName ? ` (${c.preferredName})` : ''}
            </Text>
            <Text size="sm" mb="md">
              {t('employerPortal.candidate.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {SECTIONS.map((section) => {
                const shared = c.shared.includes(section);
                const headingId = `candidate-${section}`;
                return (
                  <Paper key={section} withBorder p="sm" component="section" aria-labelledby={headingId}>
                    <Title order={3} size="h5" id={headingId} mb="xs">
                      {t(`consent.categories.${section}`)}
                    </Title>
                    {shared ? content(section, c) : <Text size="sm">{t('employerPortal.candidate.notShared')}</Text>}
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
