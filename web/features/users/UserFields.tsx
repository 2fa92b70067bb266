import { NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Form } from '../../shared/forms/form.ts';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../server/modules/auth/auth.schemas.ts';
import { LANGUAGE_NAMES } from '../../shared/i18n/languages.ts';
import { MembershipsField } from './MembershipsField.tsx';
import type { UserFormValues } from './userForm.ts';

interface UserFieldsProps {
  form: Form<UserFormValues>;
  /** The email address is the login and fixed once the account exists; the password is set on create and reset on edit. */
  mode: 'create' | 'edit';
}

export function UserFields({ form, mode }: UserFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('users.displayName')} required autoComplete="off" {...form.getInputProps('displayName')} />
        <TextInput
          label={t('users.email')}
          type="email"
          required={mode === 'create'}
          readOnly={mode === 'edit'}
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <NativeSelect
          label={t('users.locale')}
          data={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
          {...form.getInputProps('locale')}
        />
        <PasswordInput
          label={mode === 'create' ? t('users.initialPassword') : t('users.resetPassword')}
          description={mode === 'create' ? t('users.initialPasswordHelp') : t('users.resetPasswordHelp')}
          required={mode === 'create'}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
      </SimpleGrid>
      <MembershipsField form={form} />
    </Stack>
  );
}
