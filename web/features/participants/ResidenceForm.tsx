import { Button, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RESIDENCE_TITLES,
  ResidenceCreateInput,
  WORK_CLAUSES,
  type ResidenceView,
} from '../../../server/modules/residence/residence.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';

interface ResidenceValues {
  title: string;
  paragraph: string;
  validFrom: string;
  validUntil: string;
  workClause: string;
  entryDate: string;
  note: string;
}

const orNull = (value: string) => value.trim() || null;
const inputOf = (v: ResidenceValues) => ({
  title: v.title || undefined,
  paragraph: orNull(v.paragraph),
  validFrom: orNull(v.validFrom),
  validUntil: orNull(v.validUntil),
  workClause: v.workClause || undefined,
  entryDate: orNull(v.entryDate),
  note: orNull(v.note),
});
const valuesOf = (r: ResidenceView | null): ResidenceValues => ({
  title: r?.title ?? '',
  paragraph: r?.paragraph ?? '',
  validFrom: r?.validFrom ?? '',
  validUntil: r?.validUntil ?? '',
  workClause: r?.workClause ?? '',
  entryDate: r?.entryDate ?? '',
  note: r?.note ?? '',
});

const LABELS = {
  title: 'residence.title',
  paragraph: 'residence.paragraph',
  validFrom: 'residence.validFrom',
  validUntil: 'residence.validUntil',
  workClause: 'residence.workClause',
  entryDate: 'residence.entryDate',
  note: 'residence.note',
} as const;

interface ResidenceFormProps {
  participantId: string;
  /** The document to correct, or null for a new one (which becomes the current one). */
  document: ResidenceView | null;
  onDone: () => void;
}

export function ResidenceForm({ participantId, document: opened, onDone }: ResidenceFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // After a 409 the user may load the saved document, and saves against its version.
  const [document, setDocument] = useState(opened);
  const [conflict, setConflict] = useState<ResidenceView | null>(null);
  const shown = (key: keyof ResidenceValues, value: string): string =>
    !value
      ? ''
      : key === 'title'
        ? t(`participants.residenceTitles.${value as 'other'}`)
        : key === 'workClause'
          ? t(`residence.workClauses.${value as 'permitted'}`)
          : value;
  const form = useValidatedForm<ResidenceValues>(valuesOf(opened), (values) => schemaErrors(t, ResidenceCreateInput, inputOf(values)));
  const save = useMutation({
    mutationFn: (values: ResidenceValues) =>
      document
        ? api.patch<ResidenceView>(`/api/residence-statuses/${document.id}`, { ...inputOf(values), version: document.version })
        : api.post<ResidenceView>(`/api/participants/${participantId}/residence-statuses`, inputOf(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/participants', participantId] });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409) setConflict(error.current as ResidenceView);
    },
  });

  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      noValidate
      aria-label={document ? t('residence.edit') : t('residence.add')}
    >
      {save.error && !conflict && <ErrorAlert error={save.error} />}
      {conflict && (
        <ConflictNotice
          rows={differingFields(
            (Object.keys(LABELS) as (keyof ResidenceValues)[]).map((key) => ({
              label: t(LABELS[key]),
              mine: shown(key, form.getValues()[key]),
              current: shown(key, valuesOf(conflict)[key]),
            })),
          )}
          onLoadCurrent={() => {
            form.setValues(valuesOf(conflict));
            setDocument(conflict);
            setConflict(null);
          }}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <NativeSelect
          label={t('residence.title')}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...RESIDENCE_TITLES.map((r) => ({ value: r, label: t(`participants.residenceTitles.${r}`) })),
          ]}
          {...form.getInputProps('title')}
        />
        <TextInput label={t('residence.paragraph')} description={t('residence.paragraphHelp')} {...form.getInputProps('paragraph')} />
        <TextInput label={t('residence.validFrom')} type="date" {...form.getInputProps('validFrom')} />
        <TextInput label={t('residence.validUntil')} type="date" {...form.getInputProps('validUntil')} />
        <NativeSelect
          label={t('residence.workClause')}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...WORK_CLAUSES.map((w) => ({ value: w, label: t(`residence.workClauses.${w}`) })),
          ]}
          {...form.getInputProps('workClause')}
        />
        <TextInput label={t('residence.entryDate')} type="date" {...form.getInputProps('entryDate')} />
      </SimpleGrid>
      <Textarea label={t('residence.note')} autosize minRows={2} {...form.getInputProps('note')} />
      <Group my="md">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
