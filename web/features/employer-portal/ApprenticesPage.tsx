import { Anchor, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyApprenticeItem } from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { statusLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { DataTable } from '../../shared/lists/DataTable.tsx';

export const apprenticesKey = ['/api/employer/apprentices'] as const;

/** The company's apprentices who consented to share plan and progress with it. */
export function ApprenticesPage() {
  const { t, i18n } = useTranslation();
  const apprentices = useQuery({ queryKey: apprenticesKey, queryFn: () => api.get<CompanyApprenticeItem[]>('/api/employer/apprentices') });
  const lang = i18n.language;
  return (
    <>
      <PageHeader title={t('apprenticeships.company.title')} />
      <Text mb="md">{t('apprenticeships.company.intro')}</Text>
      <Paper withBorder p="md">
        {apprentices.isPending && <Loading />}
        {apprentices.error && <ErrorAlert error={apprentices.error} />}
        {apprentices.data?.length === 0 && <Text size="sm">{t('apprenticeships.company.empty')}</Text>}
        {!!apprentices.data?.length && (
          <DataTable
            caption={t('apprenticeships.company.title')}
            rows={apprentices.data}
            rowKey={(a) => a.id}
            columns={[
              {
                key: 'name',
                header: t('apprenticeships.fields.apprentice'),
                render: (a) => (
                  <Anchor component={Link} to={`/my-apprentices/${a.id}`}>
                    {a.participantName}
                  </Anchor>
                ),
              },
              { key: 'occupation', header: t('apprenticeships.fields.occupation'), render: (a) => a.occupation },
              { key: 'status', header: t('apprenticeships.fields.status'), render: (a) => statusLabel(t, a.status) },
              { key: 'next', header: t('apprenticeships.fields.nextCheckInOn'), render: (a) => formatDate(a.nextCheckInOn, lang) || '—' },
              { key: 'end', header: t('apprenticeships.fields.plannedEndOn'), render: (a) => formatDate(a.plannedEndOn, lang) },
            ]}
          />
        )}
      </Paper>
    </>
  );
}
