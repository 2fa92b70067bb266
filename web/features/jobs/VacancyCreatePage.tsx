import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useEmployerOptions } from '../../shared/jobs/queries.ts';
import { VacancyForm } from '../../shared/jobs/VacancyForm.tsx';

/** A new vacancy for any employer of the network (from an employer's page: that one chosen). */
export function VacancyCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const employers = useEmployerOptions();
  return (
    <>
      <PageHeader title={t('jobs.vacancies.new')} />
      <Paper withBorder p="lg">
        {employers.isPending && <Loading />}
        {employers.error && <ErrorAlert error={employers.error} />}
        {employers.data && (
          <VacancyForm
            employerId={search.get('employerId') ?? ''}
            employerOptions={employers.data.filter((e) => e.active).map((e) => ({ value: e.id, label: e.name }))}
            onSaved={(vacancy) => void navigate(`/vacancies/${vacancy.id}`, { state: { created: true } })}
            onCancel={() => void navigate(-1)}
          />
        )}
      </Paper>
    </>
  );
}
