import { Alert, Anchor, Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { proposalsKey } from '../../shared/jobs/queries.ts';

export interface ProposeTarget {
  participantId: string;
  candidateName: string;
  vacancyId: string;
  vacancyTitle: string;
  employerName: string;
}

/**
 * Proposing a candidate to the employer of a vacancy, with a note for the staff. The server
 * checks the consent to that employer and the work permission; each refusal is explained.
 */
export function ProposeDialog({ target, onClose }: { target: ProposeTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
      title={target && t('jobs.propose.title', { name: target.candidateName, vacancy: target.vacancyTitle })}
    >
      {target && <ProposeForm key={`${target.participantId}:${target.vacancyId}`} target={target} onClose={onClose} />}
    </Modal>
  );
}

function ProposeForm({ target, onClose }: { target: ProposeTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const propose = useMutation({
    mutationFn: () =>
      api.post<ProposalView>('/api/proposals', {
        vacancyId: target.vacancyId,
        participantId: target.participantId,
        note: note.trim() || null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === proposalsKey[0] || q.queryKey.includes('matches') });
      onClose();
    },
  });
  const fields = propose.error instanceof ApiError && propose.error.status === 400 ? propose.error.fields : {};
  const noConsent = 'consent' in fields;
  // The office's refusals name their rule: the residence document's work clause, or the
  // employability check's "not fit for now".
  const notPermitted = 'workClause' in fields;
  const notNow = 'employability' in fields;
  const notOpen = 'vacancyId' in fields;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        propose.mutate();
      }}
    >
      <Text size="sm" mb="sm">
        {t('jobs.propose.intro', { employer: target.employerName })}
      </Text>
      {noConsent && (
        <Alert color="orange" variant="light" role="alert" mb="sm" title={t('jobs.propose.noConsentTitle')}>
          <Text size="sm" mb="xs">
            {t('jobs.propose.noConsent', { employer: target.employerName })}
          </Text>
          <Anchor component={Link} to={`/participants/${target.participantId}?tab=consent`} c="blue.9" underline="always" fw={600}>
            {t('jobs.propose.toConsent')}
          </Anchor>
        </Alert>
      )}
      {notPermitted && (
        <Alert color="red" variant="light" role="alert" mb="sm" title={t('jobs.propose.notPermittedTitle')}>
          <Text size="sm">{t('jobs.propose.notPermitted')}</Text>
        </Alert>
      )}
      {(notNow || notOpen) && (
        <Alert color="red" variant="light" role="alert" mb="sm" title={t('jobs.propose.notPossibleTitle')}>
          {notNow && <Text size="sm">{t('jobs.propose.notNow')}</Text>}
          {notOpen && <Text size="sm">{t('jobs.propose.notOpen')}</Text>}
        </Alert>
      )}
      {propose.error && !noConsent && !notPermitted && !notNow && !notOpen && <ErrorAlert error={propose.error} />}
      <Textarea
        label={t('jobs.propose.note')}
        description={t('jobs.propose.noteHelp')}
        autosize
        minRows={3}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        data-autofocus
      />
      <Group mt="md">
        <Button type="submit" loading={propose.isPending}>
          {t('jobs.propose.submit')}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
