import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ParticipantListItem } from '../../../server/modules/participants/participants.schemas.ts';
import { MENTORSHIP_KINDS, type MentorshipView } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { api, ApiError, type Page } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { serverMessage } from '../../shared/forms/validation.ts';
import { useEmployerOptions } from '../../shared/jobs/queries.ts';
import { mentorshipsKey, volunteersKey } from './queries.ts';
import { Suggestions } from './Suggestions.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** Starting a mentorship: the person (from the URL or a search), a suggested mentor, the start and the goals. */
export function MentorshipCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const participantId = search.get('participantId') ?? '';
  const [q, setQ] = useState('');
  const [volunteerId, setVolunteerId] = useState('');
  const [kind, setKind] = useState<(typeof MENTORSHIP_KINDS)[number]>('participant');
  const [employerId, setEmployerId] = useState('');
  const [startsOn, setStartsOn] = useState(today());
  const [goals, setGoals] = useState('');
  const employers = useEmployerOptions();
  const people = useQuery({
    queryKey: ['/api/participants', 'mentorship-search', q],
    queryFn: () => api.get<Page<ParticipantListItem>>('/api/participants', { q, pageSize: 10 }),
    enabled: q.length >= 2,
  });
  const start = useMutation({
    mutationFn: () =>
      api.post<MentorshipView>('/api/mentorships', {
        participantId,
        volunteerId,
        kind,
        employerId: kind === 'apprenticeship' ? employerId : null,
        startsOn,
        goals,
      }),
    onSuccess: async (m) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: mentorshipsKey }),
        queryClient.invalidateQueries({ queryKey: volunteersKey }),
      ]);
      await navigate(`/mentorships/${m.id}`);
    },
  });
  const fieldError = (name: string) =>
    start.error instanceof ApiError && start.error.fields[name]
      ? start.error.fields[name].map((m) => serverMessage(t, m)).join(' ')
      : undefined;

  return (
    <>
      <PageHeader title={t('mentorships.new')} />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <TextInput
            label={t('mentorships.create.participant')}
            description={t('mentorships.create.participantHint')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            error={fieldError('participantId')}
          />
          <NativeSelect
            mt="sm"
            aria-label={t('mentorships.create.participant')}
            value={participantId}
            onChange={(e) => {
              setVolunteerId('');
              setSearch(e.currentTarget.value ? { participantId: e.currentTarget.value } : {}, { replace: true });
            }}
            data={[
              { value: '', label: t('common.choose') },
              ...(participantId && !people.data?.items.some((p) => p.id === participantId)
                ? [{ value: participantId, label: participantId }]
                : []),
              ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.givenNames} ${p.familyName} (${p.birthDate ?? '—'})` })),
            ]}
          />
        </Paper>
        {participantId && (
          <Paper withBorder p="md" component="section" aria-labelledby="mentor-suggestions">
            <Title order={2} size="h4" id="mentor-suggestions" mb="sm">
              {t('mentorships.create.suggestions')}
            </Title>
            <Suggestions participantId={participantId} chosen={volunteerId} onChoose={setVolunteerId} />
          </Paper>
        )}
        {participantId && (
          <Paper withBorder p="md">
            <form onSubmit={(e) => (e.preventDefault(), start.mutate())} aria-label={t('mentorships.new')}>
              {start.error && !(start.error instanceof ApiError && start.error.status === 400) && <ErrorAlert error={start.error} />}
              {fieldError('volunteerId') && (
                <Alert color="red" role="alert" mb="sm">
                  {fieldError('volunteerId')}
                </Alert>
              )}
              <Group align="flex-end" gap="sm">
                <NativeSelect
                  label={t('mentorships.fields.kind')}
                  value={kind}
                  onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
                  data={MENTORSHIP_KINDS.map((k) => ({ value: k, label: t(`mentorships.kinds.${k}`) }))}
                />
                {kind === 'apprenticeship' && (
                  <NativeSelect
                    label={t('mentorships.fields.employer')}
                    value={employerId}
                    onChange={(e) => setEmployerId(e.currentTarget.value)}
                    error={fieldError('employerId')}
                    data={[
                      { value: '', label: t('common.choose') },
                      ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name })),
                    ]}
                  />
                )}
                <TextInput
                  type="date"
                  label={t('mentorships.fields.startsOn')}
                  value={startsOn}
                  onChange={(e) => setStartsOn(e.currentTarget.value)}
                  error={fieldError('startsOn')}
                />
              </Group>
              <Textarea
                label={t('mentorships.fields.goals')}
                autosize
                minRows={2}
                mt="sm"
                value={goals}
                onChange={(e) => setGoals(e.currentTarget.value)}
              />
              <Button type="submit" mt="md" loading={start.isPending} disabled={!volunteerId}>
                {t('mentorships.create.start')}
              </Button>
            </form>
          </Paper>
        )}
      </Stack>
    </>
  );
}
