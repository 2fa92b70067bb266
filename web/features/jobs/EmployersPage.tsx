import { Anchor, Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EMPLOYER_SIZES, type EmployerView } from '../../../server/modules/employers/employers.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { employerSizeLabel } from '../../shared/jobs/labels.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton, type CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';

const PATH = '/api/employers';

/** The network's employers: search, sector and size, sorted and paged by the server. */
export function EmployersPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'name' }, ['q', 'sector', 'size'] as const);
  const page = usePage<EmployerView>(PATH, list.query);
  const size = (e: EmployerView) => (e.size ? employerSizeLabel(t, e.size) : '—');

  const columns: Column<EmployerView>[] = [
    {
      key: 'name',
      header: t('jobs.employer.name'),
      sortField: 'name',
      render: (e) => (
        <Anchor component={Link} to={`/employers/${e.id}`}>
          {e.name}
        </Anchor>
      ),
    },
    { key: 'sector', header: t('jobs.employer.sector'), sortField: 'sector', render: (e) => e.sector ?? '—' },
    { key: 'size', header: t('jobs.employer.size'), render: size },
    { key: 'city', header: t('jobs.employer.city'), render: (e) => e.cityName ?? '—' },
    { key: 'openVacancies', header: t('jobs.employer.openVacancies'), render: (e) => formatNumber(e.openVacancies, i18n.language) },
    { key: 'updatedAt', header: t('jobs.updatedAt'), sortField: 'updatedAt', render: (e) => formatDateTime(e.updatedAt, i18n.language) },
  ];
  const csv: CsvColumn<EmployerView>[] = [
    { header: t('jobs.employer.name'), value: (e) => e.name },
    { header: t('jobs.employer.sector'), value: (e) => e.sector },
    { header: t('jobs.employer.size'), value: (e) => (e.size ? employerSizeLabel(t, e.size) : null) },
    { header: t('jobs.employer.city'), value: (e) => e.cityName },
    { header: t('jobs.employer.address'), value: (e) => [e.address, e.postcode].filter(Boolean).join(', ') },
    { header: t('jobs.employer.email'), value: (e) => e.email },
    { header: t('jobs.employer.phone'), value: (e) => e.phone },
    { header: t('jobs.employer.openVacancies'), value: (e) => e.openVacancies },
    { header: t('jobs.updatedAt'), value: (e) => e.updatedAt },
  ];

  return (
    <>
      <PageHeader title={t('jobs.employers.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={csv} filename={t('jobs.employers.fileName')} />
        <Button component={Link} to="/employers/new">
          {t('jobs.employers.new')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <SearchInput label={t('jobs.employer.sector')} value={list.filters.sector} onSearch={(sector) => list.update({ sector })} />
          <NativeSelect
            label={t('jobs.employer.size')}
            value={list.filters.size}
            onChange={(e) => list.update({ size: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...EMPLOYER_SIZES.map((s) => ({ value: s, label: employerSizeLabel(t, s) }))]}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('jobs.employers.title')}
          columns={columns}
          rows={page.data?.items ?? []}
          rowKey={(e) => e.id}
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
