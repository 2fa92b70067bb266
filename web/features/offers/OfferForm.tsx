import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OFFER_KINDS,
  OfferCreateInput,
  OfferUpdateInput,
  TARGET_GROUPS,
  type OfferView,
} from '../../../server/modules/offers/offers.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { offerKindLabel, targetGroupLabel } from './labels.ts';
import { offerInputOf, offerValuesOf, type OfferFormValues } from './offerForm.ts';
import { offerKey, offersKey } from './queries.ts';

interface OfferFormProps {
  /** The offer to edit; left out to create one. */
  record?: OfferView;
  /** Creating: the providers this user may publish for. */
  providers?: { id: string; name: string }[];
  onSaved: (offer: OfferView) => void;
  onCancel?: () => void;
}

const updateInputOf = (v: OfferFormValues, version: number) => {
  const { providerOrganisationId: _provider, ...input } = offerInputOf(v);
  return { ...input, version };
};

/** Creates an offer, or edits one on top of the version it was loaded at (a 409 shows what changed). */
export function OfferForm({ record, providers = [], onSaved, onCancel }: OfferFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(record);
  const [conflict, setConflict] = useState<OfferView | null>(null);
  const form = useValidatedForm<OfferFormValues>(offerValuesOf(record ?? null, providers.length === 1 ? providers[0]!.id : ''), (v) =>
    saved ? schemaErrors(t, OfferUpdateInput, updateInputOf(v, saved.version)) : schemaErrors(t, OfferCreateInput, offerInputOf(v)),
  );
  const save = useMutation({
    mutationFn: (v: OfferFormValues) =>
      saved
        ? api.patch<OfferView>(`/api/offers/${saved.id}`, updateInputOf(v, saved.version))
        : api.post<OfferView>('/api/offers', offerInputOf(v)),
    onSuccess: async (offer) => {
      setSaved(offer);
      setConflict(null);
      queryClient.setQueryData(offerKey(offer.id), offer);
      await queryClient.invalidateQueries({ queryKey: offersKey });
      onSaved(offer);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as OfferView);
    },
  });
  const values = form.getValues();

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      {conflict && (
        <ConflictNotice
          rows={differingFields([
            { label: t('offers.field.title'), mine: values.title, current: conflict.title },
            { label: t('offers.field.startsOn'), mine: values.startsOn, current: conflict.startsOn },
            { label: t('offers.field.endsOn'), mine: values.endsOn, current: conflict.endsOn },
            { label: t('offers.field.capacity'), mine: values.capacity, current: String(conflict.capacity) },
            { label: t('offers.field.place'), mine: values.place, current: conflict.place ?? '' },
            { label: t('offers.field.schedule'), mine: values.schedule, current: conflict.schedule ?? '' },
          ])}
          onLoadCurrent={() => {
            setSaved(conflict);
            form.setValues(offerValuesOf(conflict));
            setConflict(null);
          }}
        />
      )}
      {save.error && !conflict && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {!saved && (
          <NativeSelect
            label={t('offers.field.provider')}
            required
            data={[{ value: '', label: t('common.choose') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
            {...form.getInputProps('providerOrganisationId')}
          />
        )}
        <NativeSelect
          label={t('offers.field.kind')}
          required
          data={[{ value: '', label: t('common.choose') }, ...OFFER_KINDS.map((k) => ({ value: k, label: offerKindLabel(t, k) }))]}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('offers.field.title')} required {...form.getInputProps('title')} />
        <TextInput label={t('offers.field.startsOn')} type="date" required {...form.getInputProps('startsOn')} />
        <TextInput label={t('offers.field.endsOn')} type="date" required {...form.getInputProps('endsOn')} />
        <TextInput label={t('offers.field.schedule')} description={t('offers.field.scheduleHint')} {...form.getInputProps('schedule')} />
        <TextInput label={t('offers.field.place')} {...form.getInputProps('place')} />
        <TextInput label={t('offers.field.capacity')} inputMode="numeric" required {...form.getInputProps('capacity')} />
        <TextInput label={t('offers.field.language')} description={t('offers.field.languageHint')} {...form.getInputProps('language')} />
      </SimpleGrid>
      <Checkbox.Group
        label={t('offers.field.targetGroups')}
        description={t('offers.field.targetGroupsHint')}
        mt="md"
        {...form.getInputProps('targetGroups')}
      >
        <Group mt={6}>
          {TARGET_GROUPS.map((g) => (
            <Checkbox key={g} value={g} label={targetGroupLabel(t, g)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox mt="md" label={t('offers.field.childcare')} {...form.getInputProps('childcare', { type: 'checkbox' })} />
      <Textarea mt="md" label={t('offers.field.description')} autosize minRows={3} {...form.getInputProps('description')} />
      <Group mt="lg">
        <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
          {saved ? t('common.save') : t('offers.create')}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </form>
  );
}
