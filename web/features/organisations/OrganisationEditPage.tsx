import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { OrganisationView } from '../../../server/modules/organisations/organisations.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { OrganisationEditor } from './OrganisationEditor.tsx';

export function OrganisationEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useQuery({ queryKey: ['/api/organisations', id], queryFn: () => api.get<OrganisationView>(`/api/organisations/${id}`) });
  return (
    <>
      <PageHeader title={record.data?.name ?? t('organisations.editTitle')} />
      {record.isPending && <Loading />}
      {record.error && <ErrorAlert error={record.error} />}
      {record.data && <OrganisationEditor key={record.data.id} record={record.data} />}
    </>
  );
}
