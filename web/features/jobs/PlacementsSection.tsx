import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpView, PlacementView } from '../../../server/modules/placements/placements.schemas.ts';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { FactList } from '../../shared/components/FactList.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { placementKindLabel } from '../../shared/jobs/labels.ts';
import { vacancyKey } from '../../shared/jobs/queries.ts';
import { FollowUpForm } from './FollowUpForm.tsx';
import { emptyPlacement, placementValuesFrom, type PlacementFormValues } from './placementForm.ts';
import { PlacementForm } from './PlacementForm.tsx';
import { usePlacements } from './queries.ts';

/** The participant's placements with their follow-ups after 28 days and six months, and a new placement. */
export function PlacementsSection({ participantId, proposals }: { participantId: string; proposals: ProposalView[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const placements = usePlacements(participantId);
  const [initial, setInitial] = useState<PlacementFormValues | null>(null);
  const [recorded, setRecorded] = useState<PlacementView | null>(null);
  const placed = new Set((placements.data ?? []).map((p) => p.proposalId));
  const hired = proposals.filter((p) => p.stage === 'hired' && !placed.has(p.id));

  async function open() {
    setRecorded(null);
    const first = hired[0];
    if (!first) return setInitial(emptyPlacement);
    const vacancy = await queryClient
      .fetchQuery({ queryKey: vacancyKey(first.vacancyId), queryFn: () => api.get<VacancyView>(`/api/vacancies/${first.vacancyId}`) })
      .catch(() => undefined);
    setInitial(placementValuesFrom(first, vacancy));
  }

  return (
    <Stack gap="sm">
      {recorded && (
        <Alert color="green" variant="light" role="status">
          {recorded.closedCase ? t('jobs.placement.recordedClosed') : t('jobs.placement.recorded')}
        </Alert>
      )}
      {initial ? (
        <PlacementForm
          participantId={participantId}
          hired={hired}
          initial={initial}
          onDone={(placement) => {
            setInitial(null);
            setRecorded(placement);
          }}
        />
      ) : (
        <Group>
          <Button onClick={() => void open()}>{t('jobs.placement.record')}</Button>
        </Group>
      )}
      {placements.isPending && <Loading />}
      {placements.error && <ErrorAlert error={placements.error} />}
      {placements.data?.length === 0 && <Text size="sm">{t('jobs.placement.none')}</Text>}
      {placements.data?.map((p) => (
        <PlacementCard key={p.id} placement={p} />
      ))}
    </Stack>
  );
}

function PlacementCard({ placement: p }: { placement: PlacementView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = `${p.occupation} – ${p.employerName ?? placementKindLabel(t, p.kind)}`;
  return (
    <Paper withBorder p="sm" component="article" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <FactList
        facts={[
          [t('jobs.placement.kind'), placementKindLabel(t, p.kind)],
          [t('jobs.placement.firstLabourMarket'), p.firstLabourMarket ? t('common.yes') : t('common.no')],
          [t('jobs.placement.employer'), p.employerName],
          [t('jobs.placement.startsOn'), formatDate(p.startsOn, lang)],
          [t('jobs.placement.hoursPerWeek'), p.hoursPerWeek === null ? '' : formatNumber(p.hoursPerWeek, lang)],
          [t('jobs.placement.recordedBy'), p.recordedByName],
          [t('jobs.placement.caseClosed'), p.closedCase ? t('common.yes') : t('common.no')],
        ]}
      />
      <Title order={4} size="h6" mt="sm" mb="xs">
        {t('jobs.followUp.heading')}
      </Title>
      <Stack gap="xs">
        {p.followUps.map((f) => (
          <FollowUpRow key={f.id} followUp={f} participantId={p.participantId} />
        ))}
      </Stack>
    </Paper>
  );
}

function FollowUpRow({ followUp: f, participantId }: { followUp: FollowUpView; participantId: string }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;
  const label = t(`jobs.followUp.kinds.${f.kind}`);
  const checked = f.checkedOn !== null;
  return (
    <Paper withBorder p="xs" component="section" aria-label={label}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label} · {t('jobs.followUp.dueOn', { date: formatDate(f.dueOn, lang) })}
        </Text>
        {checked ? (
          <Badge color={f.stillEmployed ? 'teal.9' : 'red.9'} variant="filled" tt="none" miw="max-content">
            {f.stillEmployed ? t('jobs.followUp.stillEmployed') : t('jobs.followUp.notEmployed')}
          </Badge>
        ) : (
          <Badge color="gray.7" variant="filled" tt="none" miw="max-content">
            {t('jobs.followUp.open')}
          </Badge>
        )}
      </Group>
      {checked && (
        <Text size="sm">
          {t('jobs.followUp.checkedOnText', { date: formatDate(f.checkedOn, lang) })}
          {f.note && ` – ${f.note}`}
        </Text>
      )}
      {editing ? (
        <FollowUpForm
          followUp={f}
          participantId={participantId}
          label={t('jobs.followUp.formLabel', { kind: label })}
          onDone={() => setEditing(false)}
        />
      ) : (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setEditing(true)}>
          {checked ? t('jobs.followUp.change', { kind: label }) : t('jobs.followUp.recordFor', { kind: label })}
        </Button>
      )}
    </Paper>
  );
}
