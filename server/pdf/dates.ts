import { Invalid } from '../errors.ts';
import { isolate } from './bidi-text.ts';

// Dates on the printed documents: an ISO date from the input, checked, formatted the way the
// print language writes dates and isolated for the bidi pass (so that "07/03/1990" is not turned
// around inside right-to-left text).

export type DateFormat = (year: number, month: number, day: number) => string;

const pad = (n: number) => String(n).padStart(2, '0');
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const DATE_FORMATS = {
  de: (year, month, day) => `${pad(day)}.${pad(month)}.${year}`,
  en: (year, month, day) => `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`,
  ar: (year, month, day) => `${pad(day)}/${pad(month)}/${year}`,
  // Persian writes dates year first; Gregorian dates, as on the German documents they go with.
  fa: (year, month, day) => `${year}/${pad(month)}/${pad(day)}`,
  uk: (year, month, day) => `${pad(day)}.${pad(month)}.${year}`,
} satisfies Record<string, DateFormat>;

/** Formats an ISO date (yyyy-mm-dd) for print; a value that is no real date is bad input, named by its field. */
export function printDate(format: DateFormat, value: string, field: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const valid = m !== null && new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === value;
  if (!valid) throw new Invalid(`${field} is not a date`, { [field]: ['Not a date (yyyy-mm-dd)'] });
  return isolate(format(year, month, day));
}
