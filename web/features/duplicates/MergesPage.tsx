import { Alert, Badge, Button, Group, Modal, Paper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeListItem, MergeView } from '../../../server/modules/duplicates/duplicates.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';

const PATH = '/api/merges';
const keptName = (m: MergeListItem) => `${m.keptGivenNames} ${m.keptFamilyName}`;
const mergedName = (m: MergeListItem) => `${m.mergedGivenNames} ${m.mergedFamilyName}`;

/** The network's merged records, for the admin who corrects a wrong merge by undoing it. */
export function MergesPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useListParams({ sort: 'mergedAt', order: 'desc' }, ['q'] as const);
  const page = usePage<MergeListItem>(PATH, list.query);
  const [confirming, setConfirming] = useState<MergeListItem | null>(null);
  const [undone, setUndone] = useState<MergeListItem | null>(null);
  const undo = useMutation({
    mutationFn: (merge: MergeListItem) => api.post<MergeView>(`${PATH}/${merge.id}/undo`),
    onSuccess: async (_view, merge) => {
      setConfirming(null);
      setUndone(merge);
      await queryClient.invalidateQueries({ queryKey: [PATH] });
    },
  });

  const columns: Column<MergeListItem>[] = [
    { key: 'kept', header: t('merges.kept'), sortField: 'keptFamilyName', render: keptName },
    { key: 'merged', header: t('merges.merged'), render: mergedName },
    { key: 'mergedAt', header: t('merges.mergedAt'), sortField: 'mergedAt', render: (m) => formatDateTime(m.mergedAt, i18n.language) },
    { key: 'mergedBy', header: t('merges.mergedBy'), render: (m) => m.mergedByName ?? '—' },
    {
      key: 'status',
      header: t('merges.status'),
      render: (m) =>
        m.undoneAt ? (
          <Badge color="gray.8" variant="filled" tt="none" miw="max-content">
            {t('merges.undoneAt', { date: formatDateTime(m.undoneAt, i18n.language) })}
          </Badge>
        ) : (
          <Button
            size="compact-sm"
            variant="default"
            aria-label={t('merges.undoFor', { kept: keptName(m), merged: mergedName(m) })}
            onClick={() => {
              undo.reset();
              setConfirming(m);
            }}
          >
            {t('merges.undo')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('merges.title')} />
      <Text mb="md">{t('merges.intro')}</Text>
      {undone && (
        <Alert color="teal" variant="light" role="status" mb="md">
          {t('merges.done', { kept: keptName(undone), merged: mergedName(undone) })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        {page.data?.total === 0 && <Text mb="sm">{t('merges.none')}</Text>}
        <DataTable
          caption={t('merges.title')}
          columns={columns}
          rows={page.data?.items ?? []}
          rowKey={(m) => m.id}
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
      {/* No close icon: "Cancel" (or Escape) closes the dialog, with a name a screen reader can say. */}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('merges.confirmTitle')}
        withCloseButton={false}
        centered
      >
        {confirming && (
          <>
            {undo.error && <ErrorAlert error={undo.error} />}
            <Text mb="md">{t('merges.confirmText', { kept: keptName(confirming), merged: mergedName(confirming) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red.9" loading={undo.isPending} onClick={() => undo.mutate(confirming)}>
                {t('merges.confirmUndo')}
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </>
  );
}
