import { Button, Group, NativeSelect, SimpleGrid, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportSettings,
  type PreviewView,
  type UploadView,
} from '../../../server/modules/imports/imports.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { useCities } from '../../shared/api/cities.ts';
import { useFundingPeriods } from '../../shared/api/fundingPeriods.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { caseStatusLabel } from '../../shared/i18n/labels.ts';

interface MappingStepProps {
  upload: UploadView;
  initial: ImportSettings | null;
  onBack: () => void;
  onPreview: (settings: ImportSettings, preview: PreviewView) => void;
}

/** Which column of the file is which field (the server's suggestion preselected), and the city and status the cases start with. */
export function MappingStep({ upload, initial, onBack, onPreview }: MappingStepProps) {
  const { t } = useTranslation();
  const cities = useCities();
  const [mapping, setMapping] = useState<Record<string, ImportField | ''>>(initial?.mapping ?? upload.suggestedMapping);
  const [cityId, setCityId] = useState(initial?.cityId ?? '');
  const [status, setStatus] = useState<'invited' | 'active'>(initial?.status ?? 'active');
  const periods = useFundingPeriods();
  const [fundingPeriodId, setFundingPeriodId] = useState(initial?.fundingPeriodId ?? '');
  const settings = (): ImportSettings => ({
    mapping: Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== '')) as Record<string, ImportField>,
    cityId,
    status,
    fundingPeriodId: fundingPeriodId || null,
    includeDuplicateRows: initial?.includeDuplicateRows ?? [],
  });
  const preview = useMutation({
    mutationFn: (s: ImportSettings) => api.post<PreviewView>(`/api/imports/${upload.id}/preview`, s),
    onSuccess: (view, s) => onPreview(s, view),
  });
  const column = (index: number) =>
    upload.sample
      .map((row) => row[index])
      .filter(Boolean)
      .slice(0, 2)
      .join(' · ');

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        preview.mutate(settings());
      }}
    >
      <Text mb="md">
        {t('imports.uploaded', { file: upload.fileName, count: upload.rowCount })}
        {upload.encoding && ` ${t('imports.encoding', { encoding: upload.encoding })}`}
      </Text>
      {preview.error && <ErrorAlert error={preview.error} />}
      <div role="region" aria-label={t('imports.mappingCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table miw={520} mb="md">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('imports.mappingCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.sample')}</Table.Th>
              <Table.Th scope="col">{t('imports.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.columns.map((name, index) => (
              <Table.Tr key={name}>
                <Table.Th scope="row">{name}</Table.Th>
                <Table.Td>{column(index) || '—'}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('imports.fieldFor', { column: name })}
                    value={mapping[name] ?? ''}
                    onChange={(e) => setMapping({ ...mapping, [name]: e.currentTarget.value as ImportField | '' })}
                    data={[
                      { value: '', label: t('imports.notImported') },
                      ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.fields.${f}`) })),
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('participants.city')}
          required
          value={cityId}
          onChange={(e) => setCityId(e.currentTarget.value)}
          data={[{ value: '', label: t('common.choose') }, ...(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
        <NativeSelect
          label={t('participants.caseStatus')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as 'invited' | 'active')}
          data={(['invited', 'active'] as const).map((s) => ({ value: s, label: caseStatusLabel(t, s) }))}
        />
        <NativeSelect
          label={t('participants.fundingPeriod')}
          value={fundingPeriodId}
          onChange={(e) => setFundingPeriodId(e.currentTarget.value)}
          data={[
            { value: '', label: t('participantForm.notRecorded') },
            ...(periods.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      </SimpleGrid>
      <Group mt="lg">
        <Button type="submit" loading={preview.isPending} disabled={!cityId}>
          {t('imports.toPreview')}
        </Button>
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
      </Group>
    </form>
  );
}
