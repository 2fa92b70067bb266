import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteInput, type ReferralView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { schemaErrors } from '../../shared/forms/validation.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { referralKey } from './queries.ts';

/** The notes both sides leave on a referral, oldest first, and a form to add one. */
export function NotesSection({ referral, canAdd }: { referral: ReferralView; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api.post<ReferralView>(`/api/referrals/${referral.id}/notes`, { text }),
    onSuccess: (updated) => {
      setText('');
      queryClient.setQueryData(referralKey(referral.id), updated);
    },
  });

  return (
    <section aria-labelledby="referral-notes">
      <Title order={2} size="h3" id="referral-notes" mb="xs">
        {t('cycle.notes.heading')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {referral.notes.length === 0 && <Text size="sm">{t('cycle.notes.none')}</Text>}
          {referral.notes.map((note) => (
            <div key={note.id}>
              <Text size="xs" c="gray.7">
                {note.authorName ?? t('cycle.notes.unknownAuthor')} · {formatDateTime(note.createdAt, i18n.language)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {note.text}
              </Text>
            </div>
          ))}
          {canAdd && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const errors = schemaErrors(t, NoteInput, { text });
                setError(typeof errors.text === 'string' ? errors.text : null);
                if (!errors.text) add.mutate();
              }}
              noValidate
            >
              {add.error && <ErrorAlert error={add.error} />}
              <Textarea
                label={t('cycle.notes.new')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                error={error}
                autosize
                minRows={2}
                maxLength={4000}
              />
              <Group mt="sm">
                <Button type="submit" loading={add.isPending}>
                  {t('cycle.notes.add')}
                </Button>
              </Group>
            </form>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
