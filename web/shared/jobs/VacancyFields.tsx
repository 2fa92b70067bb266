import { Checkbox, Fieldset, MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CEFR_LEVELS } from '../../../server/modules/participants/participants.schemas.ts';
import { PHYSICAL_DEMANDS, VACANCY_KINDS, VACANCY_STATUSES } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import type { Form } from '../forms/form.ts';
import { physicalDemandsLabel, vacancyKindLabel, vacancyStatusLabel } from './labels.ts';
import { skillLabel, useSkills } from './queries.ts';
import type { VacancyFormValues } from './vacancyForm.ts';

interface VacancyFieldsProps {
  form: Form<VacancyFormValues>;
  /** The employers to choose from when creating; left out when the employer is fixed. */
  employerOptions?: { value: string; label: string }[];
  /** Editing an existing vacancy: its status can change. */
  editing: boolean;
}

/** The fields of a vacancy: what it is, what it requires, where and when. */
export function VacancyFields({ form, employerOptions, editing }: VacancyFieldsProps) {
  const { t, i18n } = useTranslation();
  const skills = useSkills();
  const skillOptions = (skills.data ?? [])
    .map((s) => ({ value: s.id, label: skillLabel(s, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {employerOptions && (
          <NativeSelect
            label={t('jobs.vacancy.employer')}
            required
            data={[{ value: '', label: t('common.choose') }, ...employerOptions]}
            {...form.getInputProps('employerId')}
          />
        )}
        <NativeSelect
          label={t('jobs.vacancy.kind')}
          required
          data={VACANCY_KINDS.map((k) => ({ value: k, label: vacancyKindLabel(t, k) }))}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('jobs.vacancy.title')} required {...form.getInputProps('title')} />
        <TextInput
          label={t('jobs.vacancy.occupation')}
          description={t('jobs.vacancy.occupationHelp')}
          required={form.getValues().kind === 'apprenticeship'}
          {...form.getInputProps('occupation')}
        />
        {editing && (
          <NativeSelect
            label={t('jobs.vacancy.status')}
            data={VACANCY_STATUSES.map((s) => ({ value: s, label: vacancyStatusLabel(t, s) }))}
            {...form.getInputProps('status')}
          />
        )}
      </SimpleGrid>
      <Textarea label={t('jobs.vacancy.description')} autosize minRows={3} {...form.getInputProps('description')} />
      <Fieldset legend={t('jobs.vacancy.requirements')}>
        <Stack gap="sm">
          <MultiSelect
            label={t('jobs.vacancy.skills')}
            description={t('jobs.vacancy.skillsHelp')}
            data={skillOptions}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('jobs.vacancy.noSkillFound')}
            maxValues={30}
            {...form.getInputProps('requiredSkillIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('jobs.vacancy.germanLevel')}
              data={[
                { value: '', label: t('jobs.vacancy.notRequired') },
                ...CEFR_LEVELS.filter((l) => l !== 'none').map((l) => ({ value: l, label: l })),
              ]}
              {...form.getInputProps('germanLevel')}
            />
            <NativeSelect
              label={t('jobs.vacancy.physicalDemands')}
              data={PHYSICAL_DEMANDS.map((p) => ({ value: p, label: physicalDemandsLabel(t, p) }))}
              {...form.getInputProps('physicalDemands')}
            />
          </SimpleGrid>
          <Checkbox label={t('jobs.vacancy.drivingLicence')} {...form.getInputProps('drivingLicence', { type: 'checkbox' })} />
          <Checkbox label={t('jobs.vacancy.shiftWork')} {...form.getInputProps('shiftWork', { type: 'checkbox' })} />
          <Checkbox label={t('jobs.vacancy.weekendWork')} {...form.getInputProps('weekendWork', { type: 'checkbox' })} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('jobs.vacancy.whereWhen')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('jobs.vacancy.postcode')} inputMode="numeric" autoComplete="off" {...form.getInputProps('postcode')} />
          <TextInput label={t('jobs.vacancy.town')} {...form.getInputProps('town')} />
          <TextInput label={t('jobs.vacancy.hoursPerWeek')} inputMode="decimal" {...form.getInputProps('hoursPerWeek')} />
          <TextInput label={t('jobs.vacancy.startsOn')} type="date" {...form.getInputProps('startsOn')} />
          <TextInput label={t('jobs.vacancy.places')} type="number" min={1} max={500} {...form.getInputProps('places')} />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
