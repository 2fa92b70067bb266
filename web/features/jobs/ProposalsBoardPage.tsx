import { Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { flagLabel, stageLabel } from '../../shared/jobs/labels.ts';
import { ProposalBoard } from '../../shared/jobs/ProposalBoard.tsx';
import { useEmployerOptions, useProposals } from '../../shared/jobs/queries.ts';
import { ExportCsvButton, type CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';

/** The proposals board: every proposal the user may follow, in columns by stage, filtered by employer and name. */
export function ProposalsBoardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const caseManager = me.memberships.some((m) => m.role === 'case_manager');
  const [search, setSearch] = useSearchParams();
  const employerId = search.get('employerId') ?? '';
  const q = (search.get('q') ?? '').toLocaleLowerCase();
  const employers = useEmployerOptions();
  const proposals = useProposals(employerId ? { employerId } : {});
  const shown = (proposals.data ?? []).filter(
    (p) => !q || p.candidateName.toLocaleLowerCase().includes(q) || p.vacancyTitle.toLocaleLowerCase().includes(q),
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const csv: CsvColumn<ProposalView>[] = [
    { header: t('jobs.proposals.candidate'), value: (p) => p.candidateName },
    { header: t('jobs.vacancy.title'), value: (p) => p.vacancyTitle },
    { header: t('jobs.vacancy.employer'), value: (p) => p.employerName },
    { header: t('jobs.stageMove.stage'), value: (p) => stageLabel(t, p.stage) },
    { header: t('jobs.proposals.stageOn'), value: (p) => p.stageOn },
    { header: t('jobs.flagsLabel'), value: (p) => p.flags.map((f) => flagLabel(t, f)).join('; ') },
    { header: t('jobs.proposals.proposedBy'), value: (p) => p.proposedByName },
    { header: t('jobs.proposals.createdAt'), value: (p) => p.createdAt },
  ];

  return (
    <>
      <PageHeader title={t('jobs.board.title')}>
        <ExportCsvButton rows={shown} columns={csv} filename={t('jobs.board.fileName')} />
      </PageHeader>
      <Text mb="md">{t('jobs.board.intro')}</Text>
      <Paper withBorder p="md">
        <Group align="flex-end" mb="md" gap="sm">
          <SearchInput label={t('jobs.board.search')} value={search.get('q') ?? ''} onSearch={(text) => set('q', text)} />
          <NativeSelect
            label={t('jobs.vacancy.employer')}
            value={employerId}
            onChange={(e) => set('employerId', e.currentTarget.value)}
            data={[{ value: '', label: t('lists.all') }, ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name }))]}
          />
        </Group>
        {proposals.isPending && <Loading />}
        {proposals.error && <ErrorAlert error={proposals.error} />}
        {proposals.data && (
          <ProposalBoard
            proposals={shown}
            side="staff"
            linkOf={(p) => (caseManager ? `/participants/${p.participantId}?tab=jobs` : `/vacancies/${p.vacancyId}`)}
          />
        )}
      </Paper>
    </>
  );
}
