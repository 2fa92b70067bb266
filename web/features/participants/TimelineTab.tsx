import { Paper, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { CaseEventView as CaseEvent } from '../../../server/modules/timeline/timeline.schemas.ts';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { caseStatusLabel, type CaseStatus } from '../../shared/i18n/labels.ts';

/** What happened in the case, newest first, as the server wrote it with each change. */
export function TimelineTab({ participantId }: { participantId: string }) {
  const { t, i18n } = useTranslation();
  const events = useQuery({
    queryKey: ['/api/participants', participantId, 'timeline'],
    queryFn: () => api.get<CaseEvent[]>(`/api/participants/${participantId}/timeline`),
  });
  if (events.isPending) return <Loading />;
  if (events.error) return <ErrorAlert error={events.error} />;
  if (events.data.length === 0) return <Text>{t('timeline.empty')}</Text>;
  return (
    <Paper withBorder p="md">
      <Timeline bulletSize={14} lineWidth={2} component="ol" aria-label={t('participantTabs.timeline')}>
        {events.data.map((event) => (
          <Timeline.Item
            key={event.id}
            component="li"
            title={t(`timeline.kinds.${event.kind as 'case.updated'}`, { defaultValue: event.kind })}
          >
            <Text size="sm">
              {formatDateTime(event.at, i18n.language)}
              {event.actorName && ` · ${event.actorName}`}
            </Text>
            {details(t, event) && <Text size="sm">{details(t, event)}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

function details(t: TFunction, event: CaseEvent): string {
  const { section, fields, status, partnerName } = event.data;
  const parts: string[] = [];
  if (typeof partnerName === 'string') parts.push(partnerName);
  if (typeof section === 'string') parts.push(t(`intake.sections.${section as 'education'}`, { defaultValue: section }));
  if (typeof status === 'string') parts.push(caseStatusLabel(t, status as CaseStatus));
  if (Array.isArray(fields)) parts.push(fields.join(', '));
  return parts.join(' · ');
}
