import { Checkbox, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Form } from '../../shared/forms/form.ts';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../server/modules/organisations/organisations.schemas.ts';
import { useCities } from '../../shared/api/cities.ts';
import { kindLabel } from '../../shared/i18n/labels.ts';
import type { OrganisationFormValues } from './organisationForm.ts';

interface OrganisationFieldsProps {
  form: Form<OrganisationFormValues>;
  /** The kind is chosen once, when the organisation is created; "active" exists once it does. */
  mode: 'create' | 'edit';
}

export function OrganisationFields({ form, mode }: OrganisationFieldsProps) {
  const { t } = useTranslation();
  const cities = useCities();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {mode === 'create' && (
          <NativeSelect
            label={t('organisations.kind')}
            required
            data={[
              { value: '', label: t('common.choose') },
              ...ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) })),
            ]}
            {...form.getInputProps('kind')}
          />
        )}
        <TextInput label={t('organisations.name')} required {...form.getInputProps('name')} />
        <NativeSelect
          label={t('organisations.city')}
          data={[
            { value: '', label: t('organisations.noCity') },
            ...(cities.data ?? []).map((city) => ({ value: city.id, label: city.name })),
          ]}
          {...form.getInputProps('cityId')}
        />
      </SimpleGrid>
      <Textarea label={t('organisations.description')} autosize minRows={2} {...form.getInputProps('description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('organisations.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('organisations.phone')} type="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <Textarea label={t('organisations.address')} autosize minRows={2} {...form.getInputProps('address')} />
      {mode === 'edit' && <Checkbox label={t('organisations.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </Stack>
  );
}
