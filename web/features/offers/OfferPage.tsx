import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { OfferView } from '../../../server/modules/offers/offers.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { EnrolmentsSection } from './EnrolmentsSection.tsx';
import { offerKindLabel, targetGroupLabel } from './labels.ts';
import { OfferForm } from './OfferForm.tsx';
import { useOffer } from './queries.ts';

function OfferFacts({ offer }: { offer: OfferView }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <FactList
      facts={[
        [t('offers.field.kind'), offerKindLabel(t, offer.kind)],
        [t('offers.field.provider'), offer.providerName],
        [t('offers.field.dates'), `${formatDate(offer.startsOn, i18n.language)} – ${formatDate(offer.endsOn, i18n.language)}`],
        [t('offers.field.schedule'), offer.schedule],
        [t('offers.field.place'), offer.place],
        [t('offers.field.language'), offer.language],
        [t('offers.field.targetGroups'), offer.targetGroups.map((g) => targetGroupLabel(t, g)).join(', ') || t('offers.forEveryone')],
        [t('offers.field.childcare'), offer.childcare ? t('common.yes') : t('common.no')],
        [
          t('offers.field.freePlaces'),
          t('offers.placesValue', { free: n(offer.freePlaces), capacity: n(offer.capacity), waiting: n(offer.waiting) }),
        ],
        [t('offers.field.description'), offer.description],
      ]}
    />
  );
}

/** One offer: its facts (editable by its provider and admins) and its participants as the user may see them. */
export function OfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const offer = useOffer(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const o = offer.data;
  const seesParticipants = me.memberships.some(
    (m) => m.role === 'case_manager' || (m.role === 'partner_caseworker' && m.organisationId === o?.providerOrganisationId),
  );

  return (
    <>
      <PageHeader title={o?.title ?? t('offers.detailTitle')} />
      {offer.isPending && <Loading />}
      {offer.error && <ErrorAlert error={offer.error} />}
      {o && (
        <Stack gap="xl">
          <Paper withBorder p="md" component="section" aria-labelledby="offer-facts">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="offer-facts">
                {t('offers.facts')}
              </Title>
              {o.manageable && !editing && (
                <Button
                  variant="default"
                  size="sm"
                  onClick={() => {
                    setEditing(true);
                    setSaved(false);
                  }}
                >
                  {t('offers.edit')}
                </Button>
              )}
            </Group>
            {saved && (
              <Alert color="green" variant="light" role="status" mb="sm">
                {t('common.saved')}
              </Alert>
            )}
            {editing ? (
              <OfferForm
                key={o.version}
                record={o}
                onSaved={() => {
                  setEditing(false);
                  setSaved(true);
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <OfferFacts offer={o} />
            )}
          </Paper>
          {seesParticipants && <EnrolmentsSection offer={o} />}
        </Stack>
      )}
    </>
  );
}
