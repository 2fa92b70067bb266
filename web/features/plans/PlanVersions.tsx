import { Anchor, Badge, Button, Group, Paper, Table, Title, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_TYPE_LANGUAGES, type PlanVersionSummary } from '../../../server/modules/plans/plans.schemas.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { PlanDiffView } from './PlanDiffView.tsx';

const STATE_COLOURS = { draft: 'gray.7', current: 'teal.9', superseded: 'dark.4' } as const;

/** Every version of the plan, newest first, with what changed against the one before and its print. */
export function PlanVersions({ versions }: { versions: PlanVersionSummary[] }) {
  const { t, i18n } = useTranslation();
  const [comparing, setComparing] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-versions-heading">
      <Title order={2} size="h4" id="plan-versions-heading" mb="xs">
        {t('plan.versionsHeading')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('plan.versionsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.number')}</Table.Th>
              <Table.Th scope="col">{t('plan.state')}</Table.Th>
              <Table.Th scope="col">{t('plan.discussedOn')}</Table.Th>
              <Table.Th scope="col">{t('plan.attendees')}</Table.Th>
              <Table.Th scope="col">{t('plan.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v, index) => {
              // Newest first: the version before this one is the next in the list.
              const previous = versions[index + 1];
              return (
                <Fragment key={v.id}>
                  <Table.Tr>
                    <Table.Th scope="row">{v.number}</Table.Th>
                    <Table.Td>
                      <Badge color={STATE_COLOURS[v.state]} variant="filled" tt="none" miw="max-content">
                        {t(`plan.states.${v.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{v.discussedOn ? formatDate(v.discussedOn, i18n.language) : t('plan.notDiscussed')}</Table.Td>
                    <Table.Td>{v.attendees ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {previous && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-expanded={comparing === v.id}
                            onClick={() => setComparing(comparing === v.id ? null : v.id)}
                          >
                            {comparing === v.id ? t('plan.hideCompare') : t('plan.compare', { number: previous.number })}
                          </Button>
                        )}
                        {STEP_TYPE_LANGUAGES.map((language) => (
                          <Anchor key={language} size="sm" href={`/api/plan-versions/${v.id}/pdf?language=${language}`} target="_blank">
                            <span lang={language}>{t(`plan.pdfLanguages.${language}`)}</span>
                            <VisuallyHidden> – {t('plan.pdfOf', { number: v.number })}</VisuallyHidden>
                          </Anchor>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {comparing === v.id && previous && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <PlanDiffView from={previous.id} to={v.id} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
