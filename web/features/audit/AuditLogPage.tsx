import { Code, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../server/modules/audit/audit.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { AuditFilters } from './AuditFilters.tsx';
import classes from './AuditLogPage.module.css';
import { actionLabel, detailsSummary } from '../../shared/i18n/auditLabels.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log, newest first: who did what to which record, reads of personal data included. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'at', order: 'desc' }, ['action', 'entityType', 'entityId', 'actorUserId', 'from', 'to'] as const);
  // The server rejects a malformed id or date; a half-typed one is simply not sent yet.
  const { actorUserId, from, to } = list.filters;
  const query = {
    ...list.query,
    actorUserId: UUID.test(actorUserId) ? actorUserId : '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
  };
  const page = usePage<AuditEventView>('/api/audit-events', query);

  const columns: Column<AuditEventView>[] = [
    { key: 'at', header: t('audit.at'), sortField: 'at', render: (e) => formatDateTime(e.at, i18n.language) },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (e) =>
        e.actorName
          ? `${e.actorName}${e.actorRole ? ` (${t(`roles.${e.actorRole as 'mentor'}`, { defaultValue: e.actorRole })})` : ''}`
          : t('audit.system'),
    },
    {
      key: 'action',
      header: t('audit.action'),
      render: (e) => (
        <>
          <Text size="sm">{actionLabel(t, e.action)}</Text>
          <Code>{e.action}</Code>
        </>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) => (
        <>
          <Text size="sm">{e.entityType}</Text>
          {e.entityId && (
            <Text size="xs" ff="monospace" className={classes.id}>
              {e.entityId}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'details',
      header: t('audit.details'),
      render: (e) => (
        <Text size="sm" className={classes.details}>
          {detailsSummary(t, e.details)}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Text mb="md">{t('audit.intro')}</Text>
      <Paper withBorder p="md">
        <AuditFilters filters={list.filters} onChange={list.update} />
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('audit.title')}
          columns={columns}
          rows={page.data?.items ?? []}
          rowKey={(e) => e.id}
          sort={list.sort}
          order={list.order}
          onSort={list.toggleSort}
          loading={page.isFetching}
          minWidth={900}
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
