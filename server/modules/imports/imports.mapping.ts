import { PersonFields } from '../participants/participants.schemas.ts';
import { IsoDate } from '../participants/participants.schemas.ts';
import type { ImportField } from './imports.schemas.ts';

// From a row of text cells to the fields of a participant, the way spreadsheets in
// German offices write them: 15.03.1990, "w"/"m"/"d", "ja"/"nein".

const SYNONYMS: Record<ImportField, string[]> = {
  givenNames: ['vorname', 'vornamen', 'given name', 'given names', 'first name', 'firstname'],
  familyName: ['nachname', 'familienname', 'name', 'family name', 'last name', 'surname'],
  preferredName: ['rufname', 'preferred name', 'nickname'],
  birthDate: ['geburtsdatum', 'geb.', 'geboren', 'date of birth', 'birth date', 'birthdate', 'dob'],
  gender: ['geschlecht', 'gender', 'sex'],
  nationality: ['staatsangehörigkeit', 'staatsangehoerigkeit', 'nationalität', 'nationality', 'citizenship'],
  germanLevel: ['deutschniveau', 'deutsch', 'sprachniveau', 'german level', 'german'],
  phone: ['telefon', 'tel.', 'handy', 'mobil', 'phone', 'mobile'],
  email: ['e-mail', 'email', 'mail'],
  street: ['straße', 'strasse', 'adresse', 'street', 'address'],
  postcode: ['plz', 'postleitzahl', 'postcode', 'zip'],
  town: ['ort', 'wohnort', 'stadt', 'town', 'city'],
  interpreterNeeded: ['dolmetscher', 'dolmetschung', 'sprachmittlung', 'interpreter'],
  entryDate: ['eintritt', 'eintrittsdatum', 'aufnahme', 'entry date', 'start'],
};

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[_:*]+/g, ' ')
    .replace(/\s+/g, ' ');

export function suggestMapping(headers: string[]): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const h = norm(header);
    const field = (Object.keys(SYNONYMS) as ImportField[]).find((f) => !used.has(f) && SYNONYMS[f].includes(h));
    if (field) {
      mapping[header] = field;
      used.add(field);
    }
  }
  return mapping;
}

/** 15.03.1990, 15/03/1990, 1990-03-15 → 1990-03-15; anything else stays as written, for the schema to reject. */
function toIsoDate(value: string): string {
  const de = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  if (de) return `${de[3]}-${de[2]!.padStart(2, '0')}-${de[1]!.padStart(2, '0')}`;
  return value;
}

const GENDERS: Record<string, string> = {
  w: 'female',
  weiblich: 'female',
  f: 'female',
  female: 'female',
  frau: 'female',
  m: 'male',
  männlich: 'male',
  maennlich: 'male',
  male: 'male',
  mann: 'male',
  d: 'non_binary',
  divers: 'non_binary',
  x: 'non_binary',
  'non-binary': 'non_binary',
  non_binary: 'non_binary',
};
const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr']);
const NO = new Set(['nein', 'n', 'no', '0', 'false', 'falsch']);

export const ImportRow = PersonFields.extend({ entryDate: IsoDate.nullish() });

/** The row's cells under the mapping, converted; the result still goes through ImportRow. */
export function rowToInput(headers: string[], cells: string[], mapping: Record<string, ImportField>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  headers.forEach((header, i) => {
    const field = mapping[header];
    const raw = (cells[i] ?? '').trim();
    if (!field || raw === '') return;
    switch (field) {
      case 'birthDate':
      case 'entryDate':
        input[field] = toIsoDate(raw);
        break;
      case 'gender':
        input.gender = GENDERS[raw.toLowerCase()] ?? raw;
        break;
      case 'germanLevel':
        input.germanLevel = /^(keine|none|-)$/i.test(raw) ? 'none' : raw.toUpperCase();
        break;
      case 'interpreterNeeded':
        input.interpreterNeeded = YES.has(raw.toLowerCase()) ? true : NO.has(raw.toLowerCase()) ? false : raw;
        break;
      default:
        input[field] = raw;
    }
  });
  return input;
}
