import { Alert, Button, Group, Paper, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { VacancyFacts } from './VacancyFacts.tsx';
import { VacancyForm } from './VacancyForm.tsx';

interface VacancyFactsSectionProps {
  vacancy: VacancyView;
  /** Shown once after the vacancy was created (the list page navigates here with state.created). */
  createdMessage: string | null;
  /** The employer's own view of the facts (VacancyFacts' employer mode). */
  employer?: boolean;
  /** Below the facts while they are not being edited, e.g. a link to the employer. */
  children?: ReactNode;
}

/** A vacancy's facts, with an edit button that turns them into the form: the staff's and the employer's page share it. */
export function VacancyFactsSection({ vacancy, createdMessage, employer = false, children }: VacancyFactsSectionProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const created = createdMessage !== null && !saved && !editing;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="vacancy-facts">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="vacancy-facts">
          {t('jobs.vacancy.facts')}
        </Title>
        {!editing && (
          <Button
            variant="default"
            size="sm"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            {t('jobs.vacancy.edit')}
          </Button>
        )}
      </Group>
      {created && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {createdMessage}
        </Alert>
      )}
      {saved && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('common.saved')}
        </Alert>
      )}
      {editing ? (
        <VacancyForm
          key={vacancy.id}
          record={vacancy}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <VacancyFacts vacancy={vacancy} employer={employer} />
          {children}
        </>
      )}
    </Paper>
  );
}
