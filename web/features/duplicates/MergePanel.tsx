import { Alert, Button, Group, Radio, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, MergePreview, MergeView } from '../../../server/modules/duplicates/duplicates.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';

type Field = MergePreview['fields'][number]['field'];

function show(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => show(t, v)).join(', ') || '—';
  if (typeof value === 'object')
    return Object.values(value)
      .map((v) => show(t, v))
      .join(' ');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '—';
}

interface MergePanelProps {
  pair: DuplicatePair;
  onCancel: () => void;
  onMerged: () => Promise<void>;
}

/** The merge preview: per differing field, which record's value stays; what moves over; then the merge. */
export function MergePanel({ pair, onCancel, onMerged }: MergePanelProps) {
  const { t } = useTranslation();
  const [swapped, setSwapped] = useState(false);
  const kept = swapped ? pair.b : pair.a;
  const merged = swapped ? pair.a : pair.b;
  const [fromMerged, setFromMerged] = useState<Field[]>([]);
  const preview = useQuery({
    queryKey: ['/api/participants', kept.id, 'merge-preview', merged.id],
    queryFn: () => api.get<MergePreview>(`/api/participants/${kept.id}/merge-preview`, { with: merged.id }),
  });
  const merge = useMutation({
    mutationFn: (p: MergePreview) =>
      api.post<MergeView>(`/api/participants/${kept.id}/merge`, {
        mergedId: merged.id,
        takeFromMerged: fromMerged,
        keptVersion: p.keptVersion,
        mergedVersion: p.mergedVersion,
      }),
    onSuccess: onMerged,
  });
  const keptName = `${kept.givenNames} ${kept.familyName}`;
  const mergedName = `${merged.givenNames} ${merged.familyName}`;

  if (preview.isPending) return <Loading />;
  if (preview.error) return <ErrorAlert error={preview.error} />;
  const p = preview.data;
  const differing = p.fields.filter((f) => f.differs);

  return (
    <div>
      <Group mb="sm">
        <Text size="sm">{t('duplicates.keeps', { name: keptName })}</Text>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => {
            setSwapped(!swapped);
            setFromMerged([]);
          }}
        >
          {t('duplicates.swap')}
        </Button>
      </Group>
      {differing.length > 0 && (
        <div role="region" aria-label={t('duplicates.fieldsCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table withTableBorder miw={520} mb="sm">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('duplicates.fieldsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('conflict.field')}</Table.Th>
                <Table.Th scope="col">{keptName}</Table.Th>
                <Table.Th scope="col">{mergedName}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differing.map((f) => {
                const label = t(`duplicates.fields.${f.field}`);
                const takeMerged = fromMerged.includes(f.field);
                const choose = (fromOther: boolean) =>
                  setFromMerged(fromOther ? [...fromMerged, f.field] : fromMerged.filter((x) => x !== f.field));
                return (
                  <Table.Tr key={f.field}>
                    <Table.Th scope="row">{label}</Table.Th>
                    <Table.Td>
                      <Radio
                        name={`merge-${f.field}`}
                        checked={!takeMerged}
                        onChange={() => choose(false)}
                        label={show(t, f.kept)}
                        aria-label={`${label}: ${show(t, f.kept)}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Radio
                        name={`merge-${f.field}`}
                        checked={takeMerged}
                        onChange={() => choose(true)}
                        label={show(t, f.merged)}
                        aria-label={`${label}: ${show(t, f.merged)}`}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Text size="sm" mb="sm">
        {t('duplicates.moves', { ...p.moves, name: keptName })}
      </Text>
      {p.employabilityConflict && (
        <Alert color="orange" variant="light" mb="sm">
          {t('duplicates.employabilityConflict')}
        </Alert>
      )}
      {merge.error && <ErrorAlert error={merge.error} />}
      <Group>
        <Button color="red.9" loading={merge.isPending} onClick={() => merge.mutate(p)}>
          {t('duplicates.confirmMerge', { name: mergedName, kept: keptName })}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </div>
  );
}
