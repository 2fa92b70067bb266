import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { EsfFigure, EsfReport } from './esf.schemas.ts';

// The ESF+ tables as files: one row per figure with its total and gender breakdown, the
// same suppressed cells as the JSON ("< 5" where a count is hidden), the indicator id,
// and the anchor of its rule. Headers and names in the user's language (de or en).

type Locale = 'de' | 'en';
const HEADERS: Record<Locale, string[]> = {
  de: ['Tabelle', 'Indikator', 'Bezeichnung', 'Insgesamt', 'Frauen', 'Männer', 'Nicht-binär', 'Nicht angegeben', 'Regel'],
  en: ['Table', 'Indicator', 'Name', 'Total', 'Women', 'Men', 'Non-binary', 'Not stated', 'Rule'],
};
const TABLES: Record<string, Record<Locale, string>> = {
  total: { de: 'Teilnehmende (Eintritte)', en: 'Participants (entries)' },
  labourMarket: { de: 'Erwerbsstatus bei Eintritt', en: 'Labour-market status at entry' },
  age: { de: 'Alter bei Eintritt', en: 'Age at entry' },
  education: { de: 'Bildung (ISCED)', en: 'Education (ISCED)' },
  characteristics: { de: 'Weitere Merkmale', en: 'Other characteristics' },
  leavers: { de: 'Austritte', en: 'Leavers' },
  results: { de: 'Ergebnisse', en: 'Results' },
};
const ANSWERS: Record<string, Record<Locale, string>> = {
  yes: { de: 'ja', en: 'yes' },
  no: { de: 'nein', en: 'no' },
  no_answer: { de: 'keine Angabe', en: 'no answer' },
  not_recorded: { de: 'nicht erfasst', en: 'not recorded' },
};
/** Annex I's names (en) and the German version of the regulation's wording (de). */
const NAMES: Record<string, Record<Locale, string>> = {
  total: { de: 'Teilnehmende insgesamt', en: 'Total number of participants' },
  unemployed: { de: 'Arbeitslose, einschließlich Langzeitarbeitslose', en: 'Unemployed, including long-term unemployed' },
  long_term_unemployed: { de: 'Langzeitarbeitslose', en: 'Long-term unemployed' },
  inactive: { de: 'Nichterwerbstätige', en: 'Inactive' },
  employed: { de: 'Erwerbstätige, einschließlich Selbstständige', en: 'Employed, including self-employed' },
  unknown: { de: 'Nicht erfasst', en: 'Not recorded' },
  under_18: { de: 'Kinder unter 18 Jahren', en: 'Children below 18 years of age' },
  '18_29': { de: 'Junge Menschen zwischen 18 und 29 Jahren', en: 'Young people between 18 and 29 years of age' },
  '30_54': { de: '30 bis 54 Jahre', en: '30 to 54 years of age' },
  '55_plus': { de: 'Teilnehmende ab 55 Jahren', en: 'Participants of 55 years of age and above' },
  under_25: { de: 'Unter 25 Jahren (Programm)', en: 'Below 25 years of age (programme)' },
  isced_0_2: { de: 'Höchstens Sekundarbereich I (ISCED 0–2)', en: 'With lower secondary education or less (ISCED 0-2)' },
  isced_3_4: { de: 'Sekundarbereich II oder postsekundär (ISCED 3–4)', en: 'With upper secondary or post-secondary education (ISCED 3-4)' },
  isced_5_8: { de: 'Tertiäre Bildung (ISCED 5–8)', en: 'With tertiary education (ISCED 5 to 8)' },
  disability: { de: 'Teilnehmende mit Behinderungen', en: 'Participants with disabilities' },
  thirdCountryNational: { de: 'Drittstaatsangehörige', en: 'Third-country nationals' },
  foreignBackground: { de: 'Teilnehmende ausländischer Herkunft', en: 'Participants with a foreign background' },
  minority: {
    de: 'Minderheiten (einschließlich marginalisierter Gemeinschaften wie Roma)',
    en: 'Minorities (including marginalised communities such as Roma people)',
  },
  homelessOrHousingExclusion: {
    de: 'Obdachlose oder von Ausgrenzung auf dem Wohnungsmarkt Betroffene',
    en: 'Homeless or affected by housing exclusion',
  },
  ruralArea: { de: 'Teilnehmende aus ländlichen Gebieten', en: 'Participants from rural areas' },
  leavers: { de: 'Austritte insgesamt', en: 'Total number of leavers' },
  job_searching: { de: 'Arbeitsuchend nach der Teilnahme', en: 'Engaged in job searching upon leaving' },
  in_education_or_training: { de: 'In schulischer/beruflicher Bildung nach der Teilnahme', en: 'In education or training upon leaving' },
  qualification_gained: { de: 'Qualifikation erlangt nach der Teilnahme', en: 'Gaining a qualification upon leaving' },
  in_employment: {
    de: 'Erwerbstätig, einschließlich Selbstständige, nach der Teilnahme',
    en: 'In employment, including self-employment, upon leaving',
  },
  in_employment_six_months: {
    de: 'Erwerbstätig sechs Monate nach der Teilnahme',
    en: 'In employment, including self-employment, six months after leaving',
  },
};

function nameOf(x: EsfFigure, table: string, locale: Locale): string {
  if (table === 'leavers') return NAMES.leavers![locale];
  const [characteristic, answer] = x.key.split('.');
  if (answer) return `${NAMES[characteristic!]?.[locale] ?? characteristic}: ${ANSWERS[answer]?.[locale] ?? answer}`;
  return NAMES[x.key]?.[locale] ?? x.key;
}

/** The rows of the file: a heading block (period, filters, threshold), then one row per figure. */
export function esfRows(r: EsfReport, locale: Locale): (string | number)[][] {
  const hidden = `< ${r.threshold}`;
  const cell = (n: number | null) => (n === null ? hidden : n);
  const tables: [string, EsfFigure[]][] = [
    ['total', [r.entrants.total]],
    ['labourMarket', r.entrants.labourMarket],
    ['age', r.entrants.age],
    ['education', r.entrants.education],
    ['characteristics', r.entrants.characteristics],
    ['leavers', [r.leavers.total]],
    ['results', r.leavers.results],
  ];
  const period = locale === 'de' ? 'Zeitraum' : 'Period';
  const threshold = locale === 'de' ? 'Schwelle' : 'Threshold';
  return [
    [period, r.from, r.to],
    [threshold, r.threshold],
    [],
    HEADERS[locale],
    ...tables.flatMap(([table, figures]) =>
      figures.map((x) => [
        TABLES[table]![locale],
        x.indicator,
        nameOf(x, table, locale),
        cell(x.count),
        cell(x.byGender.female),
        cell(x.byGender.male),
        cell(x.byGender.non_binary),
        cell(x.byGender.not_stated),
        `docs/indicators/esf-plus.md#${x.rule}`,
      ]),
    ),
  ];
}

export function esfCsv(r: EsfReport, locale: Locale): Buffer {
  // A byte order mark for Excel's umlauts; semicolons for German Excel (as the participant export).
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(esfRows(r, locale), { delimiter: locale === 'de' ? ';' : ',' }))]);
}

export async function esfXlsx(r: EsfReport, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lotse';
  const sheet = workbook.addWorksheet('ESF+');
  for (const row of esfRows(r, locale)) sheet.addRow(row);
  sheet.getRow(4).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 2 ? 60 : i === 8 ? 40 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
