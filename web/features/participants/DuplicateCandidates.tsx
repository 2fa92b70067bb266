import { Alert, Anchor, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../server/modules/duplicates/duplicates.schemas.ts';
import { formatDate } from '../../shared/i18n/format.ts';

interface DuplicateCandidatesProps {
  candidates: DuplicateCandidate[];
  title: string;
  children?: ReactNode;
}

/**
 * People who may be the one being recorded. Records of other offices show only the
 * office (to call them), never the person.
 */
export function DuplicateCandidates({ candidates, title, children }: DuplicateCandidatesProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={title} role="alert" my="md">
      <List size="sm" mb="sm">
        {candidates.map((c) => (
          <List.Item key={c.id}>
            {c.visible ? (
              <>
                <Anchor component={Link} to={`/participants/${c.id}`} target="_blank" c="inherit" underline="always" fw={600}>
                  {c.givenNames} {c.familyName}
                </Anchor>
                {', '}
                {t('duplicateWarning.born', { date: formatDate(c.birthDate, i18n.language) })} ({c.officeName})
              </>
            ) : (
              t('duplicateWarning.hidden', { office: c.officeName })
            )}
            {c.birthDateMatch !== 'same' && c.birthDateMatch !== 'missing' && (
              <Text span size="xs">
                {' '}
                — {t(`duplicateWarning.birthDateMatch.${c.birthDateMatch}`)}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {children}
    </Alert>
  );
}
