import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MentorSuggestion } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { useSuggestions } from './queries.ts';

/** Why a volunteer is suggested, in words: languages, occupation, distance, free places. */
function Reasons({ s }: { s: MentorSuggestion }) {
  const { t, i18n } = useTranslation();
  const r = s.reasons;
  const parts = [
    r.languages.length > 0 && t('mentorships.create.languages', { languages: r.languages.join(', ') }),
    r.occupation && t('mentorships.create.occupation', { occupation: r.occupation }),
    r.distanceKm === null
      ? t('mentorships.create.noDistance')
      : t('mentorships.create.distance', { km: formatNumber(r.distanceKm, i18n.language) }),
    t('mentorships.create.capacity', { count: r.freeCapacity }),
  ].filter(Boolean);
  return (
    <Stack component="ul" gap={0} m={0} ps="md">
      {parts.map((p) => (
        <Text component="li" size="sm" key={String(p)}>
          {p}
        </Text>
      ))}
    </Stack>
  );
}

/** The suggested mentors for a person, best first; choosing one fills the form. */
export function Suggestions({
  participantId,
  chosen,
  onChoose,
}: {
  participantId: string;
  chosen: string;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(participantId);
  if (suggestions.isPending) return <Loading />;
  if (suggestions.error) return <ErrorAlert error={suggestions.error} />;
  if (suggestions.data.length === 0) return <Text size="sm">{t('mentorships.create.noSuggestions')}</Text>;
  return (
    <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {suggestions.data.map((s) => (
        <Card component="li" withBorder padding="sm" key={s.volunteerId}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={600}>
                {s.volunteerName} · {t('mentorships.create.score', { score: s.score })}
              </Text>
              <Text size="sm">{s.organisationName}</Text>
              <Reasons s={s} />
            </div>
            <Button
              size="xs"
              variant={chosen === s.volunteerId ? 'filled' : 'default'}
              aria-pressed={chosen === s.volunteerId}
              onClick={() => onChoose(s.volunteerId)}
            >
              {chosen === s.volunteerId
                ? t('mentorships.create.chosen', { name: s.volunteerName })
                : t('mentorships.create.choose', { name: s.volunteerName })}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
