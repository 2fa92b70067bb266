import { Anchor, Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, CEFR_LEVELS, type ParticipantListItem } from '../../../server/modules/participants/participants.schemas.ts';
import { RESIDENCE_TITLES } from '../../../server/modules/residence/residence.schemas.ts';
import { withQuery } from '../../shared/api/client.ts';
import { useCities } from '../../shared/api/cities.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { caseStatusLabel } from '../../shared/i18n/labels.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { usePage } from '../../shared/lists/usePage.ts';
import { useCaseManagers } from './queries.ts';

const PATH = '/api/participants';
/** Choices for "residence document expires within …" (expired ones are always included). */
const DEADLINE_DAYS = [30, 90, 180] as const;

/** The participants of the case manager's office (the server returns only those). */
export function ParticipantsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const cities = useCities();
  const managers = useCaseManagers();
  const list = useListParams({ sort: 'familyName' }, [
    'q',
    'status',
    'cityId',
    'caseManagerId',
    'residenceTitle',
    'germanLevel',
    'deadlineWithinDays',
  ] as const);
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

  return (
    <>
      <PageHeader title={t('participants.title')}>
        <Button component={Link} to="/participants/new">
          {t('participantForm.createTitle')}
        </Button>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button key={format} component="a" variant="default" href={withQuery(`${PATH}/export`, { ...list.filterQuery, format })} download>
            {t(`participants.export.${format}`)}
          </Button>
        ))}
      </PageHeader>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput
            label={t('lists.search')}
            value={list.filters.q}
            onSearch={(q) => list.update({ q, sort: q ? 'relevance' : list.sort === 'relevance' ? '' : list.sort })}
          />
          <NativeSelect
            label={t('participants.caseStatus')}
            value={list.filters.status}
            onChange={(e) => list.update({ status: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...CASE_STATUSES.map((s) => ({ value: s, label: caseStatusLabel(t, s) }))]}
          />
          <NativeSelect
            label={t('participants.city')}
            value={list.filters.cityId}
            onChange={(e) => list.update({ cityId: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          />
          <NativeSelect
            label={t('participants.residence')}
            value={list.filters.residenceTitle}
            onChange={(e) => list.update({ residenceTitle: e.currentTarget.value })}
            data={[{ value: '', label: t('lists.all') }, ...RESIDENCE_TITLES.map((r) => ({ value: r, label: residenceTitle(r) }))]}
          />
          <NativeSelect
            label={t('participants.germanLevel')}
            value={list.filters.germanLevel}
            onChange={(e) => list.update({ germanLevel: e.currentTarget.value })}
            data={[
              { value: '', label: t('lists.all') },
              ...CEFR_LEVELS.map((l) => ({ value: l, label: l === 'none' ? t('participants.noGerman') : l })),
            ]}
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
          <NativeSelect
            label={t('participants.caseManager')}
            value={list.filters.caseManagerId}
            onChange={(e) => list.update({ caseManagerId: e.currentTarget.value })}
            data={[
              { value: '', label: t('lists.all') },
              { value: me.user.id, label: t('participants.onlyMine') },
              // A colleague in two of the user's offices is listed once.
              ...[...new Map((managers.data ?? []).filter((m) => m.id !== me.user.id).map((m) => [m.id, m.displayName]))].map(
                ([value, label]) => ({ value, label }),
              ),
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
          totalCapped={page.data !== undefined && 'totalCapped' in page.data && page.data.totalCapped === true}
          onPage={(p) => list.update({ page: p })}
          onPageSize={(pageSize) => list.update({ pageSize })}
        />
      </Paper>
    </>
  );
}
