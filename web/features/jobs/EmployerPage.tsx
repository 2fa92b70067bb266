import { Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { DataTable } from '../../shared/lists/DataTable.tsx';
import { usePage } from '../../shared/lists/usePage.ts';
import { ContactLog } from './ContactLog.tsx';
import { EmployerEditor } from './EmployerEditor.tsx';
import { useEmployer } from './queries.ts';
import { vacancyColumns } from './vacancyColumns.tsx';

/** One employer: the profile with contact persons and notes, the contact log, and its vacancies. */
export function EmployerPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const employer = useEmployer(id);
  const vacancies = usePage<VacancyView>('/api/vacancies', { employerId: id, pageSize: 100, sort: 'updatedAt', order: 'desc' });
  const e = employer.data;
  const created = (location.state as { created?: boolean } | null)?.created === true;

  return (
    <>
      <PageHeader title={e?.name ?? t('jobs.employers.detailTitle')} />
      {employer.isPending && <Loading />}
      {employer.error && <ErrorAlert error={employer.error} />}
      {e && (
        <Stack gap="xl">
          <Paper withBorder p="md" component="section" aria-labelledby="employer-profile">
            <Title order={2} size="h4" id="employer-profile" mb="sm">
              {t('jobs.employer.profile')}
            </Title>
            <EmployerEditor key={e.id} record={e} created={created} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="employer-vacancies">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="employer-vacancies">
                {t('jobs.employer.vacancies')}
              </Title>
              <Button component={Link} to={`/vacancies/new?employerId=${e.id}`} size="sm">
                {t('jobs.vacancies.new')}
              </Button>
            </Group>
            {vacancies.error && <ErrorAlert error={vacancies.error} />}
            <DataTable
              caption={t('jobs.employer.vacanciesOf', { name: e.name })}
              columns={vacancyColumns(t, i18n.language, false)}
              rows={vacancies.data?.items ?? []}
              rowKey={(v) => v.id}
              loading={vacancies.isFetching}
            />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="employer-contacts">
            <Title order={2} size="h4" id="employer-contacts" mb="sm">
              {t('jobs.contactLog.heading')}
            </Title>
            <ContactLog employerId={e.id} />
          </Paper>
        </Stack>
      )}
      <Anchor component={Link} to="/employers" display="inline-block" mt="md">
        {t('jobs.employers.backToList')}
      </Anchor>
    </>
  );
}
