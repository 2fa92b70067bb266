import type { EsfCountRow } from './esf.queries.ts';
import { ESF_GENDERS, type EsfFigure, type EsfGender, type EsfReport } from './esf.schemas.ts';
import { suppressLinked } from './suppression.ts';

// Counts → the report's figures, each with its gender breakdown, suppressed together: every
// figure is a row of a two-way table (figure × gender) whose column totals are the gender
// breakdown of the total, and figures that add up (a total and its parts, a figure and a
// subset of it) are linked lines of suppressLinked. Pure, so the rules read in one place;
// docs/indicators/esf-plus.md explains each.

type Vector = Record<EsfGender, number>;
const GENDER_AND_ALL = [...ESF_GENDERS, '*'] as const;

/** The characteristics of Annex I point 1.2, their common code, answers, and whether they are special-category data. */
export const CHARACTERISTICS = [
  { name: 'disability', code: 'EECO12', answers: ['yes', 'no', 'no_answer', 'not_recorded'], special: true },
  { name: 'thirdCountryNational', code: 'EECO13', answers: ['yes', 'no', 'not_recorded'], special: false },
  { name: 'foreignBackground', code: 'EECO14', answers: ['yes', 'no', 'no_answer', 'not_recorded'], special: false },
  { name: 'minority', code: 'EECO15', answers: ['yes', 'no', 'no_answer', 'not_recorded'], special: true },
  { name: 'homelessOrHousingExclusion', code: 'EECO16', answers: ['yes', 'no', 'no_answer', 'not_recorded'], special: false },
  { name: 'ruralArea', code: 'EECO17', answers: ['yes', 'no', 'no_answer', 'not_recorded'], special: false },
] as const;

/** The result indicators, in Annex I's order: [code, key]. */
export const RESULTS = [
  ['EECR01', 'job_searching'],
  ['EECR02', 'in_education_or_training'],
  ['EECR03', 'qualification_gained'],
  ['EECR04', 'in_employment'],
  ['EECR05', 'in_employment_six_months'],
] as const;

/** An indicator id → the anchor of its rule in docs/indicators/esf-plus.md. */
export const ruleAnchor = (indicator: string) => indicator.toLowerCase().replace(/[._]/g, '-');

