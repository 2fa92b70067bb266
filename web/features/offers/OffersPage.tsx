import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OFFER_KINDS, TARGET_GROUPS, type OfferView } from '../../../server/modules/offers/offers.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { DataTable } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { offerKindLabel, targetGroupLabel } from './labels.ts';
import { offerColumns, offerCsvColumns } from './offerColumns.tsx';
import { publishableProviders } from './offerForm.ts';
import { useProviders } from './queries.ts';

const PATH = '/api/offers';
const FILTERS = ['q', 'kind', 'targetGroup', 'providerId', 'from', 'until', 'hasPlaces', 'childcare'] as const;

/** The catalogue of offers: search and filters, sorted and paged by the server, exported as CSV. */
export function OffersPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const providers = useProviders();
  const list = useListParams({ sort: 'startsOn' }, FILTERS);
  const page = usePage<OfferView>(PATH, list.query);
  const all = { value: '', label: t('lists.all') };
  const yesNo = [all, { value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }];

  return (
    <>
      <PageHeader title={t('offers.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={offerCsvColumns(t)} filename={t('offers.fileName')} />
        {publishableProviders(me.memberships, providers.data ?? []).length > 0 && (
          <Button component={Link} to="/offers/new">
            {t('offers.new')}
          </Button>
        )}
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('offers.field.kind')}
            value={list.filters.kind}
            onChange={(e) => list.update({ kind: e.currentTarget.value })}
            data={[all, ...OFFER_KINDS.map((k) => ({ value: k, label: offerKindLabel(t, k) }))]}
          />
          <NativeSelect
            label={t('offers.field.targetGroup')}
            value={list.filters.targetGroup}
            onChange={(e) => list.update({ targetGroup: e.currentTarget.value })}
            data={[all, ...TARGET_GROUPS.map((g) => ({ value: g, label: targetGroupLabel(t, g) }))]}
          />
          <NativeSelect
            label={t('offers.field.provider')}
            value={list.filters.providerId}
            onChange={(e) => list.update({ providerId: e.currentTarget.value })}
            data={[all, ...(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
          <TextInput
            type="date"
            label={t('offers.filter.from')}
            value={list.filters.from}
            onChange={(e) => list.update({ from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('offers.filter.until')}
            value={list.filters.until}
            onChange={(e) => list.update({ until: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('offers.filter.hasPlaces')}
            value={list.filters.hasPlaces}
            onChange={(e) => list.update({ hasPlaces: e.currentTarget.value })}
            data={yesNo}
          />
          <NativeSelect
            label={t('offers.field.childcare')}
            value={list.filters.childcare}
            onChange={(e) => list.update({ childcare: e.currentTarget.value })}
            data={yesNo}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('offers.title')}
          columns={offerColumns(t, i18n.language)}
          rows={page.data?.items ?? []}
          rowKey={(o) => o.id}
          sort={list.sort}
          order={list.order}
          onSort={list.toggleSort}
          loading={page.isFetching}
          minWidth={860}
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
