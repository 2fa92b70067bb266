import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOGNITION_STATUSES, SKILL_LEVELS, type IntakeView } from '../../../server/modules/intake/intake.schemas.ts';
import { IntakeSectionForm } from './IntakeSectionForm.tsx';
import { fromNum, fromText, num, text } from './intakeValues.ts';
import { useSkills } from './queries.ts';

// The intake sections that hold lists: qualifications, work experience, skills.

interface SectionProps {
  participantId: string;
  intake: IntakeView | null;
}

type Row = Record<string, string>;
const itemsOf = (d: Record<string, unknown> | undefined): Record<string, unknown>[] =>
  Array.isArray(d?.items) ? (d.items as Record<string, unknown>[]) : [];

function ListRows({ rows, onRemove, render }: { rows: Row[]; onRemove: (i: number) => void; render: (i: number) => ReactNode }) {
  const { t } = useTranslation();
  return rows.map((_, i) => (
    <Paper key={i} withBorder p="sm" mb="sm" component="fieldset" aria-label={t('intake.entryN', { n: i + 1 })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{render(i)}</SimpleGrid>
      <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => onRemove(i)}>
        {t('intake.removeEntry', { n: i + 1 })}
      </Button>
    </Paper>
  ));
}

export function QualificationsSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <IntakeSectionForm
      {...props}
      section="qualifications"
      valuesOf={(d) => ({
        items: itemsOf(d).map((q) => ({
          title: fromText(q.title),
          country: fromText(q.country),
          year: fromNum(q.year),
          recognition: fromText(q.recognition),
          recognitionBody: fromText(q.recognitionBody),
        })),
      })}
      dataOf={(v) => ({
        items: v.items.map((q) => ({
          title: q.title,
          country: text(q.country),
          year: num(q.year),
          recognition: q.recognition || undefined,
          recognitionBody: text(q.recognitionBody),
        })),
      })}
    >
      {(form) => (
        <>
          <ListRows
            rows={form.getValues().items}
            onRemove={(i) => form.removeListItem('items', i)}
            render={(i) => (
              <>
                <TextInput label={t('intake.qualificationTitle')} required {...form.getInputProps(`items.${i}.title`)} />
                <TextInput label={t('intake.country')} {...form.getInputProps(`items.${i}.country`)} />
                <TextInput label={t('intake.year')} type="number" {...form.getInputProps(`items.${i}.year`)} />
                <NativeSelect
                  label={t('intake.recognition')}
                  required
                  data={[
                    { value: '', label: t('common.choose') },
                    ...RECOGNITION_STATUSES.map((r) => ({ value: r, label: t(`intake.recognitionStatuses.${r}`) })),
                  ]}
                  {...form.getInputProps(`items.${i}.recognition`)}
                />
                <TextInput label={t('intake.recognitionBody')} {...form.getInputProps(`items.${i}.recognitionBody`)} />
              </>
            )}
          />
          <Button
            variant="default"
            onClick={() => form.insertListItem('items', { title: '', country: '', year: '', recognition: '', recognitionBody: '' })}
          >
            {t('intake.addQualification')}
          </Button>
        </>
      )}
    </IntakeSectionForm>
  );
}

export function WorkExperienceSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <IntakeSectionForm
      {...props}
      section="workExperience"
      valuesOf={(d) => ({
        items: itemsOf(d).map((w) => ({
          job: fromText(w.job),
          country: fromText(w.country),
          years: fromNum(w.years),
          sector: fromText(w.sector),
        })),
      })}
      dataOf={(v) => ({
        items: v.items.map((w) => ({ job: w.job, country: text(w.country), years: num(w.years) ?? undefined, sector: text(w.sector) })),
      })}
    >
      {(form) => (
        <>
          <ListRows
            rows={form.getValues().items}
            onRemove={(i) => form.removeListItem('items', i)}
            render={(i) => (
              <>
                <TextInput label={t('intake.job')} required {...form.getInputProps(`items.${i}.job`)} />
                <TextInput label={t('intake.country')} {...form.getInputProps(`items.${i}.country`)} />
                <TextInput label={t('intake.years')} type="number" step="0.5" required {...form.getInputProps(`items.${i}.years`)} />
                <TextInput label={t('intake.sector')} {...form.getInputProps(`items.${i}.sector`)} />
              </>
            )}
          />
          <Button variant="default" onClick={() => form.insertListItem('items', { job: '', country: '', years: '', sector: '' })}>
            {t('intake.addJob')}
          </Button>
        </>
      )}
    </IntakeSectionForm>
  );
}

export function SkillsSection(props: SectionProps) {
  const { t, i18n } = useTranslation();
  const skills = useSkills();
  return (
    <IntakeSectionForm
      {...props}
      section="skills"
      valuesOf={(d) => ({
        levels: Object.fromEntries(itemsOf(d).map((s) => [fromText(s.skillId), fromText(s.level)])),
      })}
      dataOf={(v) => ({
        items: Object.entries(v.levels)
          .filter(([, level]) => level !== '')
          .map(([skillId, level]) => ({ skillId, level })),
      })}
    >
      {(form) => (
        <Group gap="md" align="flex-end">
          {(skills.data ?? []).map((skill) => (
            <NativeSelect
              key={skill.id}
              w={220}
              label={i18n.language === 'de' ? skill.labelDe : skill.labelEn}
              data={[{ value: '', label: '—' }, ...SKILL_LEVELS.map((l) => ({ value: l, label: t(`intake.skillLevels.${l}`) }))]}
              value={form.getValues().levels[skill.id] ?? ''}
              onChange={(e) => form.setFieldValue(`levels.${skill.id}`, e.currentTarget.value)}
            />
          ))}
        </Group>
      )}
    </IntakeSectionForm>
  );
}
