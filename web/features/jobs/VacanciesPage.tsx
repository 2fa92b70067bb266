import { Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VACANCY_KINDS, VACANCY_STATUSES, type VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { vacancyKindLabel, vacancyStatusLabel } from '../../shared/jobs/labels.ts';
import { useEmployerOptions } from '../../shared/jobs/queries.ts';
import { DataTable } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { vacancyColumns, vacancyCsvColumns } from './vacancyColumns.tsx';

const PATH = '/api/vacancies';

/** Every employer's vacancies: search, status, kind and employer, sorted and paged by the server. */
export function VacanciesPage() {
  const { t, i18n } = useTranslation();
  const employers = useEmployerOptions();
  const list = useListParams({ sort: 'updatedAt', order: 'desc' }, ['q', 'status', 'kind', 'employerId'] as const);
  const page = usePage<VacancyView>(PATH, list.query);

  return (
    <>
      <PageHeader title={t('jobs.vacancies.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={vacancyCsvColumns(t)} filename={t('jobs.vacancies.fileName')} />
        <Button component={Link} to="/vacancies/new">
          {t('jobs.vacancies.new')}
        </Button>
      </PageHeader>
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
          <NativeSelect
            label={t('jobs.vacancy.employer')}
            value={list.filters.employerId}
            onChange={(e) => list.update({ employerId: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name }))]}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('jobs.vacancies.title')}
          columns={vacancyColumns(t, i18n.language, true)}
          rows={page.data?.items ?? []}
          rowKey={(v) => v.id}
          sort={list.sort}
          order={list.order}
          onSort={list.toggleSort}
          loading={page.isFetching}
          minWidth={760}
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
