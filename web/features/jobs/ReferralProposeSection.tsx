import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { proposalsKey, useProposals } from '../../shared/jobs/queries.ts';
import { OpenVacancySelect } from './OpenVacancySelect.tsx';
import { ProposalList } from './ProposalList.tsx';

interface ReferralProposeSectionProps {
  participantId: string;
  participantName: string;
}

/**
 * "Propose to an employer" on a live referral, for the partner's caseworker (job coach): they
 * have no matching (it reads the employability check), so they choose an open vacancy
 * themselves. The server checks the consent to that employer and the hard rules; which rule
 * forbids a proposal is the office's to know, so the coach is told to ask the case manager.
 */
export function ReferralProposeSection({ participantId, participantName }: ReferralProposeSectionProps) {
  const { t } = useTranslation();
  const proposals = useProposals({ participantId });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="referral-propose">
      <Title order={2} size="h3" id="referral-propose" mb="xs">
        {t('jobs.coachPropose.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('jobs.coachPropose.intro', { name: participantName })}
      </Text>
      <ProposeForm participantId={participantId} />
      <Title order={3} size="h4" mt="lg" mb="xs" id="referral-proposals">
        {t('jobs.coachPropose.listHeading')}
      </Title>
      <div role="region" aria-labelledby="referral-proposals">
        {proposals.isPending && <Loading />}
        {proposals.error && <ErrorAlert error={proposals.error} />}
        {proposals.data && <ProposalList proposals={proposals.data} show="vacancy" linkToCaseFile={false} />}
      </div>
    </Paper>
  );
}

function ProposeForm({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [vacancy, setVacancy] = useState<VacancyView | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [proposed, setProposed] = useState<ProposalView | null>(null);
  const propose = useMutation({
    mutationFn: (chosen: VacancyView) =>
      api.post<ProposalView>('/api/proposals', { vacancyId: chosen.id, participantId, note: note.trim() || null }),
    onSuccess: async (created) => {
      setProposed(created);
      setVacancy(null);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: proposalsKey });
    },
  });
  const error = propose.error;
  const fields = error instanceof ApiError && error.status === 400 ? error.fields : {};
  const noConsent = 'consent' in fields;
  const notPossible = 'participantId' in fields;
  const notOpen = 'vacancyId' in fields;
  // 404: the referral ended meanwhile (revoked, past its end, consent withdrawn).
  const noReferral = error instanceof ApiError && error.status === 404;
  const explained = noConsent || notPossible || notOpen || noReferral;
  const employer = propose.variables?.employerName ?? '';

  return (
    <form
      aria-labelledby="referral-propose"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setProposed(null);
        setMissing(!vacancy);
        if (vacancy) propose.mutate(vacancy);
      }}
    >
      <Stack gap="sm">
        {proposed && (
          <Alert color="green" variant="light" role="status">
            {t('jobs.coachPropose.done', { vacancy: proposed.vacancyTitle, employer: proposed.employerName })}
          </Alert>
        )}
        {noConsent && (
          <Alert color="orange" variant="light" role="alert" title={t('jobs.propose.noConsentTitle')}>
            <Text size="sm">{t('jobs.coachPropose.noConsent', { employer })}</Text>
          </Alert>
        )}
        {(notPossible || notOpen || noReferral) && (
          <Alert color="red" variant="light" role="alert" title={t('jobs.propose.notPossibleTitle')}>
            {notPossible && <Text size="sm">{t('jobs.coachPropose.notPossible')}</Text>}
            {notOpen && <Text size="sm">{t('jobs.propose.notOpen')}</Text>}
            {noReferral && <Text size="sm">{t('jobs.coachPropose.noReferral')}</Text>}
          </Alert>
        )}
        {error && !explained && <ErrorAlert error={error} />}
        <OpenVacancySelect
          value={vacancy}
          onChange={(chosen) => {
            setVacancy(chosen);
            if (chosen) setMissing(false);
          }}
          error={missing ? t('jobs.coachPropose.vacancyMissing') : undefined}
        />
        <Textarea
          label={t('jobs.propose.note')}
          description={t('jobs.propose.noteHelp')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={propose.isPending}>
            {t('jobs.propose.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
