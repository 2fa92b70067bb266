import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CEFR_LEVELS,
  FAMILY_STATUSES,
  GENDERS,
  HOUSING,
  LANGUAGE_LEVELS,
} from '../../../server/modules/participants/participants.schemas.ts';
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
  const notRecorded = { value: '', label: t('participantForm.notRecorded') };
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
      <Stack gap="xs" role="group" aria-labelledby="languages-label">
        <Text component="span" id="languages-label" size="sm" fw={500}>
          {t('participants.languages')}
        </Text>
        {f.getValues().languages.map((_, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('participantForm.language', { n: i + 1 })}
              required
              style={{ flex: 1 }}
              {...f.getInputProps(`languages.${i}.language`)}
            />
            <NativeSelect
              label={t('participantForm.level', { n: i + 1 })}
              data={[
                { value: '', label: t('common.choose') },
                ...LANGUAGE_LEVELS.map((l) => ({ value: l, label: l === 'native' ? t('participants.nativeLanguage') : l })),
              ]}
              {...f.getInputProps(`languages.${i}.level`)}
            />
            <Button
              variant="subtle"
              onClick={() => f.removeListItem('languages', i)}
              aria-label={t('participantForm.removeLanguage', { n: i + 1 })}
            >
              ×
            </Button>
          </Group>
        ))}
        <Button
          variant="default"
          size="compact-sm"
          w="fit-content"
          onClick={() => f.insertListItem('languages', { language: '', level: '' })}
        >
          {t('participantForm.addLanguage')}
        </Button>
      </Stack>
      <TextInput label={t('participants.phone')} type="tel" autoComplete="off" {...f.getInputProps('phone')} />
      <TextInput label={t('participants.email')} type="email" autoComplete="off" {...f.getInputProps('email')} />
      <TextInput label={t('participantForm.street')} autoComplete="off" {...f.getInputProps('street')} />
      <TextInput label={t('participantForm.postcode')} autoComplete="off" {...f.getInputProps('postcode')} />
      <TextInput label={t('participantForm.town')} autoComplete="off" {...f.getInputProps('town')} />
      <NativeSelect
        label={t('participants.housingLabel')}
        data={[notRecorded, ...HOUSING.map((h) => ({ value: h, label: t(`participants.housing.${h}`) }))]}
        {...f.getInputProps('housing')}
      />
      <NativeSelect
        label={t('participants.familyStatusLabel')}
        data={[notRecorded, ...FAMILY_STATUSES.map((s) => ({ value: s, label: t(`participants.familyStatus.${s}`) }))]}
        {...f.getInputProps('familyStatus')}
      />
      <TextInput label={t('participants.children')} type="number" min={0} max={30} {...f.getInputProps('childrenCount')} />
      <NativeSelect
        label={t('participants.childcareNeeded')}
        data={[notRecorded, { value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]}
        {...f.getInputProps('childcareNeeded')}
      />
      <Checkbox mt="lg" label={t('participants.interpreter')} {...f.getInputProps('interpreterNeeded', { type: 'checkbox' })} />
      {f.getValues().interpreterNeeded && (
        <TextInput label={t('participantForm.fields.interpreterLanguage')} {...f.getInputProps('interpreterLanguage')} />
      )}
    </SimpleGrid>
  );
}
