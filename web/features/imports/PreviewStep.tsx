import { Alert, Anchor, Button, Checkbox, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportSettings, PreviewView, RowProblem } from '../../../server/modules/imports/imports.schemas.ts';
import { serverMessage } from '../../shared/forms/validation.ts';
import { formatNumber } from '../../shared/i18n/format.ts';

interface PreviewStepProps {
  uploadId: string;
  settings: ImportSettings;
  preview: PreviewView;
  onBack: () => void;
  onReupload: () => void;
  onRun: (settings: ImportSettings) => void;
}

/** What the import would do: counts, the rows with errors (fix the file and upload again), likely duplicates to include or skip. */
export function PreviewStep({ settings, preview, onBack, onReupload, onRun }: PreviewStepProps) {
  const { t, i18n } = useTranslation();
  const [include, setInclude] = useState<number[]>(settings.includeDuplicateRows);
  const number = (value: number) => formatNumber(value, i18n.language);
  const blocked = preview.invalid > 0 || preview.missingRequired.length > 0;
  const importing = preview.valid - preview.duplicates + include.length;

  return (
    <div>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <Text>{t('imports.valid', { count: preview.valid, formatted: number(preview.valid) })}</Text>
        <Text>{t('imports.invalid', { count: preview.invalid, formatted: number(preview.invalid) })}</Text>
        <Text>{t('imports.duplicates', { count: preview.duplicates, formatted: number(preview.duplicates) })}</Text>
      </SimpleGrid>
      {preview.missingRequired.length > 0 && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {t('imports.missingRequired', { fields: preview.missingRequired.map((f) => t(`imports.fields.${f}`)).join(', ') })}
        </Alert>
      )}
      {preview.invalid > 0 && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {t('imports.fixFile')}
        </Alert>
      )}
      {preview.problems.length > 0 && (
        <div role="region" aria-label={t('imports.problemsCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table miw={520} mb="md">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('imports.problemsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.row')}</Table.Th>
                <Table.Th scope="col">{t('imports.problem')}</Table.Th>
                <Table.Th scope="col">{t('imports.includeAnyway')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.problems.map((p) => (
                <Table.Tr key={p.row}>
                  <Table.Th scope="row">{p.row}</Table.Th>
                  <Table.Td>
                    <ProblemText problem={p} />
                  </Table.Td>
                  <Table.Td>
                    {Object.keys(p.errors).length === 0 && p.duplicateOf.length > 0 && (
                      <Checkbox
                        aria-label={t('imports.includeRow', { row: p.row })}
                        checked={include.includes(p.row)}
                        onChange={(e) => setInclude(e.currentTarget.checked ? [...include, p.row] : include.filter((r) => r !== p.row))}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Group mt="lg">
        <Button disabled={blocked} onClick={() => onRun({ ...settings, includeDuplicateRows: include })}>
          {t('imports.run', { count: importing, formatted: number(importing) })}
        </Button>
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button variant="default" onClick={onReupload}>
          {t('imports.reupload')}
        </Button>
      </Group>
    </div>
  );
}

function ProblemText({ problem }: { problem: RowProblem }) {
  const { t } = useTranslation();
  return (
    <>
      {Object.entries(problem.errors).map(([field, messages]) => (
        <Text key={field} size="sm">
          {t(`imports.fields.${field as 'givenNames'}`, { defaultValue: field })}: {messages.map((m) => serverMessage(t, m)).join(' ')}
        </Text>
      ))}
      {problem.duplicateOf.map((d, i) => (
        <Text key={i} size="sm">
          {d.participantId ? (
            <Anchor component={Link} to={`/participants/${d.participantId}`} target="_blank">
              {t('imports.duplicateOfRecord')}
            </Anchor>
          ) : d.row !== null ? (
            t('imports.duplicateOfRow', { row: d.row })
          ) : (
            t('duplicateWarning.hidden', { office: d.officeName ?? '' })
          )}
        </Text>
      ))}
    </>
  );
}
