import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { UserView } from '../../../server/modules/users/users.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { UserEditor } from './UserEditor.tsx';

export function UserEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useQuery({ queryKey: ['/api/users', id], queryFn: () => api.get<UserView>(`/api/users/${id}`) });
  return (
    <>
      <PageHeader title={record.data?.displayName ?? t('users.editTitle')} />
      {record.isPending && <Loading />}
      {record.error && <ErrorAlert error={record.error} />}
      {record.data && <UserEditor key={record.data.id} record={record.data} />}
    </>
  );
}
