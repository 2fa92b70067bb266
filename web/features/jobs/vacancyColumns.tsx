import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { vacancyKindLabel, vacancyStatusLabel } from '../../shared/jobs/labels.ts';
import type { Column } from '../../shared/lists/DataTable.tsx';
import type { CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';

// The columns of the vacancy lists (all vacancies, and one employer's).

export function vacancyColumns(t: TFunction, language: string, withEmployer: boolean): Column<VacancyView>[] {
  return [
    {
      key: 'title',
      header: t('jobs.vacancy.title'),
      sortField: 'title',
      render: (v) => (
        <Anchor component={Link} to={`/vacancies/${v.id}`}>
          {v.title}
        </Anchor>
      ),
    },
    ...(withEmployer
      ? [{ key: 'employer', header: t('jobs.vacancy.employer'), sortField: 'employer', render: (v: VacancyView) => v.employerName }]
      : []),
    { key: 'kind', header: t('jobs.vacancy.kind'), render: (v) => vacancyKindLabel(t, v.kind) },
    { key: 'status', header: t('jobs.vacancy.status'), render: (v) => vacancyStatusLabel(t, v.status) },
    { key: 'town', header: t('jobs.vacancy.placeOfWork'), render: (v) => [v.postcode, v.town].filter(Boolean).join(' ') || '—' },
    {
      key: 'startsOn',
      header: t('jobs.vacancy.startsOn'),
      sortField: 'startsOn',
      render: (v) => (v.startsOn ? formatDate(v.startsOn, language) : t('jobs.vacancy.startNow')),
    },
    {
      key: 'places',
      header: t('jobs.vacancy.placesHired'),
      render: (v) =>
        t('jobs.vacancy.placesHiredValue', { hired: formatNumber(v.hired, language), places: formatNumber(v.places, language) }),
    },
  ];
}

export function vacancyCsvColumns(t: TFunction): CsvColumn<VacancyView>[] {
  return [
    { header: t('jobs.vacancy.title'), value: (v) => v.title },
    { header: t('jobs.vacancy.employer'), value: (v) => v.employerName },
    { header: t('jobs.vacancy.kind'), value: (v) => vacancyKindLabel(t, v.kind) },
    { header: t('jobs.vacancy.occupation'), value: (v) => v.occupation },
    { header: t('jobs.vacancy.status'), value: (v) => vacancyStatusLabel(t, v.status) },
    { header: t('jobs.vacancy.postcode'), value: (v) => v.postcode },
    { header: t('jobs.vacancy.town'), value: (v) => v.town },
    { header: t('jobs.vacancy.hoursPerWeek'), value: (v) => v.hoursPerWeek },
    { header: t('jobs.vacancy.startsOn'), value: (v) => v.startsOn },
    { header: t('jobs.vacancy.germanLevel'), value: (v) => v.germanLevel },
    { header: t('jobs.vacancy.skills'), value: (v) => v.requiredSkills.map((s) => s.labelDe).join(', ') },
    { header: t('jobs.vacancy.places'), value: (v) => v.places },
    { header: t('jobs.vacancy.hired'), value: (v) => v.hired },
    { header: t('jobs.updatedAt'), value: (v) => v.updatedAt },
  ];
}
