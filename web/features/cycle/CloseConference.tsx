import { Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceCloseInput } from '../../../server/modules/appointments/appointments.schemas.ts';
import { EXIT_REASONS } from '../../../server/modules/cases/cases.schemas.ts';
import { todayIso } from './cycleFormat.ts';

export type CloseInput = Omit<ConferenceCloseInput, 'version'>;
type Outcome = CloseInput['outcome'];

/**
 * The office closes the conference: into the next cycle (every task needs a decision; the
 * next plan is drafted from them) or closing the case (with exit reason and date).
 */
export function CloseConference({
  allDecided,
  pending,
  onClose,
}: {
  allDecided: boolean;
  pending: boolean;
  onClose: (input: CloseInput) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('next_cycle');
  const [exitReason, setExitReason] = useState('');
  const [exitDate, setExitDate] = useState(todayIso());
  const [problem, setProblem] = useState<string | null>(null);

  const tryClose = () => {
    if (outcome === 'next_cycle' && !allDecided) return setProblem(t('cycle.conference.decideEveryTask'));
    if (outcome === 'close_case' && (!exitReason || !exitDate)) return setProblem(t('cycle.conference.exitRequired'));
    setProblem(null);
    onClose(
      outcome === 'close_case'
        ? { outcome, exitReason: exitReason as (typeof EXIT_REASONS)[number], exitDate }
        : { outcome, exitReason: null, exitDate: null },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="conference-close">
      <Title order={2} size="h3" id="conference-close" mb="xs">
        {t('cycle.conference.closeHeading')}
      </Title>
      <Radio.Group label={t('cycle.conference.outcome')} value={outcome} onChange={(v) => setOutcome(v)}>
        <Stack gap="xs" mt="xs">
          <Radio value="next_cycle" label={t('cycle.conference.outcomes.next_cycle')} description={t('cycle.conference.nextCycleHelp')} />
          <Radio value="close_case" label={t('cycle.conference.outcomes.close_case')} description={t('cycle.conference.closeCaseHelp')} />
        </Stack>
      </Radio.Group>
      {outcome === 'close_case' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
          <NativeSelect
            label={t('participants.exitReason')}
            required
            data={[{ value: '', label: t('common.choose') }, ...EXIT_REASONS.map((r) => ({ value: r, label: t(`exitReasons.${r}`) }))]}
            value={exitReason}
            onChange={(e) => setExitReason(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('participants.exitDate')}
            required
            value={exitDate}
            onChange={(e) => setExitDate(e.currentTarget.value)}
          />
        </SimpleGrid>
      )}
      {problem && (
        <Text c="red.9" size="sm" mt="sm" role="alert">
          {problem}
        </Text>
      )}
      <Group mt="md">
        <Button color="teal.9" onClick={tryClose} loading={pending}>
          {t('cycle.conference.close')}
        </Button>
      </Group>
    </Paper>
  );
}
