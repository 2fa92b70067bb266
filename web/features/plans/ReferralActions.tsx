import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentCategory } from '../../../server/modules/consents/consents.schemas.ts';
import { ReasonInput, ReferralSendInput, type ReferralView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { schemaErrors } from '../../shared/forms/validation.ts';
import { referralQueryKey, referralsQueryKey } from './queries.ts';

// What the office does with a referral from the participant's tab: send a draft (with
// a reason when no consent covers it) and revoke one that is sent or accepted.

/** After a change: the referral and the participant's list are read again. */
function useRefresh(referral: ReferralView) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: referralQueryKey(referral.id) });
    await queryClient.invalidateQueries({ queryKey: referralsQueryKey(referral.participantId) });
  };
}

/** The consent check of a draft and its Send button; refused without consent, it offers sending with a reason. */
export function SendPanel({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const refresh = useRefresh(referral);
  const [refused, setRefused] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const check = referral.consentCheck;
  const categories = (list: ConsentCategory[]) => list.map((c) => t(`consent.categories.${c}`)).join(', ');
  const send = useMutation({
    mutationFn: (overrideReason: string | null) =>
      api.post<ReferralView>(`/api/referrals/${referral.id}/send`, { version: referral.version, overrideReason }),
    onSuccess: refresh,
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 400 && error.fields.consent) setRefused(true);
      if (error instanceof ApiError && error.status === 400 && error.fields.overrideReason && refused)
        setReasonError(t('referralsTab.overrideTooShort'));
      if (error instanceof ApiError && error.status === 409) await refresh();
    },
  });
  const sendWithReason = () => {
    const errors = schemaErrors(t, ReferralSendInput, { version: referral.version, overrideReason: reason });
    if (errors.overrideReason) {
      setReasonError(t('referralsTab.overrideTooShort'));
      return;
    }
    setReasonError(null);
    send.mutate(reason.trim());
  };
  const refusal = send.error instanceof ApiError && send.error.status === 400 && refused;
  return (
    <Stack gap="xs" mt="sm">
      {check && (
        <Alert color={check.covered ? 'teal' : 'orange'} variant="light" title={t('referralsTab.consentHeading')}>
          {check.covered ? t('referralsTab.consentCovered') : t('referralsTab.consentMissing', { categories: categories(check.missing) })}
        </Alert>
      )}
      {send.error && !refusal && <ErrorAlert error={send.error} />}
      {refused ? (
        <Alert color="red" variant="light" role="alert" title={t('referralsTab.refused')}>
          {check && check.missing.length > 0 && (
            <Text size="sm">{t('referralsTab.refusedMissing', { categories: categories(check.missing) })}</Text>
          )}
          <Text size="sm" mb="sm">
            {t('referralsTab.refusedHelp')}
          </Text>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              sendWithReason();
            }}
            noValidate
          >
            <Textarea
              label={t('referralsTab.overrideReason')}
              description={t('referralsTab.overrideHelp')}
              required
              autosize
              minRows={2}
              value={reason}
              error={reasonError}
              onChange={(e) => setReason(e.currentTarget.value)}
              bg="white"
            />
            <Group mt="sm">
              <Button type="submit" color="red.9" loading={send.isPending}>
                {t('referralsTab.sendWithoutConsent')}
              </Button>
            </Group>
          </form>
        </Alert>
      ) : (
        <Group>
          <Button onClick={() => send.mutate(null)} loading={send.isPending}>
            {t('referralsTab.send')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function RevokeForm({ referral, onDone }: { referral: ReferralView; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(referral);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ReactNode>(null);
  const revoke = useMutation({
    mutationFn: () =>
      api.post<ReferralView | null>(`/api/referrals/${referral.id}/revoke`, { version: referral.version, reason: reason.trim() }),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) await refresh();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const errors = schemaErrors(t, ReasonInput, { version: referral.version, reason });
        setError(errors.reason ?? null);
        if (!errors.reason) revoke.mutate();
      }}
      noValidate
    >
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <Textarea
        label={t('referralsTab.revokeReason')}
        required
        value={reason}
        error={error}
        onChange={(e) => setReason(e.currentTarget.value)}
        mt="sm"
      />
      <Group mt="sm">
        <Button type="submit" color="red.9" loading={revoke.isPending}>
          {t('referralsTab.confirmRevoke')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
