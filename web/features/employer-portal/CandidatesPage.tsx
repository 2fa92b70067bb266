import { NativeSelect, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { ProposalBoard } from '../../shared/jobs/ProposalBoard.tsx';
import { useProposals } from '../../shared/jobs/queries.ts';
import { usePage } from '../../shared/lists/usePage.ts';

/** The candidates proposed to the company, in columns by stage, for all vacancies or one. */
export function CandidatesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const vacancyId = search.get('vacancyId') ?? '';
  const vacancies = usePage<VacancyView>('/api/vacancies', { pageSize: 200, sort: 'title', order: 'asc' });
  const proposals = useProposals(vacancyId ? { vacancyId } : {});

  return (
    <>
      <PageHeader title={t('employerPortal.candidates.title')} />
      <Text mb="md">{t('employerPortal.candidates.intro')}</Text>
      <Paper withBorder p="md">
        <NativeSelect
          label={t('employerPortal.candidates.vacancy')}
          w={{ base: '100%', sm: 320 }}
          mb="md"
          value={vacancyId}
          onChange={(e) => setSearch(e.currentTarget.value ? { vacancyId: e.currentTarget.value } : {}, { replace: true })}
          data={[{ value: '', label: t('lists.all') }, ...(vacancies.data?.items ?? []).map((v) => ({ value: v.id, label: v.title }))]}
        />
        {proposals.isPending && <Loading />}
        {proposals.error && <ErrorAlert error={proposals.error} />}
        {proposals.data && <ProposalBoard proposals={proposals.data} side="employer" linkOf={(p) => `/candidates/${p.id}`} />}
      </Paper>
    </>
  );
}
