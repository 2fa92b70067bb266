import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMPLOYER_SIZES } from '../../../server/modules/employers/employers.schemas.ts';
import { useCities } from '../../shared/api/cities.ts';
import type { Form } from '../../shared/forms/form.ts';
import { employerSizeLabel } from '../../shared/jobs/labels.ts';
import { newContactPerson, type EmployerFormValues } from './employerForm.ts';

/** An employer's profile, the staff's notes and the contact persons. */
export function EmployerFields({ form, mode }: { form: Form<EmployerFormValues>; mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const cities = useCities();
  const persons = form.getValues().contactPersons;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('jobs.employer.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('jobs.employer.sector')} {...form.getInputProps('sector')} />
        <NativeSelect
          label={t('jobs.employer.size')}
          data={[
            { value: '', label: t('participantForm.notRecorded') },
            ...EMPLOYER_SIZES.map((s) => ({ value: s, label: employerSizeLabel(t, s) })),
          ]}
          {...form.getInputProps('size')}
        />
        <NativeSelect
          label={t('jobs.employer.city')}
          data={[
            { value: '', label: t('participantForm.notRecorded') },
            ...(cities.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          {...form.getInputProps('cityId')}
        />
        <TextInput label={t('jobs.employer.address')} autoComplete="off" {...form.getInputProps('address')} />
        <TextInput label={t('jobs.employer.postcode')} inputMode="numeric" autoComplete="off" {...form.getInputProps('postcode')} />
        <TextInput label={t('jobs.employer.email')} type="email" autoComplete="off" {...form.getInputProps('email')} />
        <TextInput label={t('jobs.employer.phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <Textarea label={t('jobs.employer.description')} autosize minRows={2} {...form.getInputProps('description')} />
      <Textarea
        label={t('jobs.employer.notes')}
        description={t('jobs.employer.notesHelp')}
        autosize
        minRows={2}
        {...form.getInputProps('notes')}
      />
      {mode === 'edit' && <Checkbox label={t('jobs.employer.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
      <Fieldset legend={t('jobs.employer.contactPersons')}>
        <Stack gap="sm">
          {persons.length === 0 && <Text size="sm">{t('jobs.employer.noContactPersons')}</Text>}
          {persons.map((person, index) => (
            <Fieldset key={person.key} legend={t('jobs.employer.contactPersonN', { n: index + 1 })} variant="filled">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('jobs.employer.personName')} required {...form.getInputProps(`contactPersons.${index}.name`)} />
                <TextInput label={t('jobs.employer.position')} {...form.getInputProps(`contactPersons.${index}.position`)} />
                <TextInput label={t('jobs.employer.phone')} type="tel" {...form.getInputProps(`contactPersons.${index}.phone`)} />
                <TextInput label={t('jobs.employer.email')} type="email" {...form.getInputProps(`contactPersons.${index}.email`)} />
              </SimpleGrid>
              <Group mt="xs">
                <Button variant="default" size="compact-sm" onClick={() => form.removeListItem('contactPersons', index)}>
                  {t('jobs.employer.removeContactPerson', { n: index + 1 })}
                </Button>
              </Group>
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => form.insertListItem('contactPersons', newContactPerson())}
              disabled={persons.length >= 20}
            >
              {t('jobs.employer.addContactPerson')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
