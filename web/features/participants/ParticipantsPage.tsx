import { Anchor, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, type ParticipantListItem } from '../../../server/modules/participants/participants.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { caseStatusLabel, genderLabel } from '../../shared/i18n/labels.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton, type CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';

const PATH = '/api/participants';
/** Choices for "residence document expires within …" (expired ones are always included). */
const DEADLINE_DAYS = [30, 90, 180] as const;

/** The participants of the case manager's office (the server returns only those). */
export function ParticipantsPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'familyName' }, ['q', 'status', 'deadlineWithinDays'] as const);
  const page = usePage<ParticipantListItem>(PATH, list.query);
  const date = (value: string | null) => formatDate(value, i18n.language);
  const residenceTitle = (title: string) => t(`participants.residenceTitles.${title as 'other'}`, { defaultValue: title });

  const columns: Column<ParticipantListItem>[] = [
    {
      key: 'familyName',
      header: t('participants.familyName'),
      sortField: 'familyName',
      render: (p) => (
        <Anchor component={Link} to={`/participants/${p.id}`}>
          {p.familyName}
        </Anchor>
      ),
    },
    { key: 'givenNames', header: t('participants.givenNames'), sortField: 'givenNames', render: (p) => p.givenNames },
    { key: 'birthDate', header: t('participants.birthDate'), sortField: 'birthDate', render: (p) => date(p.birthDate) },
    { key: 'caseStatus', header: t('participants.caseStatus'), sortField: 'caseStatus', render: (p) => caseStatusLabel(t, p.caseStatus) },
    { key: 'entryDate', header: t('participants.entryDate'), sortField: 'entryDate', render: (p) => date(p.entryDate) },
    {
      key: 'residence',
      header: t('participants.residence'),
      sortField: 'residenceValidUntil',
      render: (p) =>
        p.residenceTitle ? (
          <>
            {residenceTitle(p.residenceTitle)}
            {p.residenceValidUntil && <Text size="xs">{t('participants.residenceValidUntil', { date: date(p.residenceValidUntil) })}</Text>}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'caseManager', header: t('participants.caseManager'), render: (p) => p.caseManagerName ?? '—' },
  ];
  const csv: CsvColumn<ParticipantListItem>[] = [
    { header: t('participants.familyName'), value: (p) => p.familyName },
    { header: t('participants.givenNames'), value: (p) => p.givenNames },
    { header: t('participants.birthDate'), value: (p) => p.birthDate },
    { header: t('participants.gender'), value: (p) => genderLabel(t, p.gender) },
    { header: t('participants.office'), value: (p) => p.officeName },
    { header: t('participants.city'), value: (p) => p.cityName },
    { header: t('participants.caseStatus'), value: (p) => caseStatusLabel(t, p.caseStatus) },
    { header: t('participants.entryDate'), value: (p) => p.entryDate },
    { header: t('participants.caseManager'), value: (p) => p.caseManagerName },
    { header: t('participants.residence'), value: (p) => p.residenceTitle && residenceTitle(p.residenceTitle) },
    { header: t('participants.residenceValidUntilColumn'), value: (p) => p.residenceValidUntil },
  ];

  return (
    <>
      <PageHeader title={t('participants.title')}>
        <ExportCsvButton path={PATH} params={list.filterQuery} columns={csv} filename={t('participants.fileName')} />
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('lists.search')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
          <NativeSelect
            label={t('participants.caseStatus')}
            value={list.filters.status}
            onChange={(e) => list.update({ status: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...CASE_STATUSES.map((s) => ({ value: s, label: caseStatusLabel(t, s) }))]}
          />
          <NativeSelect
            label={t('participants.deadlineFilter')}
            value={list.filters.deadlineWithinDays}
            onChange={(e) => list.update({ deadlineWithinDays: e.currentTarget.value })}
            data={[
              { value: '', label: t('lists.all') },
              ...DEADLINE_DAYS.map((days) => ({ value: String(days), label: t('participants.withinDays', { count: days }) })),
            ]}
          />
        </Group>
        {page.error && <ErrorAlert error={page.error} />}
        <DataTable
          caption={t('participants.title')}
          columns={columns}
          rows={page.data?.items ?? []}
          rowKey={(p) => p.id}
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
