import { Anchor, Badge, Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORGANISATION_KINDS, type OrganisationView } from '../../../server/modules/organisations/organisations.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { kindLabel } from '../../shared/i18n/labels.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton, type CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';

const PATH = '/api/organisations';

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'name' }, ['q', 'kind', 'active'] as const);
  const page = usePage<OrganisationView>(PATH, list.query);
  const status = (o: OrganisationView) => (o.active ? t('common.active') : t('common.inactive'));

  const columns: Column<OrganisationView>[] = [
    {
      key: 'name',
      header: t('organisations.name'),
      sortField: 'name',
      render: (o) => (
        <Anchor component={Link} to={`/organisations/${o.id}`}>
          {o.name}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('organisations.kind'), sortField: 'kind', render: (o) => kindLabel(t, o.kind) },
    { key: 'city', header: t('organisations.city'), render: (o) => o.cityName ?? '—' },
    {
      key: 'active',
      header: t('organisations.status'),
      render: (o) => (
        <Badge color={o.active ? 'teal.9' : 'gray.7'} variant="filled" tt="none" miw="max-content">
          {status(o)}
        </Badge>
      ),
    },
    {
      key: 'updatedAt',
      header: t('organisations.updatedAt'),
      sortField: 'updatedAt',
      render: (o) => formatDateTime(o.updatedAt, i18n.language),
    },
  ];
  const csv: CsvColumn<OrganisationView>[] = [
    { header: t('organisations.name'), value: (o) => o.name },
    { header: t('organisations.kind'), value: (o) => kindLabel(t, o.kind) },
    { header: t('organisations.city'), value: (o) => o.cityName },
    { header: t('organisations.email'), value: (o) => o.email },
    { header: t('organisations.phone'), value: (o) => o.phone },
    { header: t('organisations.address'), value: (o) => o.address },
    { header: t('organisations.status'), value: status },
    { header: t('organisations.updatedAt'), value: (o) => o.updatedAt },
  ];

  return (
    <>
      <PageHeader title={t('organisations.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={csv} filename={t('organisations.fileName')} />
        <Button component={Link} to="/organisations/new">
          {t('organisations.new')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('organisations.kind')}
            value={list.filters.kind}
            onChange={(e) => list.update({ kind: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))]}
          />
          <NativeSelect
            label={t('organisations.status')}
            value={list.filters.active}
            onChange={(e) => list.update({ active: e.currentTarget.value })}
            data={[
              { value: '', label: t('lists.all') },
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('organisations.title')}
          columns={columns}
          rows={page.data?.items ?? []}
          rowKey={(o) => o.id}
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
