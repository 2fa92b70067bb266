import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  LeavingSituationInput,
  LeavingSituationResponse,
  LeavingSituationView,
} from '../../../server/modules/leaving/leaving.schemas.ts';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { formatDate } from '../../shared/i18n/format.ts';

// The case file's "Leaving" tab: the situation on leaving (decision 0019), three answers
// for the ESF+ immediate results that placements and exit reasons cannot give.

const FIELDS = ['jobSearching', 'inEducationOrTraining', 'qualificationGained'] as const;
type Values = Record<(typeof FIELDS)[number], boolean>;
const NONE: Values = { jobSearching: false, inEducationOrTraining: false, qualificationGained: false };
const valuesOf = (s: LeavingSituationView | null): Values =>
  s ? { jobSearching: s.jobSearching, inEducationOrTraining: s.inEducationOrTraining, qualificationGained: s.qualificationGained } : NONE;

function LeavingForm({ caseId, exitDate, situation }: { caseId: string; exitDate: string; situation: LeavingSituationView | null }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(valuesOf(situation));
  const [version, setVersion] = useState(situation?.version);
  const [conflict, setConflict] = useState<LeavingSituationView | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.put<LeavingSituationView>(`/api/cases/${caseId}/leaving-situation`, { ...values, version } satisfies LeavingSituationInput),
    onSuccess: (saved) => {
      setVersion(saved.version);
      queryClient.setQueryData<LeavingSituationResponse>(['leaving', caseId], { situation: saved });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) setConflict((error.current as LeavingSituationView | null) ?? null);
    },
  });
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-labelledby="leaving-title"
    >
      <Text size="sm" mb="sm">
        {t('esf.leaving.intro', { date: formatDate(exitDate, i18n.language) })}
      </Text>
      {!situation && (
        <Text size="sm" mb="sm">
          {t('esf.leaving.notRecorded')}
        </Text>
      )}
      {conflict && (
        <ConflictNotice
          rows={differingFields(FIELDS.map((f) => ({ label: t(`esf.leaving.${f}`), mine: yesNo(values[f]), current: yesNo(conflict[f]) })))}
          onLoadCurrent={() => {
            setValues(valuesOf(conflict));
            setVersion(conflict.version);
            setConflict(null);
          }}
        />
      )}
      {save.error && !conflict && <ErrorAlert error={save.error} />}
      <Stack gap="xs">
        {FIELDS.map((f) => (
          <Checkbox
            key={f}
            label={t(`esf.leaving.${f}`)}
            checked={values[f]}
            onChange={(e) => setValues({ ...values, [f]: e.currentTarget.checked })}
          />
        ))}
      </Stack>
      <Group mt="md">
        <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
          {t('esf.leaving.save')}
        </Button>
        {save.isSuccess && (
          <Text size="sm" role="status">
            {t('esf.leaving.saved')}
          </Text>
        )}
      </Group>
    </form>
  );
}

export function LeavingSituationTab({ participant }: { participant: ParticipantView }) {
  const { t } = useTranslation();
  const kase = participant.currentCase;
  const left = kase?.exitDate ? kase : null;
  const situation = useQuery({
    queryKey: ['leaving', left?.id],
    queryFn: () => api.get<LeavingSituationResponse>(`/api/cases/${left!.id}/leaving-situation`),
    enabled: left !== null,
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" id="leaving-title" mb="xs">
        {t('esf.leaving.title')}
      </Title>
      {!left && <Alert variant="light">{t('esf.leaving.notLeft')}</Alert>}
      {left && situation.isPending && <Loading />}
      {situation.error && <ErrorAlert error={situation.error} />}
      {left && situation.data && (
        <LeavingForm key={left.id} caseId={left.id} exitDate={left.exitDate!} situation={situation.data.situation} />
      )}
    </Paper>
  );
}
