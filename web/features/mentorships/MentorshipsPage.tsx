import { Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MentorshipView } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { DataTable } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { HoursReport } from './HoursReport.tsx';
import { mentorshipColumns, mentorshipCsvColumns } from './mentorshipColumns.tsx';

const PATH = '/api/mentorships';

/** The office's mentorships: search by name, running or ended, sorted and paged by the server; the hours per mentor. */
export function MentorshipsPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'startsOn', order: 'desc' }, ['q', 'status'] as const);
  const page = usePage<MentorshipView>(PATH, list.query);

  return (
    <>
      <PageHeader title={t('mentorships.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={mentorshipCsvColumns(t)} filename={t('mentorships.fileName')} />
        <Button component={Link} to="/mentorships/new">
          {t('mentorships.new')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('mentorships.status')}
            value={list.filters.status}
            onChange={(e) => list.update({ status: e.currentTarget.value })}
            data={[
              { value: '', label: t('lists.all') },
              { value: 'running', label: t('mentorships.running') },
              { value: 'ended', label: t('mentorships.ended') },
            ]}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('mentorships.title')}
          columns={mentorshipColumns(t, i18n.language)}
          rows={page.data?.items ?? []}
          rowKey={(m) => m.id}
          sort={list.sort}
          order={list.order}
          onSort={list.toggleSort}
          loading={page.isFetching}
          minWidth={720}
        />
        <ListFooter
          page={list.page}
          pageSize={list.pageSize}
          total={page.data?.total ?? 0}
          onPage={(p) => list.update({ page: p })}
          onPageSize={(pageSize) => list.update({ pageSize })}
        />
      </Paper>
      <HoursReport />
    </>
  );
}
