import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../shared/api/session.ts';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { OfferForm } from './OfferForm.tsx';
import { publishableProviders } from './offerForm.ts';
import { useProviders } from './queries.ts';

/** A new offer, for a provider the user may publish for. */
export function OfferCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const providers = useProviders();
  return (
    <>
      <PageHeader title={t('offers.new')} />
      <Paper withBorder p="md">
        {providers.isPending ? (
          <Loading />
        ) : (
          <OfferForm
            providers={publishableProviders(me.memberships, providers.data ?? [])}
            onSaved={(offer) => void navigate(`/offers/${offer.id}`)}
            onCancel={() => void navigate('/offers')}
          />
        )}
      </Paper>
    </>
  );
}
