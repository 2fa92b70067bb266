import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CEFR_LEVELS, GENDERS } from '../../../server/modules/participants/participants.schemas.ts';
import type { Form } from '../../shared/forms/form.ts';
import { genderLabel } from '../../shared/i18n/labels.ts';
import type { PersonValues } from './participantForm.ts';

interface PersonFieldsProps<V extends PersonValues> {
  form: Form<V>;
  /** Called when a name or the birth date loses focus: the moment to look for duplicates. */
  onIdentityBlur?: () => void;
}

/** Name, birth date and contact: the same fields on the create page and the Person tab. */
export function PersonFields<V extends PersonValues>({ form, onIdentityBlur }: PersonFieldsProps<V>) {
  const { t } = useTranslation();
  const f = form as unknown as Form<PersonValues>;
  const identity = (field: 'givenNames' | 'familyName' | 'birthDate') => {
    const props = f.getInputProps(field);
    return {
      ...props,
      onBlur: () => {
        (props.onBlur as (() => void) | undefined)?.();
        onIdentityBlur?.();
      },
    };
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('participants.givenNames')} required autoComplete="off" {...identity('givenNames')} />
      <TextInput label={t('participants.familyName')} required autoComplete="off" {...identity('familyName')} />
      <TextInput label={t('participants.preferredName')} autoComplete="off" {...f.getInputProps('preferredName')} />
      <TextInput label={t('participants.birthDate')} type="date" {...identity('birthDate')} />
      <NativeSelect
        label={t('participants.gender')}
        data={GENDERS.map((g) => ({ value: g, label: genderLabel(t, g) }))}
        {...f.getInputProps('gender')}
      />
      <TextInput
        label={t('participants.nationality')}
        description={t('participantForm.nationalityHelp')}
        autoComplete="off"
        {...f.getInputProps('nationality')}
      />
      <NativeSelect
        label={t('participants.germanLevel')}
        data={[
          { value: '', label: t('participantForm.notRecorded') },
          ...CEFR_LEVELS.map((l) => ({ value: l, label: l === 'none' ? t('participants.noGerman') : l })),
        ]}
        {...f.getInputProps('germanLevel')}
      />
      <TextInput label={t('participants.phone')} type="tel" autoComplete="off" {...f.getInputProps('phone')} />
      <TextInput label={t('participants.email')} type="email" autoComplete="off" {...f.getInputProps('email')} />
      <TextInput label={t('participantForm.street')} autoComplete="off" {...f.getInputProps('street')} />
      <TextInput label={t('participantForm.postcode')} autoComplete="off" {...f.getInputProps('postcode')} />
      <TextInput label={t('participantForm.town')} autoComplete="off" {...f.getInputProps('town')} />
    </SimpleGrid>
  );
}
