import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VOLUNTEER_STATUSES, type VolunteerView } from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { DataTable } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { volunteerColumns, volunteerCsvColumns } from './volunteerColumns.tsx';

const PATH = '/api/volunteers';

/** The network's volunteers: search, status, onboarding and language, sorted and paged by the server; the admin's onboarding rule. */
export function VolunteersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useListParams({ sort: 'name' }, ['q', 'status', 'onboarded', 'language'] as const);
  const page = usePage<VolunteerView>(PATH, list.query);

  return (
    <>
      <PageHeader title={t('volunteers.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={volunteerCsvColumns(t)} filename={t('volunteers.fileName')} />
        <Button component={Link} to="/volunteers/new">
          {t('volunteers.new')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('volunteers.fields.status')}
            value={list.filters.status}
            onChange={(e) => list.update({ status: e.currentTarget.value })}
            data={[
              { value: '', label: t('lists.all') },
              ...VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`volunteers.statuses.${s}`) })),
            ]}
          />
          <NativeSelect
            label={t('volunteers.fields.onboarding')}
            value={list.filters.onboarded}
            onChange={(e) => list.update({ onboarded: e.currentTarget.value })}
            data={[
              { value: '', label: t('lists.all') },
              { value: 'yes', label: t('volunteers.onboarded') },
              { value: 'no', label: t('volunteers.onboardingOpen') },
            ]}
          />
          <TextInput
            label={t('volunteers.language')}
            defaultValue={list.filters.language}
            onBlur={(e) => list.update({ language: e.currentTarget.value.trim() })}
            onKeyDown={(e) => e.key === 'Enter' && list.update({ language: e.currentTarget.value.trim() })}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('volunteers.title')}
          columns={volunteerColumns(t)}
          rows={page.data?.items ?? []}
          rowKey={(v) => v.id}
          sort={list.sort}
          order={list.order}
          onSort={list.toggleSort}
          loading={page.isFetching}
          minWidth={820}
        />
        <ListFooter
          page={list.page}
          pageSize={list.pageSize}
          total={page.data?.total ?? 0}
          onPage={(p) => list.update({ page: p })}
          onPageSize={(pageSize) => list.update({ pageSize })}
        />
      </Paper>
      {me.memberships.some((m) => m.role === 'network_admin') && <SettingsForm />}
    </>
  );
}
