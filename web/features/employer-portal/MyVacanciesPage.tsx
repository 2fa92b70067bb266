import { Anchor, Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VACANCY_KINDS, VACANCY_STATUSES, type VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { vacancyKindLabel, vacancyStatusLabel } from '../../shared/jobs/labels.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton, type CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { useOwnCompany } from './queries.ts';

const PATH = '/api/vacancies';

/** "Our vacancies": the company's vacancies (the server returns only theirs), and a new one. */
export function MyVacanciesPage() {
  const { t, i18n } = useTranslation();
  const company = useOwnCompany();
  const list = useListParams({ sort: 'updatedAt', order: 'desc' }, ['q', 'status', 'kind'] as const);
  const page = usePage<VacancyView>(PATH, list.query);
  const lang = i18n.language;

  const columns: Column<VacancyView>[] = [
    {
      key: 'title',
      header: t('jobs.vacancy.title'),
      sortField: 'title',
      render: (v) => (
        <Anchor component={Link} to={`/my-vacancies/${v.id}`}>
          {v.title}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('jobs.vacancy.kind'), render: (v) => vacancyKindLabel(t, v.kind) },
    { key: 'status', header: t('jobs.vacancy.status'), render: (v) => vacancyStatusLabel(t, v.status) },
    {
      key: 'startsOn',
      header: t('jobs.vacancy.startsOn'),
      sortField: 'startsOn',
      render: (v) => (v.startsOn ? formatDate(v.startsOn, lang) : t('jobs.vacancy.startNow')),
    },
    {
      key: 'places',
      header: t('jobs.vacancy.placesHired'),
      render: (v) => t('jobs.vacancy.placesHiredValue', { hired: formatNumber(v.hired, lang), places: formatNumber(v.places, lang) }),
    },
    { key: 'updatedAt', header: t('jobs.updatedAt'), sortField: 'updatedAt', render: (v) => formatDateTime(v.updatedAt, lang) },
  ];
  const csv: CsvColumn<VacancyView>[] = [
    { header: t('jobs.vacancy.title'), value: (v) => v.title },
    { header: t('jobs.vacancy.kind'), value: (v) => vacancyKindLabel(t, v.kind) },
    { header: t('jobs.vacancy.occupation'), value: (v) => v.occupation },
    { header: t('jobs.vacancy.status'), value: (v) => vacancyStatusLabel(t, v.status) },
    { header: t('jobs.vacancy.startsOn'), value: (v) => v.startsOn },
    { header: t('jobs.vacancy.hoursPerWeek'), value: (v) => v.hoursPerWeek },
    { header: t('jobs.vacancy.places'), value: (v) => v.places },
    { header: t('jobs.vacancy.hired'), value: (v) => v.hired },
    { header: t('jobs.updatedAt'), value: (v) => v.updatedAt },
  ];

  return (
    <>
      <PageHeader title={t('employerPortal.vacancies.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={csv} filename={t('employerPortal.vacancies.fileName')} />
        <Button component={Link} to="/my-vacancies/new">
          {t('jobs.vacancies.new')}
        </Button>
      </PageHeader>
      {company.error && <ErrorAlert error={company.error} />}
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('jobs.vacancy.status')}
            value={list.filters.status}
            onChange={(e) => list.update({ status: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...VACANCY_STATUSES.map((s) => ({ value: s, label: vacancyStatusLabel(t, s) }))]}
          />
          <NativeSelect
            label={t('jobs.vacancy.kind')}
            value={list.filters.kind}
            onChange={(e) => list.update({ kind: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...VACANCY_KINDS.map((k) => ({ value: k, label: vacancyKindLabel(t, k) }))]}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={
            company.data ? t('employerPortal.vacancies.caption', { company: company.data.name }) : t('employerPortal.vacancies.title')
          }
          columns={columns}
          rows={page.data?.items ?? []}
          rowKey={(v) => v.id}
          sort={list.sort}
          order={list.order}
          onSort={list.toggleSort}
          loading={page.isFetching}
        />
        <ListFooter
          page={list.page}
          pageSize={list.pageSize}
          total={page.data?.total ?? 0}
          onPage={(p) => list.update({ page: p })}
          onPageSize={(pageSize) => list.update({ pageSize })}
        />
      </Paper>
    </>
  );
}
