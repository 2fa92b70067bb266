import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonInput, type ReferralView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { schemaErrors } from '../../shared/forms/validation.ts';
import { referralKey, referralListKey, useCaseworkers, weekKey } from './queries.ts';

// The partner's answer to a sent referral: accept it naming the caseworker (oneself
// unless told), or decline it with a reason. Also the office's revoke, which reads the same.

interface AnswerProps {
  referralId: string;
  /** The referral's version as shown (a stale one is refused with 409). */
  version: number;
  onDone: (result: ReferralView | null) => void;
  onCancel?: () => void;
}

function useRefreshCycle() {
  const queryClient = useQueryClient();
  return async (referralId: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: referralListKey }),
      queryClient.invalidateQueries({ queryKey: weekKey }),
      queryClient.invalidateQueries({ queryKey: referralKey(referralId) }),
      queryClient.invalidateQueries({ queryKey: ['/api/appointments', referralId] }),
    ]);
  };
}

export function AcceptForm({ referralId, version, onDone, onCancel }: AnswerProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const refresh = useRefreshCycle();
  const caseworkers = useCaseworkers(referralId, true);
  const [chosen, setChosen] = useState<string | null>(null);
  const options = (caseworkers.data ?? []).map((c) => ({ value: c.id, label: c.displayName }));
  const caseworkerId = chosen ?? (options.some((o) => o.value === me.user.id) ? me.user.id : (options[0]?.value ?? ''));
  const accept = useMutation({
    mutationFn: () => api.post<ReferralView>(`/api/referrals/${referralId}/accept`, { version, caseworkerId }),
    onSuccess: async (result) => {
      await refresh(referralId);
      onDone(result);
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (caseworkerId) accept.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        {caseworkers.error && <ErrorAlert error={caseworkers.error} />}
        {accept.error && <ErrorAlert error={accept.error} />}
        <Text size="sm">{t('cycle.answer.acceptHelp')}</Text>
        <NativeSelect
          label={t('cycle.answer.caseworker')}
          data={options}
          value={caseworkerId}
          onChange={(event) => setChosen(event.currentTarget.value)}
          required
        />
        <Group>
          <Button type="submit" loading={accept.isPending} disabled={!caseworkerId}>
            {t('cycle.answer.accept')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Decline (partner) or revoke (office): both need a reason and end the referral. */
export function ReasonForm({ referralId, version, onDone, onCancel, action }: AnswerProps & { action: 'decline' | 'revoke' }) {
  const { t } = useTranslation();
  const refresh = useRefreshCycle();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => api.post<ReferralView | null>(`/api/referrals/${referralId}/${action}`, { version, reason }),
    onSuccess: async (result) => {
      await refresh(referralId);
      onDone(result);
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const errors = schemaErrors(t, ReasonInput, { version: 1, reason });
        setError(typeof errors.reason === 'string' ? errors.reason : null);
        if (!errors.reason) send.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        {send.error && <ErrorAlert error={send.error} />}
        <Textarea
          label={action === 'decline' ? t('cycle.answer.declineReason') : t('cycle.answer.revokeReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error}
          required
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" color="red.8" loading={send.isPending}>
            {action === 'decline' ? t('cycle.answer.decline') : t('cycle.answer.revoke')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
