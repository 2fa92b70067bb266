import { useTranslation } from 'react-i18next';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { FactList, type Fact } from '../components/FactList.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { physicalDemandsLabel, vacancyKindLabel, vacancyStatusLabel } from './labels.ts';
import { skillLabel } from './queries.ts';

/** A vacancy's facts and requirements as a description list. */
export function VacancyFacts({ vacancy: v, employer }: { vacancy: VacancyView; employer?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const yesNo = (value: boolean) => (value ? t('jobs.vacancy.required') : t('jobs.vacancy.notRequired'));
  const facts: Fact[] = [
    ...(employer ? [] : ([[t('jobs.vacancy.employer'), v.employerName]] as Fact[])),
    [t('jobs.vacancy.kind'), vacancyKindLabel(t, v.kind)],
    [t('jobs.vacancy.occupation'), v.occupation],
    [t('jobs.vacancy.status'), vacancyStatusLabel(t, v.status)],
    [
      t('jobs.vacancy.placesHired'),
      t('jobs.vacancy.placesHiredValue', { hired: formatNumber(v.hired, lang), places: formatNumber(v.places, lang) }),
    ],
    [t('jobs.vacancy.skills'), v.requiredSkills.map((s) => skillLabel(s, lang)).join(', ')],
    [t('jobs.vacancy.germanLevel'), v.germanLevel ?? t('jobs.vacancy.notRequired')],
    [t('jobs.vacancy.drivingLicence'), yesNo(v.drivingLicence)],
    [t('jobs.vacancy.shiftWork'), yesNo(v.shiftWork)],
    [t('jobs.vacancy.weekendWork'), yesNo(v.weekendWork)],
    [t('jobs.vacancy.physicalDemands'), physicalDemandsLabel(t, v.physicalDemands)],
    [t('jobs.vacancy.placeOfWork'), [v.postcode, v.town].filter(Boolean).join(' ')],
    [t('jobs.vacancy.hoursPerWeek'), v.hoursPerWeek === null ? '' : formatNumber(v.hoursPerWeek, lang)],
    [t('jobs.vacancy.startsOn'), v.startsOn ? formatDate(v.startsOn, lang) : t('jobs.vacancy.startNow')],
    [t('jobs.vacancy.description'), v.description],
  ];
  return <FactList facts={facts} />;
}
