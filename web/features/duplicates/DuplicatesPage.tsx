import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate, DuplicatePair } from '../../../server/modules/duplicates/duplicates.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { MergePanel } from './MergePanel.tsx';

const QUERY_KEY = ['/api/duplicates'] as const;
const pairKey = (pair: DuplicatePair) => `${pair.a.id}-${pair.b.id}`;

/** Likely duplicates among the office's participants: judged different (dismissed) or merged into one record. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [merging, setMerging] = useState<string | null>(null);
  const [done, setDone] = useState<'dismissed' | 'merged' | null>(null);
  const pairs = useQuery({ queryKey: QUERY_KEY, queryFn: () => api.get<DuplicatePair[]>('/api/duplicates') });
  const dismiss = useMutation({
    mutationFn: (pair: DuplicatePair) => api.post('/api/duplicates/dismiss', { ids: [pair.a.id, pair.b.id] }),
    onSuccess: async () => {
      setDone('dismissed');
      await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });

  return (
    <>
      <PageHeader title={t('duplicates.title')} />
      <Text mb="md">{t('duplicates.intro')}</Text>
      {done && (
        <Alert color="teal" variant="light" role="status" mb="md">
          {t(`duplicates.done.${done}`)}
        </Alert>
      )}
      {pairs.isPending && <Loading />}
      {pairs.error && <ErrorAlert error={pairs.error} />}
      {dismiss.error && <ErrorAlert error={dismiss.error} />}
      {pairs.data?.length === 0 && <Text>{t('duplicates.none')}</Text>}
      <Stack>
        {pairs.data?.map((pair) => (
          <Paper
            key={pairKey(pair)}
            withBorder
            p="md"
            component="article"
            aria-label={t('duplicates.pair', { a: name(pair.a), b: name(pair.b) })}
          >
            <Group grow align="flex-start" mb="sm">
              <Person candidate={pair.a} />
              <Person candidate={pair.b} />
            </Group>
            {merging === pairKey(pair) ? (
              <MergePanel
                pair={pair}
                onCancel={() => setMerging(null)}
                onMerged={async () => {
                  setMerging(null);
                  setDone('merged');
                  await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
                }}
              />
            ) : (
              <Group>
                <Button onClick={() => setMerging(pairKey(pair))} disabled={!pair.a.visible || !pair.b.visible}>
                  {t('duplicates.merge')}
                </Button>
                <Button variant="default" loading={dismiss.isPending && dismiss.variables === pair} onClick={() => dismiss.mutate(pair)}>
                  {t('duplicates.dismiss')}
                </Button>
              </Group>
            )}
          </Paper>
        ))}
      </Stack>
    </>
  );
}

function name(c: DuplicateCandidate): string {
  return c.visible ? `${c.givenNames} ${c.familyName}` : c.officeName;
}

function Person({ candidate: c }: { candidate: DuplicateCandidate }) {
  const { t, i18n } = useTranslation();
  if (!c.visible) return <Text size="sm">{t('duplicateWarning.hidden', { office: c.officeName })}</Text>;
  return (
    <div>
      <Anchor component={Link} to={`/participants/${c.id}`} fw={600}>
        {c.givenNames} {c.familyName}
      </Anchor>
      <Text size="sm">
        {t('duplicateWarning.born', { date: formatDate(c.birthDate, i18n.language) })} · {c.officeName}
      </Text>
    </div>
  );
}
