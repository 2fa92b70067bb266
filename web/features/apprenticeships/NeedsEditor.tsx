import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HELPER_KINDS,
  NEED_AREAS,
  type AgreementView,
  type NeedInput,
} from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { areaLabel, helperKindLabel } from '../../shared/apprenticeships/labels.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { serverErrors } from '../../shared/forms/validation.ts';
import { agreementKey, useHelpers } from './queries.ts';

type Row = { area: NeedInput['area']; helperKind: NeedInput['helperKind']; helperUserId: string; note: string };

/** The support needs and who helps with each, edited as a whole and saved with the agreement's version. */
export function NeedsEditor({ agreement, editable }: { agreement: AgreementView; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const helpers = useHelpers(agreement.employerId);
  const [rows, setRows] = useState<Row[]>(
    agreement.needs.map((n) => ({ area: n.area, helperKind: n.helperKind, helperUserId: n.helperUserId ?? '', note: n.note ?? '' })),
  );
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const save = useMutation({
    mutationFn: () =>
      api.put<AgreementView>(`/api/apprenticeships/${agreement.id}/needs`, {
        version: agreement.version,
        needs: rows.map((r) => ({ ...r, helperUserId: r.helperKind === 'company' ? null : r.helperUserId || null })),
      }),
    onSuccess: (saved) => {
      setErrors({});
      queryClient.setQueryData(agreementKey(agreement.id), saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: agreementKey(agreement.id) });
    },
  });
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const people = (kind: Row['helperKind']) =>
    kind === 'mentor' ? (helpers.data?.mentors ?? []) : kind === 'staff' ? (helpers.data?.staff ?? []) : [];

  if (!editable) {
    if (agreement.needs.length === 0) return <Text size="sm">{t('apprenticeships.needs.none')}</Text>;
    return (
      <Stack gap={4}>
        {agreement.needs.map((n) => (
          <Text key={n.id} size="sm">
            {areaLabel(t, n.area)}: {helperKindLabel(t, n.helperKind)}
            {n.helperName ? ` (${n.helperName})` : ''}
            {n.note ? ` – ${n.note}` : ''}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-label={t('apprenticeships.needs.heading')}
    >
      {save.error && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      {rows.length === 0 && <Text size="sm">{t('apprenticeships.needs.none')}</Text>}
      <Stack gap="xs">
        {rows.map((r, i) => (
          <Paper key={i} withBorder p="xs" component="fieldset" aria-label={t('apprenticeships.needs.item', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <NativeSelect
                label={t('apprenticeships.needs.area')}
                value={r.area}
                onChange={(e) => set(i, { area: e.currentTarget.value as Row['area'] })}
                data={NEED_AREAS.map((a) => ({ value: a, label: areaLabel(t, a) }))}
              />
              <NativeSelect
                label={t('apprenticeships.needs.helperKind')}
                value={r.helperKind}
                onChange={(e) => set(i, { helperKind: e.currentTarget.value as Row['helperKind'], helperUserId: '' })}
                data={HELPER_KINDS.map((k) => ({ value: k, label: helperKindLabel(t, k) }))}
              />
              <NativeSelect
                label={t('apprenticeships.needs.helper')}
                value={r.helperUserId}
                disabled={r.helperKind === 'company'}
                error={errors[`needs.${i}.helperUserId`] as string | undefined}
                onChange={(e) => set(i, { helperUserId: e.currentTarget.value })}
                data={[{ value: '', label: '—' }, ...people(r.helperKind).map((p) => ({ value: p.id, label: p.displayName }))]}
              />
              <TextInput label={t('apprenticeships.needs.note')} value={r.note} onChange={(e) => set(i, { note: e.currentTarget.value })} />
            </SimpleGrid>
            <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('apprenticeships.needs.remove', { n: i + 1 })}
            </Button>
          </Paper>
        ))}
      </Stack>
      <Group mt="sm">
        <Button
          variant="default"
          onClick={() => setRows([...rows, { area: 'vocational_school', helperKind: 'staff', helperUserId: '', note: '' }])}
        >
          {t('apprenticeships.needs.add')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('apprenticeships.needs.save')}
        </Button>
      </Group>
    </form>
  );
}
