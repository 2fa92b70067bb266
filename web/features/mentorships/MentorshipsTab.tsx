import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MentorshipView } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { usePage } from '../../shared/lists/usePage.ts';

/** The case file's mentorships tab: the person's mentorships, running and ended, and a way to start one. */
export function MentorshipsTab({ participant }: { participant: ParticipantView }) {
  const { t, i18n } = useTranslation();
  const page = usePage<MentorshipView>('/api/mentorships', {
    participantId: participant.id,
    sort: 'startsOn',
    order: 'desc',
    pageSize: 50,
  });
  return (
    <Stack gap="sm">
      {page.isPending && <Loading />}
      {page.error && <ErrorAlert error={page.error} />}
      {page.data && page.data.items.length === 0 && <Text size="sm">{t('mentorships.tab.none')}</Text>}
      {page.data && page.data.items.length > 0 && (
        <Stack component="ul" gap="xs" m={0} ps="md">
          {page.data.items.map((m) => (
            <Text component="li" size="sm" key={m.id}>
              <Anchor component={Link} to={`/mentorships/${m.id}`}>
                {m.volunteerName}
              </Anchor>{' '}
              · {t(`mentorships.kinds.${m.kind}`)} · {formatDate(m.startsOn, i18n.language)}
              {m.endsOn ? ` – ${formatDate(m.endsOn, i18n.language)}` : ` · ${t('mentorships.running')}`} ·{' '}
              {t('mentorPortal.mentees.hours', { hours: formatNumber(m.hours, i18n.language) })}
            </Text>
          ))}
        </Stack>
      )}
      <div>
        <Button component={Link} to={`/mentorships/new?participantId=${participant.id}`} size="sm">
          {t('mentorships.tab.start')}
        </Button>
      </div>
    </Stack>
  );
}
