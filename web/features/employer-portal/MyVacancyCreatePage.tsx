import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { VacancyForm } from '../../shared/jobs/VacancyForm.tsx';
import { useOwnCompany } from './queries.ts';

/** A new vacancy of the contact's own company. */
export function MyVacancyCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const company = useOwnCompany();
  return (
    <>
      <PageHeader title={t('jobs.vacancies.new')} />
      <Paper withBorder p="lg">
        {company.isPending && <Loading />}
        {company.error && <ErrorAlert error={company.error} />}
        {company.data && (
          <>
            <Text mb="md">{t('employerPortal.vacancies.forCompany', { company: company.data.name })}</Text>
            <VacancyForm
              employerId={company.data.id}
              onSaved={(vacancy) => void navigate(`/my-vacancies/${vacancy.id}`, { state: { created: true } })}
              onCancel={() => void navigate('/my-vacancies')}
            />
          </>
        )}
      </Paper>
    </>
  );
}
