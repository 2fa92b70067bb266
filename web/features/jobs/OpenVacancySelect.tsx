import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { api, type Page } from '../../shared/api/client.ts';
import { vacanciesKey } from '../../shared/jobs/queries.ts';

/** How many open vacancies the list offers at once; typing narrows it on the server. */
const OPTIONS = 50;

/** "Title – employer, town": what tells two vacancies of the same title apart. */
export function vacancyOptionLabel(v: Pick<VacancyView, 'title' | 'employerName' | 'town'>): string {
  return `${v.title} – ${[v.employerName, v.town].filter(Boolean).join(', ')}`;
}

interface OpenVacancySelectProps {
  value: VacancyView | null;
  onChange: (vacancy: VacancyView | null) => void;
  error?: string;
}

/**
 * A searchable choice among the network's open vacancies. The server searches title and
 * occupation, so a network with thousands of vacancies is not loaded into the browser.
 */
export function OpenVacancySelect({ value, onChange, error }: OpenVacancySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Once a vacancy is chosen the input shows its label; that is no search.
  const typed = value && search === vacancyOptionLabel(value) ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 300);
  const open = useQuery({
    queryKey: [...vacanciesKey, 'open-options', q],
    queryFn: () => api.get<Page<VacancyView>>('/api/vacancies', { status: 'open', q, pageSize: OPTIONS, sort: 'title', order: 'asc' }),
    placeholderData: keepPreviousData,
  });
  const items = open.data?.items ?? [];
  const choices = value && !items.some((v) => v.id === value.id) ? [value, ...items] : items;

  return (
    <Select
      label={t('jobs.coachPropose.vacancy')}
      description={t('jobs.coachPropose.vacancyHelp')}
      placeholder={t('jobs.coachPropose.vacancyPlaceholder')}
      required
      searchable
      clearable
      data={choices.map((v) => ({ value: v.id, label: vacancyOptionLabel(v) }))}
      // The server has filtered already (title and occupation); the browser does not filter again.
      filter={({ options }) => options}
      value={value?.id ?? null}
      onChange={(id) => onChange(choices.find((v) => v.id === id) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={open.isFetching ? t('app.loading') : t('jobs.coachPropose.noVacancy')}
      error={error}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
