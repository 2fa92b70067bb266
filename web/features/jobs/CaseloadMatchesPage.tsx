import { Anchor, Box, Button, Group, Loader, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { FlagBadges } from '../../shared/jobs/Badges.tsx';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';
import { ExportCsvButton } from '../../shared/lists/ExportCsvButton.tsx';
import { ListFooter } from '../../shared/lists/ListFooter.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';
import { useListParams } from '../../shared/lists/useListParams.ts';
import { caseloadCsvColumns, exclusionLabel, filterByName, pageOf, sortCaseload, type CaseloadSort } from './caseloadList.ts';
import { useCaseloadMatches, type CaseloadPerson } from './queries.ts';

const PER_PERSON = 3;

function BestVacancies({ person }: { person: CaseloadPerson }) {
  const { t } = useTranslation();
  if (person.excludedBecause)
    return (
      <Text size="sm">
        <Text span fw={700} size="sm">
          {t('jobs.caseload.excluded')}:
        </Text>{' '}
        {exclusionLabel(t, person.excludedBecause)}
      </Text>
    );
  if (person.best.length === 0) return <Text size="sm">{t('jobs.match.noVacancies')}</Text>;
  return (
    <Stack component="ol" gap={4} m={0} ps="md" aria-label={t('jobs.caseload.bestOf', { name: person.name })}>
      {person.best.map((b) => (
        <li key={b.vacancyId}>
          <Anchor component={Link} to={`/vacancies/${b.vacancyId}`} size="sm" fw={600}>
            {b.title}
          </Anchor>
          <Text span size="sm">
            {' – '}
            {b.employerName}
            {' · '}
            {t('jobs.match.score', { score: b.score })}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function PersonLink({ person }: { person: CaseloadPerson }) {
  return (
    <Anchor component={Link} to={`/participants/${person.participantId}?tab=jobs`} fw={600}>
      {person.name}
    </Anchor>
  );
}

function PersonCards({ people }: { people: CaseloadPerson[] }) {
  const { t } = useTranslation();
  if (people.length === 0) return <Text size="sm">{t('lists.empty')}</Text>;
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('jobs.caseload.title')}>
      {people.map((p) => (
        <Paper key={p.participantId} component="li" withBorder p="sm">
          <Stack gap={6} align="flex-start">
            <PersonLink person={p} />
            <FlagBadges flags={p.flags} />
            <BestVacancies person={p} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * "Matching vacancies" for the case manager's whole caseload: everyone with an open case and
 * their best open vacancies, or why they were left out. The server ranks the caseload in one
 * pass and returns it whole; filtering by name, the order and the pages are the browser's.
 */
export function CaseloadMatchesPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams({ sort: 'score', order: 'desc' }, ['q'] as const);
  const matches = useCaseloadMatches(PER_PERSON);
  const sort: CaseloadSort = list.sort === 'name' ? 'name' : 'score';
  const people = sortCaseload(filterByName(matches.data?.people ?? [], list.filters.q), sort, list.order);
  const shown = pageOf(people, list.page, list.pageSize);
  const n = (value: number) => formatNumber(value, i18n.language);

  // The flags under the name: the two things to know about a person before their vacancies.
  const columns: Column<CaseloadPerson>[] = [
    {
      key: 'name',
      header: t('jobs.caseload.person'),
      sortField: 'name',
      render: (p) => (
        <Stack gap={6} align="flex-start">
          <PersonLink person={p} />
          <FlagBadges flags={p.flags} />
        </Stack>
      ),
    },
    { key: 'best', header: t('jobs.caseload.best'), sortField: 'score', render: (p) => <BestVacancies person={p} /> },
  ];

  return (
    <>
      <PageHeader title={t('jobs.caseload.title')}>
        <ExportCsvButton rows={people} columns={caseloadCsvColumns(t, PER_PERSON)} filename={t('jobs.caseload.fileName')} />
        <Button variant="default" onClick={() => void matches.refetch()} loading={matches.isFetching} disabled={matches.isPending}>
          {t('jobs.caseload.refresh')}
        </Button>
      </PageHeader>
      <Text mb="md">{t('jobs.caseload.intro')}</Text>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('jobs.caseload.filterName')} value={list.filters.q} onSearch={(q) => list.update({ q })} />
        </Group>
        {matches.isPending && (
          <Group gap="sm" role="status" mb="sm" wrap="nowrap">
            <Loader size="sm" aria-hidden="true" />
            <Text size="sm">{t('jobs.caseload.loading')}</Text>
          </Group>
        )}
        {matches.error && <ErrorAlert error={matches.error} />}
        {matches.data && (
          <Text size="sm" role="status" mb="sm">
            {t('jobs.caseload.summary', {
              count: matches.data.people.length,
              people: n(matches.data.people.length),
              vacancies: n(matches.data.considered),
            })}
          </Text>
        )}
        {/* A phone has no room for the table: there each person is a card, in the same order. */}
        <Box visibleFrom="sm">
          <DataTable
            caption={t('jobs.caseload.title')}
            columns={columns}
            rows={shown.rows}
            rowKey={(p) => p.participantId}
            sort={sort}
            order={list.order}
            // Changing to the score column starts with the best; a second click turns the order round.
            onSort={(field) =>
              field === sort ? list.toggleSort(field) : list.update({ sort: field, order: field === 'score' ? 'desc' : 'asc' })
            }
            loading={matches.isPending}
            minWidth={640}
          />
        </Box>
        <Box hiddenFrom="sm">
          <NativeSelect
            label={t('jobs.caseload.sortBy')}
            mb="sm"
            value={sort === 'name' ? 'name' : 'score'}
            onChange={(e) => list.update({ sort: e.currentTarget.value, order: e.currentTarget.value === 'score' ? 'desc' : 'asc' })}
            data={[
              { value: 'score', label: t('jobs.caseload.sortScore') },
              { value: 'name', label: t('jobs.caseload.sortName') },
            ]}
          />
          <PersonCards people={shown.rows} />
        </Box>
        <ListFooter
          page={shown.page}
          pageSize={list.pageSize}
          total={people.length}
          onPage={(page) => list.update({ page })}
          onPageSize={(pageSize) => list.update({ pageSize })}
        />
      </Paper>
    </>
  );
}
