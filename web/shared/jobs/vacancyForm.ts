import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';

// What the vacancy form edits, and how it becomes the API's input. Inputs hold strings;
// numbers are parsed here, and empty optional fields become null.

export interface VacancyFormValues {
  employerId: string;
  kind: string;
  title: string;
  occupation: string;
  description: string;
  requiredSkillIds: string[];
  germanLevel: string;
  drivingLicence: boolean;
  shiftWork: boolean;
  weekendWork: boolean;
  physicalDemands: string;
  postcode: string;
  town: string;
  hoursPerWeek: string;
  startsOn: string;
  places: string;
  status: string;
}

export function emptyVacancy(employerId = ''): VacancyFormValues {
  return {
    employerId,
    kind: 'job',
    title: '',
    occupation: '',
    description: '',
    requiredSkillIds: [],
    germanLevel: '',
    drivingLicence: false,
    shiftWork: false,
    weekendWork: false,
    physicalDemands: 'light',
    postcode: '',
    town: '',
    hoursPerWeek: '',
    startsOn: '',
    places: '1',
    status: 'open',
  };
}

export function vacancyValuesOf(v: VacancyView): VacancyFormValues {
  return {
    employerId: v.employerId,
    kind: v.kind,
    title: v.title,
    occupation: v.occupation ?? '',
    description: v.description,
    requiredSkillIds: v.requiredSkills.map((s) => s.id),
    germanLevel: v.germanLevel ?? '',
    drivingLicence: v.drivingLicence,
    shiftWork: v.shiftWork,
    weekendWork: v.weekendWork,
    physicalDemands: v.physicalDemands,
    postcode: v.postcode ?? '',
    town: v.town ?? '',
    hoursPerWeek: v.hoursPerWeek === null ? '' : String(v.hoursPerWeek),
    startsOn: v.startsOn ?? '',
    places: String(v.places),
    status: v.status,
  };
}

/** A number typed with a comma or a point; '' is "not given" (null), anything else unparsable stays text for the schema to refuse. */
export function numberOrNull(text: string): number | string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : trimmed;
}

function fieldsOf(v: VacancyFormValues) {
  return {
    kind: v.kind || undefined,
    title: v.title,
    occupation: v.occupation,
    description: v.description,
    requiredSkillIds: v.requiredSkillIds,
    germanLevel: v.germanLevel || null,
    drivingLicence: v.drivingLicence,
    shiftWork: v.shiftWork,
    weekendWork: v.weekendWork,
    physicalDemands: v.physicalDemands || undefined,
    postcode: v.postcode,
    town: v.town,
    hoursPerWeek: numberOrNull(v.hoursPerWeek),
    startsOn: v.startsOn || null,
    places: numberOrNull(v.places) ?? undefined,
  };
}

export function vacancyCreateInputOf(v: VacancyFormValues) {
  return { employerId: v.employerId || undefined, ...fieldsOf(v) };
}

export function vacancyUpdateInputOf(v: VacancyFormValues, version: number) {
  return { ...fieldsOf(v), status: v.status || undefined, version };
}
