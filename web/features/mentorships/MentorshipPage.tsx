import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MENTORSHIP_END_REASONS, type MentorshipDetail } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { mentorshipsKey, useMentorship, volunteersKey } from './queries.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Saving the goals (PATCH) or the end (POST …/end) with the version the page was loaded with; a stale save is a 409 shown as such. */
function useSave(m: MentorshipDetail, ending: boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      ending
        ? api.post(`/api/mentorships/${m.id}/end`, { ...body, version: m.version })
        : api.patch(`/api/mentorships/${m.id}`, { ...body, version: m.version }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mentorshipsKey }),
        queryClient.invalidateQueries({ queryKey: volunteersKey }),
      ]),
  });
}

function GoalsForm({ m }: { m: MentorshipDetail }) {
  const { t } = useTranslation();
  const [goals, setGoals] = useState(m.goals);
  const save = useSave(m, false);
  return (
    <form onSubmit={(e) => (e.preventDefault(), save.mutate({ goals }))} aria-label={t('mentorships.fields.goals')}>
      {save.error && <ErrorAlert error={save.error} />}
      <Textarea
        label={t('mentorships.fields.goals')}
        autosize
        minRows={3}
        value={goals}
        onChange={(e) => setGoals(e.currentTarget.value)}
      />
      <Group mt="sm">
        <Button type="submit" size="sm" loading={save.isPending} disabled={m.endsOn !== null}>
          {t('mentorships.detail.saveGoals')}
        </Button>
        {save.isSuccess && (
          <Text role="status" size="sm">
            {t('mentorships.detail.goalsSaved')}
          </Text>
        )}
      </Group>
    </form>
  );
}

function EndForm({ m }: { m: MentorshipDetail }) {
  const { t } = useTranslation();
  const [endsOn, setEndsOn] = useState(today());
  const [endReason, setEndReason] = useState<string>('goals_reached');
  const save = useSave(m, true);
  return (
    <form onSubmit={(e) => (e.preventDefault(), save.mutate({ endsOn, endReason }))} aria-label={t('mentorships.detail.end')}>
      {save.error && <ErrorAlert error={save.error} />}
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('mentorships.fields.endsOn')}
          value={endsOn}
          max={today()}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('mentorships.fields.endReason')}
          value={endReason}
          onChange={(e) => setEndReason(e.currentTarget.value)}
          data={MENTORSHIP_END_REASONS.map((r) => ({ value: r, label: t(`mentorships.endReasons.${r}`) }))}
        />
        <Button type="submit" color="red" loading={save.isPending}>
          {t('mentorships.detail.endSave')}
        </Button>
      </Group>
    </form>
  );
}

/** One mentorship as its office sees it: who, since when, the goals, the meetings log with hours, and its end. */
export function MentorshipPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const mentorship = useMentorship(id);
  const m = mentorship.data;
  const date = (d: string | null) => formatDate(d, i18n.language);
  return (
    <>
      <PageHeader title={m ? t('mentorships.detail.title', { participant: m.participantName }) : t('mentorships.title')} />
      {mentorship.isPending && <Loading />}
      {mentorship.error && <ErrorAlert error={mentorship.error} />}
      {m && (
        <Stack gap="lg">
          <Paper withBorder p="md">
            <FactList
              facts={[
                [
                  t('mentorships.fields.participant'),
                  <Anchor component={Link} to={`/participants/${m.participantId}`} key="p">
                    {m.participantName}
                  </Anchor>,
                ],
                [
                  t('mentorships.fields.volunteer'),
                  <Anchor component={Link} to={`/volunteers/${m.volunteerId}`} key="v">
                    {m.volunteerName}
                  </Anchor>,
                ],
                [t('mentorships.fields.kind'), t(`mentorships.kinds.${m.kind}`)],
                [t('mentorships.fields.employer'), m.employerName],
                [t('mentorships.fields.startsOn'), date(m.startsOn)],
                [
                  t('mentorships.fields.endsOn'),
                  m.endsOn && `${date(m.endsOn)} (${t(`mentorships.endReasons.${m.endReason ?? 'other'}`)})`,
                ],
                [t('mentorships.fields.hours'), formatNumber(m.hours, i18n.language)],
              ]}
            />
          </Paper>
          <Paper withBorder p="md">
            <GoalsForm key={m.version} m={m} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="mentorship-meetings">
            <Title order={2} size="h4" id="mentorship-meetings" mb="sm">
              {t('mentorships.detail.meetings')}
            </Title>
            {m.meetings.length === 0 ? (
              <Text size="sm">{t('mentorships.detail.noMeetings')}</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    {(['meetsOn', 'status', 'hours', 'place', 'note'] as const).map((k) => (
                      <Table.Th key={k}>{t(`mentorships.meetings.${k}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.meetings.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>
                        {date(x.meetsOn)}
                        {x.startsAt && `, ${x.startsAt}`}
                      </Table.Td>
                      <Table.Td>{t(`mentorships.meetings.statuses.${x.status}`)}</Table.Td>
                      <Table.Td>{x.hours === null ? '—' : formatNumber(x.hours, i18n.language)}</Table.Td>
                      <Table.Td>{x.place ?? '—'}</Table.Td>
                      <Table.Td>{x.note || '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          {m.endsOn === null && (
            <Paper withBorder p="md" component="section" aria-labelledby="mentorship-end">
              <Title order={2} size="h4" id="mentorship-end" mb="sm">
                {t('mentorships.detail.end')}
              </Title>
              <EndForm key={m.version} m={m} />
            </Paper>
          )}
        </Stack>
      )}
      <Anchor component={Link} to="/mentorships" display="inline-block" mt="md">
        {t('mentorships.backToList')}
      </Anchor>
    </>
  );
}
