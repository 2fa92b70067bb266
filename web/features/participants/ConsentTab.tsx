import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_FORM_LANGUAGES, type ConsentView } from '../../../server/modules/consents/consents.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { ConsentForm } from './ConsentForm.tsx';
import { consentsQueryKey } from './queries.ts';

/** Consents per recipient and data category: recorded, printed (de/en/ar), withdrawn. */
export function ConsentTab({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatDate(value, i18n.language);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const consents = useQuery({
    queryKey: consentsQueryKey(participantId),
    queryFn: () => api.get<ConsentView[]>(`/api/participants/${participantId}/consents`),
  });

  return (
    <Stack>
      {recording ? (
        <ConsentForm participantId={participantId} onDone={() => setRecording(false)} />
      ) : (
        <Group>
          <Button onClick={() => setRecording(true)}>{t('consent.record')}</Button>
        </Group>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="consents-heading">
        <Title order={2} size="h4" id="consents-heading" mb="xs">
          {t('consent.heading')}
        </Title>
        {consents.isPending && <Loading />}
        {consents.error && <ErrorAlert error={consents.error} />}
        {consents.data?.length === 0 && <Text size="sm">{t('consent.none')}</Text>}
        <Stack gap="sm">
          {consents.data?.map((c) => (
            <Paper key={c.id} withBorder p="sm" component="article" aria-label={c.recipientName}>
              <Group justify="space-between">
                <Text fw={600}>{c.recipientName}</Text>
                <Badge color={c.status === 'active' ? 'teal.9' : 'gray.7'} variant="filled" tt="none" miw="max-content">
                  {t(`consent.statuses.${c.status}`)}
                </Badge>
              </Group>
              <Text size="sm">{c.categories.map((cat) => t(`consent.categories.${cat}`)).join(', ')}</Text>
              <Text size="sm">
                {t('consent.givenOn')}: {date(c.givenOn)} · {t(`consent.methods.${c.method}`)} · {t('consent.language')}: {c.language}
                {c.expiresOn && ` · ${t('consent.expiresOn')}: ${date(c.expiresOn)}`}
              </Text>
              {c.withdrawnAt && (
                <Text size="sm">
                  {t('consent.withdrawnOn', { date: date(c.withdrawnAt) })}
                  {c.withdrawalNote && ` — ${c.withdrawalNote}`}
                </Text>
              )}
              <Group gap="sm" mt="xs">
                <Text size="sm">{t('consent.pdf')}:</Text>
                {CONSENT_FORM_LANGUAGES.map((language) => (
                  <Anchor key={language} size="sm" href={`/api/consents/${c.id}/pdf?language=${language}`} target="_blank" lang={language}>
                    {t(`consent.formLanguages.${language}`)}
                  </Anchor>
                ))}
                {c.status === 'active' && withdrawing !== c.id && (
                  <Button size="compact-sm" variant="default" onClick={() => setWithdrawing(c.id)}>
                    {t('consent.withdraw')}
                  </Button>
                )}
              </Group>
              {withdrawing === c.id && <WithdrawForm consent={c} onDone={() => setWithdrawing(null)} />}
            </Paper>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

function WithdrawForm({ consent, onDone }: { consent: ConsentView; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const withdraw = useMutation({
    mutationFn: () => api.post<ConsentView>(`/api/consents/${consent.id}/withdraw`, { note: note || null, version: consent.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentsQueryKey(consent.participantId) });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        withdraw.mutate();
      }}
    >
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
      <Textarea label={t('consent.withdrawalNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} mt="sm" />
      <Group mt="sm">
        <Button type="submit" color="red.9" loading={withdraw.isPending}>
          {t('consent.confirmWithdraw')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
