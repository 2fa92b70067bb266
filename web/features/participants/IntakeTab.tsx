import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { BENEFITS, DRIVING_LICENCES, LABOUR_MARKET_STATUSES, type IntakeView } from '../../../server/modules/intake/intake.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { QualificationsSection, SkillsSection, WorkExperienceSection } from './IntakeListSections.tsx';
import { IntakeSectionForm } from './IntakeSectionForm.tsx';
import { bool, fromBool, fromNum, fromText, num, text } from './intakeValues.ts';
import { intakeQueryKey } from './queries.ts';

const ESF_QUESTIONS = ['disability', 'homelessOrHousingExclusion', 'ruralArea', 'foreignBackground', 'minority', 'singleParent'] as const;

function yesNo(t: TFunction) {
  return [
    { value: '', label: t('participantForm.notRecorded') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
}

/** The intake (Erstgespräch): sections that each save on their own. */
export function IntakeTab({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const intake = useQuery({
    queryKey: intakeQueryKey(participantId),
    queryFn: () => api.get<IntakeView | null>(`/api/participants/${participantId}/intake`),
  });
  if (intake.isPending) return <Loading />;
  if (intake.error) return <ErrorAlert error={intake.error} />;
  const common = { participantId, intake: intake.data ?? null };

  return (
    <Stack>
      <IntakeSectionForm
        {...common}
        section="education"
        valuesOf={(d) => ({
          schoolYears: fromNum(d?.schoolYears),
          schoolCountry: fromText(d?.schoolCountry),
          highestDegree: fromText(d?.highestDegree),
          iscedLevel: fromNum(d?.iscedLevel),
          currentlyInEducation: fromBool(d?.currentlyInEducation),
        })}
        dataOf={(v) => ({
          schoolYears: num(v.schoolYears),
          schoolCountry: text(v.schoolCountry),
          highestDegree: text(v.highestDegree),
          iscedLevel: num(v.iscedLevel),
          currentlyInEducation: bool(v.currentlyInEducation),
        })}
      >
        {(form) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('intake.schoolYears')} type="number" min={0} max={25} {...form.getInputProps('schoolYears')} />
            <TextInput label={t('intake.schoolCountry')} {...form.getInputProps('schoolCountry')} />
            <TextInput label={t('intake.highestDegree')} {...form.getInputProps('highestDegree')} />
            <NativeSelect
              label={t('intake.iscedLevel')}
              data={[
                { value: '', label: t('participantForm.notRecorded') },
                ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((l) => ({ value: String(l), label: t(`intake.isced.${l as 0}`) })),
              ]}
              {...form.getInputProps('iscedLevel')}
            />
            <NativeSelect label={t('intake.currentlyInEducation')} data={yesNo(t)} {...form.getInputProps('currentlyInEducation')} />
          </SimpleGrid>
        )}
      </IntakeSectionForm>

      <QualificationsSection {...common} />
      <WorkExperienceSection {...common} />
      <SkillsSection {...common} />

      <IntakeSectionForm
        {...common}
        section="labourMarket"
        valuesOf={(d) => ({
          statusAtEntry: fromText(d?.statusAtEntry),
          unemployedSince: fromText(d?.unemployedSince),
          jobcentreCustomer: fromBool(d?.jobcentreCustomer),
          benefit: fromText(d?.benefit),
        })}
        dataOf={(v) => ({
          statusAtEntry: v.statusAtEntry || undefined,
          unemployedSince: text(v.unemployedSince),
          jobcentreCustomer: bool(v.jobcentreCustomer),
          benefit: text(v.benefit),
        })}
      >
        {(form) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('intake.statusAtEntry')}
              required
              data={[
                { value: '', label: t('common.choose') },
                ...LABOUR_MARKET_STATUSES.map((s) => ({ value: s, label: t(`intake.labourMarketStatuses.${s}`) })),
              ]}
              {...form.getInputProps('statusAtEntry')}
            />
            <TextInput label={t('intake.unemployedSince')} type="date" {...form.getInputProps('unemployedSince')} />
            <NativeSelect label={t('intake.jobcentreCustomer')} data={yesNo(t)} {...form.getInputProps('jobcentreCustomer')} />
            <NativeSelect
              label={t('intake.benefit')}
              data={[
                { value: '', label: t('participantForm.notRecorded') },
                ...BENEFITS.map((b) => ({ value: b, label: t(`intake.benefits.${b}`) })),
              ]}
              {...form.getInputProps('benefit')}
            />
          </SimpleGrid>
        )}
      </IntakeSectionForm>

      <IntakeSectionForm
        {...common}
        section="mobility"
        valuesOf={(d) => ({
          drivingLicences: Array.isArray(d?.drivingLicences) ? (d.drivingLicences as string[]) : [],
          ownCar: fromBool(d?.ownCar),
          publicTransport: fromBool(d?.publicTransport),
          bike: fromBool(d?.bike),
          maxCommuteMinutes: fromNum(d?.maxCommuteMinutes),
        })}
        dataOf={(v) => ({
          drivingLicences: v.drivingLicences,
          ownCar: bool(v.ownCar),
          publicTransport: bool(v.publicTransport),
          bike: bool(v.bike),
          maxCommuteMinutes: num(v.maxCommuteMinutes),
        })}
      >
        {(form) => (
          <Stack>
            <Checkbox.Group label={t('intake.drivingLicences')} {...form.getInputProps('drivingLicences')}>
              <Group gap="md" mt={4}>
                {DRIVING_LICENCES.map((l) => (
                  <Checkbox key={l} value={l} label={l === 'foreign' ? t('intake.foreignLicence') : l} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={t('intake.ownCar')} data={yesNo(t)} {...form.getInputProps('ownCar')} />
              <NativeSelect label={t('intake.publicTransport')} data={yesNo(t)} {...form.getInputProps('publicTransport')} />
              <NativeSelect label={t('intake.bike')} data={yesNo(t)} {...form.getInputProps('bike')} />
              <TextInput
                label={t('intake.maxCommuteMinutes')}
                type="number"
                min={0}
                max={240}
                {...form.getInputProps('maxCommuteMinutes')}
              />
            </SimpleGrid>
          </Stack>
        )}
      </IntakeSectionForm>

      <IntakeSectionForm
        {...common}
        section="esf"
        valuesOf={(d) =>
          Object.fromEntries(ESF_QUESTIONS.map((q) => [q, fromText(d?.[q]) || 'no_answer'])) as Record<
            (typeof ESF_QUESTIONS)[number],
            string
          >
        }
        dataOf={(v) => ({ ...v })}
      >
        {(form) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {ESF_QUESTIONS.map((q) => (
              <NativeSelect
                key={q}
                label={t(`intake.esf.${q}`)}
                data={(['no_answer', 'yes', 'no'] as const).map((a) => ({ value: a, label: t(`intake.answers.${a}`) }))}
                {...form.getInputProps(q)}
              />
            ))}
          </SimpleGrid>
        )}
      </IntakeSectionForm>

      <IntakeSectionForm
        {...common}
        section="goals"
        valuesOf={(d) => ({
          ownGoals: fromText(d?.ownGoals),
          desiredOccupations: Array.isArray(d?.desiredOccupations) ? (d.desiredOccupations as string[]).join(', ') : '',
        })}
        dataOf={(v) => ({
          ownGoals: text(v.ownGoals),
          desiredOccupations: v.desiredOccupations
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        })}
      >
        {(form) => (
          <Stack>
            <Textarea label={t('intake.ownGoals')} autosize minRows={3} {...form.getInputProps('ownGoals')} />
            <TextInput
              label={t('intake.desiredOccupations')}
              description={t('intake.desiredOccupationsHelp')}
              {...form.getInputProps('desiredOccupations')}
            />
          </Stack>
        )}
      </IntakeSectionForm>
    </Stack>
  );
}
