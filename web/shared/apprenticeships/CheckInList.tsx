import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HELD_WITH, Signal } from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { heldWithLabel, signalLabel, WARNING_COLOUR } from './labels.ts';
import { formatDate } from '../i18n/format.ts';

export interface CheckInItem {
  id: string;
  heldOn: string;
  heldWith: (typeof HELD_WITH)[number];
  signals: Signal[];
  nextCheckInOn: string | null;
  notes?: string | null;
  recordedByName?: string | null;
}

/** Check-ins newest first; the company's portal passes them without notes and without the staff-only signals. */
export function CheckInList({ checkIns }: { checkIns: CheckInItem[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (checkIns.length === 0) return <Text size="sm">{t('apprenticeships.checkIns.none')}</Text>;
  return (
    <Stack gap="xs">
      {checkIns.map((c) => (
        <Paper
          key={c.id}
          withBorder
          p="xs"
          component="article"
          aria-label={`${formatDate(c.heldOn, lang)} – ${heldWithLabel(t, c.heldWith)}`}
        >
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {formatDate(c.heldOn, lang)} · {heldWithLabel(t, c.heldWith)}
            </Text>
            {c.nextCheckInOn && (
              <Text size="sm">
                {t('apprenticeships.checkIns.nextCheckInOn')}: {formatDate(c.nextCheckInOn, lang)}
              </Text>
            )}
          </Group>
          <Group gap={4} mt={4}>
            {c.signals.length === 0 ? (
              <Text size="sm">{t('apprenticeships.checkIns.noSignals')}</Text>
            ) : (
              c.signals.map((s) => (
                <Badge key={s} color={WARNING_COLOUR} variant="filled" tt="none">
                  {signalLabel(t, s)}
                </Badge>
              ))
            )}
          </Group>
          {c.notes && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes}
            </Text>
          )}
          {c.recordedByName && <Text size="xs">{t('apprenticeships.checkIns.by', { name: c.recordedByName })}</Text>}
        </Paper>
      ))}
    </Stack>
  );
}
