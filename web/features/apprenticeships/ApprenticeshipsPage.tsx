import { Anchor, Checkbox, Group, NativeSelect, Paper, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AGREEMENT_STATUSES,
  RISK_LEVELS,
  type AgreementListItem,
} from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { reasonText, riskLabel, statusLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton, type CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { HelpRequestsPanel } from './HelpRequestsPanel.tsx';
import { LIST_PATH } from './queries.ts';
import { RiskBadge } from './RiskBadge.tsx';

function columns(t: TFunction, language: string): Column<AgreementListItem>[] {
  return [
    {
      key: 'participantName',
      header: t('apprenticeships.fields.apprentice'),
      sortField: 'participantName',
      render: (a) => (
        <Anchor component={Link} to={`/apprenticeships/${a.id}`}>
          {a.participantName}
        </Anchor>
      ),
    },
    { key: 'company', header: t('apprenticeships.fields.company'), render: (a) => a.employerName },
    { key: 'occupation', header: t('apprenticeships.fields.occupation'), render: (a) => a.occupation },
    { key: 'risk', header: t('apprenticeships.fields.risk'), sortField: 'risk', render: (a) => <RiskBadge risk={a.risk} /> },
    {
      key: 'reasons',
      header: t('apprenticeships.fields.reasons'),
      render: (a) => a.risk.reasons.map((r) => reasonText(t, r, language)).join('; ') || '—',
    },
    {
      key: 'nextCheckInOn',
      header: t('apprenticeships.fields.nextCheckInOn'),
      sortField: 'nextCheckInOn',
      render: (a) => formatDate(a.nextCheckInOn, language) || '—',
    },
    {
      key: 'plannedEndOn',
      header: t('apprenticeships.fields.plannedEndOn'),
      sortField: 'plannedEndOn',
      render: (a) => formatDate(a.plannedEndOn, language),
    },
  ];
}

function csvColumns(t: TFunction, language: string): CsvColumn<AgreementListItem>[] {
  return [
    { header: t('apprenticeships.fields.apprentice'), value: (a) => a.participantName },
    { header: t('apprenticeships.fields.company'), value: (a) => a.employerName },
    { header: t('apprenticeships.fields.occupation'), value: (a) => a.occupation },
    { header: t('apprenticeships.fields.status'), value: (a) => statusLabel(t, a.status) },
    { header: t('apprenticeships.fields.risk'), value: (a) => riskLabel(t, a.risk.level) },
    { header: t('apprenticeships.fields.reasons'), value: (a) => a.risk.reasons.map((r) => reasonText(t, r, language)).join('; ') },
    { header: t('apprenticeships.fields.nextCheckInOn'), value: (a) => a.nextCheckInOn },
    { header: t('apprenticeships.fields.plannedEndOn'), value: (a) => a.plannedEndOn },
  ];
}

/** The office's apprenticeships, most at risk first: filter, sort, page, CSV; and the companies' requests for help. */
export function ApprenticeshipsPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'risk', order: 'asc' }, ['q', 'risk', 'atRisk', 'status', 'checkInDue'] as const);
  const page = usePage<AgreementListItem>(LIST_PATH, list.query);
  const flag = (name: 'atRisk' | 'checkInDue', label: string) => (
    <Checkbox
      label={label}
      checked={list.filters[name] === 'true'}
      onChange={(e) => list.update({ [name]: e.currentTarget.checked ? 'true' : '' })}
      mb={8}
    />
  );

  return (
    <>
      <PageHeader title={t('apprenticeships.list.title')}>
        <ExportCsvButton
          path={LIST_PATH}
          params={list.filterQuery}
          columns={csvColumns(t, i18n.language)}
          filename={t('apprenticeships.list.fileName')}
        />
      </PageHeader>
      <Text mb="md">{t('apprenticeships.list.intro')}</Text>
      <HelpRequestsPanel />
      <Paper withBorder p="md" mt="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('apprenticeships.list.riskFilter')}
            value={list.filters.risk}
            onChange={(e) => list.update({ risk: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...RISK_LEVELS.map((r) => ({ value: r, label: riskLabel(t, r) }))]}
          />
          <NativeSelect
            label={t('apprenticeships.list.status')}
            value={list.filters.status || 'active'}
            onChange={(e) => list.update({ status: e.currentTarget.value })}
            data={AGREEMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          />
          {flag('atRisk', t('apprenticeships.list.atRisk'))}
          {flag('checkInDue', t('apprenticeships.list.checkInDue'))}
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('apprenticeships.list.title')}
          columns={columns(t, i18n.language)}
          rows={page.data?.items ?? []}
          rowKey={(a) => a.id}
          sort={list.sort}
          order={list.order}
          onSort={list.toggleSort}
          loading={page.isFetching}
          minWidth={860}
        />
        {page.data?.total === 0 && <Text size="sm">{t('apprenticeships.list.empty')}</Text>}
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
