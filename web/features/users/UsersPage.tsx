import { Anchor, Badge, Button, Group, NativeSelect, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES } from '../../../server/modules/access/roles.schemas.ts';
import { USER_STATUSES, type UserView } from '../../../server/modules/users/users.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { roleLabel } from '../../shared/i18n/labels.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton, type CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { useOrganisationOptions } from './useOrganisationOptions.ts';

const PATH = '/api/users';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'displayName' }, ['q', 'status', 'role', 'organisationId'] as const);
  const page = usePage<UserView>(PATH, list.query);
  const organisations = useOrganisationOptions();
  const roles = (u: UserView) =>
    u.memberships.map((m) => (m.organisationName ? `${roleLabel(t, m.role)} – ${m.organisationName}` : roleLabel(t, m.role)));

  const columns: Column<UserView>[] = [
    {
      key: 'displayName',
      header: t('users.displayName'),
      sortField: 'displayName',
      render: (u) => (
        <Anchor component={Link} to={`/users/${u.id}`}>
          {u.displayName}
        </Anchor>
      ),
    },
    { key: 'email', header: t('users.email'), sortField: 'email', render: (u) => u.email },
    { key: 'roles', header: t('users.roles'), render: (u) => roles(u).map((r) => <div key={r}>{r}</div>) },
    {
      key: 'status',
      header: t('users.status'),
      sortField: 'status',
      render: (u) => (
        <Badge color={u.status === 'active' ? 'teal.9' : 'red.9'} variant="filled" tt="none" miw="max-content">
          {t(`users.statuses.${u.status}`)}
        </Badge>
      ),
    },
    { key: 'updatedAt', header: t('users.updatedAt'), sortField: 'updatedAt', render: (u) => formatDateTime(u.updatedAt, i18n.language) },
  ];
  const csv: CsvColumn<UserView>[] = [
    { header: t('users.displayName'), value: (u) => u.displayName },
    { header: t('users.email'), value: (u) => u.email },
    { header: t('users.roles'), value: (u) => roles(u).join('; ') },
    { header: t('users.status'), value: (u) => t(`users.statuses.${u.status}`) },
    { header: t('users.locale'), value: (u) => u.locale },
    { header: t('users.updatedAt'), value: (u) => u.updatedAt },
  ];

  return (
    <>
      <PageHeader title={t('users.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={csv} filename={t('users.fileName')} />
        <Button component={Link} to="/users/new">
          {t('users.new')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('users.role')}
            value={list.filters.role}
            onChange={(e) => list.update({ role: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }))]}
          />
          <NativeSelect
            label={t('users.organisation')}
            value={list.filters.organisationId}
            onChange={(e) => list.update({ organisationId: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))]}
            maw={260}
          />
          <NativeSelect
            label={t('users.status')}
            value={list.filters.status}
            onChange={(e) => list.update({ status: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...USER_STATUSES.map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))]}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('users.title')}
          columns={columns}
          rows={page.data?.items ?? []}
          rowKey={(u) => u.id}
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
