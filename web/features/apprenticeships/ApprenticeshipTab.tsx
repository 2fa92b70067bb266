import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { statusLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { useParticipantAgreements, usePlacementsOf } from './queries.ts';
import { RiskBadge } from './RiskBadge.tsx';

/** The case file's apprenticeship tab: the support agreements, and one to make for an apprenticeship placement without. */
export function ApprenticeshipTab({ participant }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const agreements = useParticipantAgreements(participant.id);
  const placements = usePlacementsOf(participant.id);
  if (agreements.isPending || placements.isPending) return <Loading />;
  if (agreements.error || placements.error) return <ErrorAlert error={agreements.error ?? placements.error} />;
  const agreed = new Set(agreements.data.map((a) => a.placementId));
  const open = placements.data.filter((p) => p.kind === 'apprenticeship' && p.employerId && !agreed.has(p.id));
  return (
    <Stack gap="md">
      {agreements.data.length === 0 && <Text>{t('apprenticeships.tab.empty')}</Text>}
      {agreements.data.map((a) => (
        <Paper key={a.id} withBorder p="md" component="article" aria-label={`${a.occupation} – ${a.employerName}`}>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {a.occupation} – {a.employerName}
            </Title>
            <RiskBadge risk={a.risk} />
          </Group>
          <Text size="sm">
            {statusLabel(t, a.status)} · {formatDate(a.startsOn, i18n.language)} – {formatDate(a.plannedEndOn, i18n.language)}
          </Text>
          <Anchor component={Link} to={`/apprenticeships/${a.id}`} size="sm">
            {t('apprenticeships.tab.open')}
          </Anchor>
        </Paper>
      ))}
      {open.map((p) => (
        <Paper key={p.id} withBorder p="md" component="section" aria-labelledby={`create-${p.id}`}>
          <Title order={2} size="h4" id={`create-${p.id}`}>
            {t('apprenticeships.create.heading')}
          </Title>
          <Text size="sm" mb="sm">
            {t('apprenticeships.create.forPlacement', { occupation: p.occupation, employer: p.employerName ?? '' })}
          </Text>
          <AgreementForm
            employerId={p.employerId!}
            placementId={p.id}
            initial={{ occupation: p.occupation, startsOn: p.startsOn }}
            onDone={(saved) => void navigate(`/apprenticeships/${saved.id}`)}
          />
        </Paper>
      ))}
    </Stack>
  );
}
