import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';

// What the person and create forms edit (strings, as inputs hold them), and how
// they become the API's input: '' is "not recorded".

export interface PersonValues {
  givenNames: string;
  familyName: string;
  preferredName: string;
  birthDate: string;
  gender: string;
  nationality: string;
  germanLevel: string;
  languages: { language: string; level: string }[];
  phone: string;
  email: string;
  street: string;
  postcode: string;
  town: string;
  housing: string;
  familyStatus: string;
  childrenCount: string;
  childcareNeeded: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
}

export interface CreateValues extends PersonValues {
  cityId: string;
  status: string;
  entryDate: string;
  fundingPeriodId: string;
}

export const emptyPerson: PersonValues = {
  givenNames: '',
  familyName: '',
  preferredName: '',
  birthDate: '',
  gender: 'not_stated',
  nationality: '',
  germanLevel: '',
  languages: [],
  phone: '',
  email: '',
  street: '',
  postcode: '',
  town: '',
  housing: '',
  familyStatus: '',
  childrenCount: '',
  childcareNeeded: '',
  interpreterNeeded: false,
  interpreterLanguage: '',
};

export const emptyCreate: CreateValues = { ...emptyPerson, cityId: '', status: 'invited', entryDate: '', fundingPeriodId: '' };

const orNull = (value: string) => value.trim() || null;

export function personInputOf(values: PersonValues) {
  return {
    givenNames: values.givenNames,
    familyName: values.familyName,
    preferredName: orNull(values.preferredName),
    birthDate: orNull(values.birthDate),
    gender: values.gender,
    nationality: orNull(values.nationality),
    germanLevel: orNull(values.germanLevel),
    languages: values.languages.map((l) => ({ language: l.language, level: l.level || undefined })),
    phone: orNull(values.phone),
    email: orNull(values.email),
    street: orNull(values.street),
    postcode: orNull(values.postcode),
    town: orNull(values.town),
    housing: orNull(values.housing),
    familyStatus: orNull(values.familyStatus),
    childrenCount: values.childrenCount.trim() === '' ? null : Number(values.childrenCount),
    childcareNeeded: values.childcareNeeded === '' ? null : values.childcareNeeded === 'yes',
    interpreterNeeded: values.interpreterNeeded,
    interpreterLanguage: values.interpreterNeeded ? orNull(values.interpreterLanguage) : null,
  };
}

export function createInputOf(values: CreateValues, officeId: string, acknowledgedDuplicates: string[]) {
  return {
    ...personInputOf(values),
    officeId,
    cityId: values.cityId || undefined,
    status: values.status,
    entryDate: orNull(values.entryDate),
    fundingPeriodId: orNull(values.fundingPeriodId),
    acknowledgedDuplicates,
  };
}

export function personValuesOf(p: ParticipantView): PersonValues {
  return {
    givenNames: p.givenNames,
    familyName: p.familyName,
    preferredName: p.preferredName ?? '',
    birthDate: p.birthDate ?? '',
    gender: p.gender,
    nationality: p.nationality ?? '',
    germanLevel: p.germanLevel ?? '',
    languages: p.languages.map((l) => ({ ...l })),
    phone: p.phone ?? '',
    email: p.email ?? '',
    street: p.street ?? '',
    postcode: p.postcode ?? '',
    town: p.town ?? '',
    housing: p.housing ?? '',
    familyStatus: p.familyStatus ?? '',
    childrenCount: p.childrenCount === null ? '' : String(p.childrenCount),
    childcareNeeded: p.childcareNeeded === null ? '' : p.childcareNeeded ? 'yes' : 'no',
    interpreterNeeded: p.interpreterNeeded,
    interpreterLanguage: p.interpreterLanguage ?? '',
  };
}
