import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { ReferralCard } from './ReferralCard.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { useReferrals } from './queries.ts';

/** The participant's referrals to partner organisations, and a new one. */
export function ReferralsTab({ participant }: { participant: ParticipantView }) {
  const { t } = useTranslation();
  const referrals = useReferrals(participant.id);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState(false);
  if (!participant.currentCase) return <Text>{t('plan.noCase')}</Text>;
  return (
    <Stack>
      {creating ? (
        <ReferralForm
          participant={participant}
          onDone={(referral) => {
            setCreating(false);
            setCreated(referral !== null);
          }}
        />
      ) : (
        <Group>
          <Button
            onClick={() => {
              setCreating(true);
              setCreated(false);
            }}
          >
            {t('referralsTab.new')}
          </Button>
        </Group>
      )}
      {created && (
        <Alert color="green" variant="light" role="status">
          {t('referralsTab.created')}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="referrals-heading">
        <Title order={2} size="h4" id="referrals-heading" mb="xs">
          {t('referralsTab.heading')}
        </Title>
        {referrals.isPending && <Loading />}
        {referrals.error && <ErrorAlert error={referrals.error} />}
        {referrals.data?.length === 0 && <Text size="sm">{t('referralsTab.none')}</Text>}
        <Stack gap="sm">
          {referrals.data?.map((item) => (
            <ReferralCard key={item.id} item={item} />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