export function assemble(rows: EsfCountRow[], threshold: number): Pick<EsfReport, 'entrants' | 'leavers'> {
  const cells = new Map<string, Vector>();
  const read = (dimension: string, key: string): Vector => {
    const v = Object.fromEntries(ESF_GENDERS.map((g) => [g, 0])) as Vector;
    for (const r of rows) if (r.dimension === dimension && r.key === key && r.gender in v) v[r.gender as EsfGender] += Number(r.n);
    return v;
  };
  const combine = (sign: 1 | -1, a: Vector, b: Vector) => Object.fromEntries(ESF_GENDERS.map((g) => [g, a[g] + sign * b[g]])) as Vector;
  const put = (id: string, v: Vector) => (cells.set(id, v), v);
  const lines: string[][] = [];
  /** parent = sum of parts, in every gender column and in the totals. */
  const sums = (parent: string, parts: string[]) => {
    for (const g of GENDER_AND_ALL) lines.push([parent, ...parts].map((id) => `${id}|${g}`));
  };

  const total = put('entrants', read('entrants', 'total'));
  const ltu = put('long_term_unemployed', read('labour_market', 'long_term_unemployed'));
  put('unemployed_other', read('labour_market', 'unemployed_other'));
  put('unemployed', combine(1, ltu, cells.get('unemployed_other')!));
  for (const k of ['inactive', 'employed']) put(k, read('labour_market', k));
  put('labour_market.unknown', read('labour_market', 'unknown'));
  sums('entrants', ['unemployed', 'inactive', 'employed', 'labour_market.unknown']);
  sums('unemployed', ['long_term_unemployed', 'unemployed_other']);

  const [u18, a18to24, a25to29] = [
    put('under_18', read('age', 'under_18')),
    put('18_24', read('age', '18_24')),
    put('25_29', read('age', '25_29')),
  ];
  put('18_29', combine(1, a18to24, a25to29));
  for (const k of ['30_54', '55_plus']) put(k, read('age', k));
  put('age.unknown', read('age', 'unknown'));
  const under25 = put('under_25', combine(1, u18, a18to24));
  put('25_plus', combine(-1, total, under25));
  sums('entrants', ['under_18', '18_29', '30_54', '55_plus', 'age.unknown']);
  sums('18_29', ['18_24', '25_29']);
  sums('under_25', ['under_18', '18_24']);
  sums('entrants', ['under_25', '25_plus']);

  for (const k of ['isced_0_2', 'isced_3_4', 'isced_5_8']) put(k, read('education', k));
  put('education.unknown', read('education', 'unknown'));
  sums('entrants', ['isced_0_2', 'isced_3_4', 'isced_5_8', 'education.unknown']);

  for (const c of CHARACTERISTICS) {
    for (const a of c.answers) put(`${c.name}.${a}`, read(c.name, a));
    sums(
      'entrants',
      c.answers.map((a) => `${c.name}.${a}`),
    );
  }

  const leavers = put('leavers', read('leavers', 'total'));
  for (const [, key] of RESULTS) {
    const result = put(key, read('result', key));
    put(`${key}.rest`, combine(-1, leavers, result));
    sums('leavers', [key, `${key}.rest`]);
  }
  // Employed six months on is a subset of employed upon leaving.
  put('in_employment.not_six_months', combine(-1, cells.get('in_employment')!, cells.get('in_employment_six_months')!));
  sums('in_employment', ['in_employment_six_months', 'in_employment.not_six_months']);

  // Each cell of the table: a figure in one gender, and its total ('*').
  const counts = new Map<string, number>();
  for (const [id, v] of cells) {
    for (const g of ESF_GENDERS) counts.set(`${id}|${g}`, v[g]);
    counts.set(
      `${id}|*`,
      ESF_GENDERS.reduce((s, g) => s + v[g], 0),
    );
    lines.push(GENDER_AND_ALL.map((g) => `${id}|${g}`));
  }
  // Special-category data appears only as counts at or above the threshold: zero hides too.
  const special = CHARACTERISTICS.filter((c) => c.special).flatMap((c) =>
    c.answers.flatMap((a) => GENDER_AND_ALL.map((g) => `${c.name}.${a}|${g}`)),
  );
  const hidden = suppressLinked(counts, lines, threshold, new Set(special));
  const shown = (cell: string) => (hidden.has(cell) ? null : counts.get(cell)!);
  const figure = (indicator: string, id: string, key = id, rule = indicator): EsfFigure => ({
    indicator,
    key,
    rule: ruleAnchor(rule),
    count: shown(`${id}|*`),
    byGender: Object.fromEntries(ESF_GENDERS.map((g) => [g, shown(`${id}|${g}`)])) as EsfFigure['byGender'],
  });

  return {
    entrants: {
      total: figure('EECO01', 'entrants', 'total'),
      labourMarket: [
        figure('EECO02', 'unemployed'),
        figure('EECO03', 'long_term_unemployed'),
        figure('EECO04', 'inactive'),
        figure('EECO05', 'employed'),
        figure('labour_market.unknown', 'labour_market.unknown', 'unknown'),
      ],
      age: [
        figure('EECO06', 'under_18'),
        figure('EECO07', '18_29'),
        figure('age.30_54', '30_54'),
        figure('EECO08', '55_plus'),
        figure('age.unknown', 'age.unknown', 'unknown'),
        figure('age.under_25', 'under_25'),
      ],
      education: [
        figure('EECO09', 'isced_0_2'),
        figure('EECO10', 'isced_3_4'),
        figure('EECO11', 'isced_5_8'),
        figure('education.unknown', 'education.unknown', 'unknown'),
      ],
      characteristics: CHARACTERISTICS.flatMap((c) =>
        c.answers.map((a) => figure(a === 'yes' ? c.code : `${c.name}.${a}`, `${c.name}.${a}`, `${c.name}.${a}`, c.code)),
      ),
    },
    leavers: {
      total: figure('leavers.total', 'leavers', 'total'),
      results: RESULTS.map(([code, key]) => figure(code, key)),
    },
  };
}
