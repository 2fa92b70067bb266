import { Anchor, Group, NativeSelect, Paper, SegmentedControl, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DeadlineView } from '../../../server/modules/residence/residence.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { DataTable, type Column } from '../../shared/lists/DataTable.tsx';

const WITHIN_DAYS = [14, 42, 90, 180] as const;

/** Fristen: residence documents and employability reviews coming due, for me or the whole office. */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const withinDays = search.get('withinDays') ?? '42';
  const mine = search.get('mine') === 'false' ? 'false' : 'true';
  const update = (patch: Record<string, string>) => setSearch({ withinDays, mine, ...patch }, { replace: true });
  const deadlines = useQuery({
    queryKey: ['/api/deadlines', withinDays, mine],
    queryFn: () => api.get<DeadlineView[]>('/api/deadlines', { withinDays, mine }),
    placeholderData: keepPreviousData,
  });

  const columns: Column<DeadlineView>[] = [
    { key: 'date', header: t('deadlines.date'), render: (d) => formatDate(d.date, i18n.language) },
    {
      key: 'daysLeft',
      header: t('deadlines.daysLeftHeader'),
      render: (d) =>
        d.daysLeft < 0 ? (
          <Text span fw={700} c="red.9" size="sm">
            {t('deadlines.overdue', { count: -d.daysLeft })}
          </Text>
        ) : (
          t('deadlines.daysLeft', { count: d.daysLeft })
        ),
    },
    {
      key: 'name',
      header: t('participants.name'),
      render: (d) => (
        <Anchor
          component={Link}
          to={`/participants/${d.participantId}?tab=${d.kind === 'residence_expiry' ? 'residence' : 'employability'}`}
        >
          {d.givenNames} {d.familyName}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('deadlines.kind'),
      render: (d) => `${t(`deadlines.kinds.${d.kind}`)}${d.title ? ` (${t(`participants.residenceTitles.${d.title}`)})` : ''}`,
    },
  ];

  return (
    <>
      <PageHeader title={t('deadlines.title')} />
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="md">
          <div>
            <Text size="sm" fw={500} id="deadlines-whose" mb={4}>
              {t('deadlines.whose')}
            </Text>
            <SegmentedControl
              aria-labelledby="deadlines-whose"
              value={mine}
              onChange={(value) => update({ mine: value })}
              data={[
                { value: 'true', label: t('deadlines.mine') },
                { value: 'false', label: t('deadlines.office') },
              ]}
            />
          </div>
          <NativeSelect
            label={t('deadlines.within')}
            value={withinDays}
            onChange={(e) => update({ withinDays: e.currentTarget.value })}
            data={WITHIN_DAYS.map((days) => ({ value: String(days), label: t('participants.withinDays', { count: days }) }))}
          />
        </Group>
        {deadlines.error && <ErrorAlert error={deadlines.error} />}
        <DataTable
          caption={t('deadlines.caption', { count: deadlines.data?.length ?? 0 })}
          columns={columns}
          rows={deadlines.data ?? []}
          rowKey={(d) => `${d.participantId}-${d.kind}-${d.date}`}
          loading={deadlines.isFetching}
          minWidth={560}
        />
      </Paper>
    </>
  );
}
