import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { OTHER_PASSWORD } from '../../../test/support/factories.ts';
import type { ServiceContext } from '../../http/context.ts';
import { buildFixture, PERIOD, type Fixture } from './esf.fixture.ts';
import { ruleAnchor } from './esf.figures.ts';
import type { EsfFigure, EsfReport } from './esf.schemas.ts';
import { esfReport } from './esf.ts';

type Counts = [number | null, number | null, number | null, number | null];
const f = (indicator: string, key: string, count: number | null, [female, male, non_binary, not_stated]: Counts, rule = indicator) => ({
  indicator,
  key,
  rule: ruleAnchor(rule),
  count,
  byGender: { female, male, non_binary, not_stated },
});
const characteristic = (name: string, code: string, answers: [string, number, Counts][]) =>
  answers.map(([a, n, g]) => f(a === 'yes' ? code : `${name}.${a}`, `${name}.${a}`, n, g, code));

/** Every figure of the whole network in the first half of 2025 with its gender breakdown [female, male, non-binary, not stated], counted by hand (see esf.fixture.ts). */
const BY_HAND: Pick<EsfReport, 'entrants' | 'leavers'> = {
  entrants: {
    // Anna, Ben, Carla, Dilan, Emre, Gregor, Hana, Ivan, Lena, Pia, Rosa (not Farah, Jana, Karl, Omar: they began in 2024).
    total: f('EECO01', 'total', 11, [6, 3, 1, 1]),
    labourMarket: [
      f('EECO02', 'unemployed', 8, [4, 2, 1, 1]), // Carla, Hana, Pia, Rosa; Ben, Emre; Dilan; Ivan
      f('EECO03', 'long_term_unemployed', 3, [1, 0, 1, 1]), // Carla (recorded), Dilan (19 months), Ivan (7 months, under 25)
      f('EECO04', 'inactive', 2, [1, 1, 0, 0]), // Anna (in education), Gregor
      f('EECO05', 'employed', 1, [1, 0, 0, 0]), // Lena
      f('labour_market.unknown', 'unknown', 0, [0, 0, 0, 0]),
    ],
    age: [
      f('EECO06', 'under_18', 1, [1, 0, 0, 0]), // Anna
      f('EECO07', '18_29', 4, [1, 1, 1, 1]), // Pia 25, Ben 25, Dilan 29, Ivan 21
      f('age.30_54', '30_54', 3, [2, 1, 0, 0]), // Lena, Rosa, Emre
      f('EECO08', '55_plus', 2, [1, 1, 0, 0]), // Carla 56, Gregor 65
      f('age.unknown', 'unknown', 1, [1, 0, 0, 0]), // Hana
      f('age.under_25', 'under_25', 2, [1, 0, 0, 1]), // Anna, Ivan
    ],
    education: [
      f('EECO09', 'isced_0_2', 4, [2, 2, 0, 0]), // Anna 2, Hana 0; Emre 2 (first entry), Gregor 1
      f('EECO10', 'isced_3_4', 5, [2, 1, 1, 1]), // Pia 4, Rosa 3; Ben 4; Dilan 3; Ivan 3
      f('EECO11', 'isced_5_8', 2, [2, 0, 0, 0]), // Carla 6, Lena 7
      f('education.unknown', 'unknown', 0, [0, 0, 0, 0]),
    ],
    characteristics: [
      ...characteristic('disability', 'EECO12', [
        ['yes', 2, [2, 0, 0, 0]], // Carla, Lena
        ['no', 6, [2, 2, 1, 1]],
        ['no_answer', 2, [1, 1, 0, 0]], // Hana, Gregor
        ['not_recorded', 1, [1, 0, 0, 0]], // Pia
      ]),
      ...characteristic('thirdCountryNational', 'EECO13', [
        ['yes', 6, [2, 3, 1, 0]], // Anna SY, Pia ERI; Ben AFG, Emre TR, Gregor stateless; Dilan UA
        ['no', 3, [3, 0, 0, 0]], // Carla DE, Lena PL, Rosa DE
        ['not_recorded', 2, [1, 0, 0, 1]], // Hana XXX, Ivan none
      ]),
      ...characteristic('foreignBackground', 'EECO14', [
        ['yes', 2, [1, 1, 0, 0]], // Rosa, Ben
        ['no', 7, [4, 1, 1, 1]],
        ['no_answer', 1, [0, 1, 0, 0]],
        ['not_recorded', 1, [1, 0, 0, 0]],
      ]),
      ...characteristic('minority', 'EECO15', [
        ['yes', 1, [1, 0, 0, 0]], // Rosa
        ['no', 7, [3, 2, 1, 1]],
        ['no_answer', 2, [1, 1, 0, 0]], // Anna, Gregor
        ['not_recorded', 1, [1, 0, 0, 0]],
      ]),
      ...characteristic('homelessOrHousingExclusion', 'EECO16', [
        ['yes', 1, [0, 0, 1, 0]], // Dilan
        ['no', 8, [5, 2, 0, 1]],
        ['no_answer', 1, [0, 1, 0, 0]],
        ['not_recorded', 1, [1, 0, 0, 0]],
      ]),
      ...characteristic('ruralArea', 'EECO17', [
        ['yes', 2, [0, 1, 0, 1]], // Emre (first entry), Ivan
        ['no', 7, [5, 1, 1, 0]],
        ['no_answer', 1, [0, 1, 0, 0]],
        ['not_recorded', 1, [1, 0, 0, 0]],
      ]),
    ],
  },
  leavers: {
    // Jana, Lena, Pia, Rosa; Ben, Karl, Omar (final exit); Dilan; Ivan. Not Emre or Farah: back in support.
    total: f('leavers.total', 'total', 9, [4, 3, 1, 1]),
    results: [
      f('EECR01', 'job_searching', 1, [0, 1, 0, 0]), // Omar (recorded)
      f('EECR02', 'in_education_or_training', 3, [2, 0, 1, 0]), // Pia (exit reason), Rosa (recorded); Dilan
      f('EECR03', 'qualification_gained', 1, [1, 0, 0, 0]), // Rosa
      f('EECR04', 'in_employment', 3, [1, 1, 0, 1]), // Jana (23 days on); Ben; Ivan (apprenticeship)
      f('EECR05', 'in_employment_six_months', 1, [0, 1, 0, 0]), // Ben
    ],
  },
};

const allFigures = (r: Pick<EsfReport, 'entrants' | 'leavers'>) => [...Object.values(r.entrants), ...Object.values(r.leavers)].flat();
const figureOf = (figures: EsfFigure[], key: string) => figures.find((x) => x.key === key);
const cellsOf = (x: EsfFigure) => [x.count, x.byGender.female, x.byGender.male, x.byGender.non_binary, x.byGender.not_stated];
const GENDERS = ['female', 'male', 'non_binary', 'not_stated'] as const;

/** The lines an outsider can subtract along: each figure with its genders, and each breakdown that adds up to the total, per gender. */
function linesOf(r: EsfReport): (number | null)[][] {
  const lines = allFigures(r).map(cellsOf);
  const e = r.entrants;
  const partitions = [
    e.labourMarket.filter((x) => x.key !== 'long_term_unemployed'),
    e.age.filter((x) => x.key !== 'under_25'),
    e.education,
    ...['disability', 'thirdCountryNational', 'foreignBackground', 'minority', 'homelessOrHousingExclusion', 'ruralArea'].map((c) =>
      e.characteristics.filter((x) => x.key.startsWith(`${c}.`)),
    ),
  ];
  for (const parts of partitions) {
    lines.push([e.total.count, ...parts.map((x) => x.count)]);
    for (const g of GENDERS) lines.push([e.total.byGender[g], ...parts.map((x) => x.byGender[g])]);
  }
  return lines;
}

for (const kind of testDatabaseKinds()) {
  describe(`ESF+ indicators (${kind})`, () => {
    let t: TestApp;
    let fx: Fixture & { ids: string[] };
    let ctx: ServiceContext;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      fx = await buildFixture(t.database.db);
      ctx = {
        networkId: fx.networkId,
        requestId: null,
        actor: { userId: fx.adminId, networkId: fx.networkId, memberships: [{ role: 'network_admin', organisationId: null }] },
      };
    });
    after(() => t.close());

    test('every figure and every gender cell equals the hand-computed value (threshold 0: nothing suppressed)', async () => {
      const report = await esfReport(t.database.db, ctx, PERIOD, 0);
      assert.deepEqual(report, { ...PERIOD, cityId: null, fundingPeriodId: null, threshold: 0, ...BY_HAND });
      for (const x of allFigures(report)) {
        const sum = GENDERS.reduce((s, g) => s + x.byGender[g]!, 0);
        assert.equal(sum, x.count, `${x.indicator}: the genders add up to the figure`);
      }
    });

    test('people are counted once: the first entry opens the participation, the final exit closes it', async () => {
      // 2024: Farah, Karl, Omar and Jana began then; Farah and Omar came back, so nobody's final exit lies in 2024.
      const r = await esfReport(t.database.db, ctx, { from: '2024-01-01', to: '2024-12-31' }, 0);
      assert.deepEqual(cellsOf(r.entrants.total), [4, 2, 2, 0, 0]);
      assert.equal(r.leavers.total.count, 0, "Omar's 2024 exit was replaced by his final exit in 2025");
      // Over both years: each of the 15 people once, however many cases they had.
      const both = await esfReport(t.database.db, ctx, { from: '2024-01-01', to: '2025-06-30' }, 0);
      assert.equal(both.entrants.total.count, 15);
      assert.equal(figureOf(both.entrants.education, 'isced_5_8')!.count, 3, 'Farah counts with her first intake (ISCED 8)');
      assert.equal(both.leavers.total.count, 9);
    });

    test('one city: the network without the second city', async () => {
      const r = await esfReport(t.database.db, ctx, { ...PERIOD, cityId: fx.cityId }, 0);
      assert.equal(r.entrants.total.count, 10, 'Pia entered in the second city');
      assert.equal(figureOf(r.entrants.education, 'isced_3_4')!.count, 4);
      assert.equal(figureOf(r.entrants.characteristics, 'disability.not_recorded')!.count, 0);
      assert.equal(r.leavers.total.count, 8);
      assert.deepEqual(cellsOf(figureOf(r.leavers.results, 'in_education_or_training')!), [2, 1, 0, 1, 0]);
    });

    test('one funding period: only its cases', async () => {
      const r = await esfReport(t.database.db, ctx, { ...PERIOD, fundingPeriodId: fx.fundingPeriodId }, 0);
      assert.deepEqual(cellsOf(r.entrants.total), [2, 1, 1, 0, 0]);
      assert.deepEqual(cellsOf(r.leavers.total), [2, 1, 1, 0, 0]);
      assert.deepEqual(
        r.leavers.results.map((x) => x.count),
        [0, 1, 0, 1, 1],
      );
    });

    test('over HTTP with the default threshold 5: no cell of 1–4 is shown, and no line has a single hidden cell', async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const res = await admin.get(`/api/reports/esf?from=${PERIOD.from}&to=${PERIOD.to}`);
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json<EsfReport>();
      assert.equal(r.threshold, 5);
      for (const x of allFigures(r)) for (const n of cellsOf(x)) assert.ok(n === null || n === 0 || n >= 5, `${x.indicator} shows ${n}`);
      for (const line of linesOf(r)) assert.notEqual(line.filter((n) => n === null).length, 1, `derivable: ${JSON.stringify(line)}`);
      // The women (6) and the total (11) are shown; the men (3), the non-binary and not-stated person are not.
      assert.deepEqual(cellsOf(r.entrants.total), [11, 6, null, null, null]);
      assert.deepEqual(cellsOf(r.leavers.total), [9, null, null, null, null]);
      assert.equal(figureOf(r.entrants.labourMarket, 'unemployed')!.count, 8);
      assert.equal(figureOf(r.entrants.labourMarket, 'long_term_unemployed')!.count, null, '3 of 8: the other 5 would give them away');
      assert.deepEqual(
        r.leavers.results.map((x) => x.count),
        [null, null, null, null, null],
      );
      // Special-category data (disability, minority): only counts at or above the threshold, zero hidden too.
      for (const x of r.entrants.characteristics.filter((c) => /^(disability|minority)\./.test(c.key)))
        for (const n of cellsOf(x)) assert.ok(n === null || n >= 5, `${x.key} shows ${n}`);
      assert.equal(figureOf(r.entrants.characteristics, 'disability.no')!.count, 6);
    });

    test('a single small cell takes a second one with it, in its row and in its column', async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const r = (await admin.get('/api/reports/esf?from=2023-01-01&to=2023-12-31')).json<EsfReport>();
      // Six women and one man: he is hidden; the six women too, or 7 − 6 would give him away; zeros shown.
      assert.deepEqual(cellsOf(r.entrants.total), [7, null, null, 0, 0]);
      assert.deepEqual(cellsOf(figureOf(r.entrants.age, '30_54')!), [7, null, null, 0, 0]);
      assert.deepEqual(cellsOf(figureOf(r.entrants.labourMarket, 'unknown')!), [7, null, null, 0, 0]);
      // Disability is special-category: its zeros are hidden as well.
      assert.deepEqual(cellsOf(figureOf(r.entrants.characteristics, 'disability.yes')!), [null, null, null, null, null]);
      assert.equal(figureOf(r.entrants.characteristics, 'disability.not_recorded')!.count, 7);
    });

    test('each figure links to its rule in docs/indicators/esf-plus.md', async () => {
      const { readFile } = await import('node:fs/promises');
      const doc = await readFile(new URL('../../../docs/indicators/esf-plus.md', import.meta.url), 'utf8');
      const report = await esfReport(t.database.db, ctx, PERIOD, 0);
      for (const x of allFigures(report)) assert.ok(doc.includes(`<a id="${x.rule}"></a>`), `${x.indicator} → #${x.rule}`);
    });

    test('CSV and XLSX carry the same suppressed tables, one row per figure with its genders', async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const query = `from=${PERIOD.from}&to=${PERIOD.to}`;
      const json = (await admin.get(`/api/reports/esf?${query}`)).json<EsfReport>();
      const csv = await admin.get(`/api/reports/esf.csv?${query}`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /esf-2025-01-01-2025-06-30\.csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      assert.equal(lines[3], 'Tabelle;Indikator;Bezeichnung;Insgesamt;Frauen;Männer;Nicht-binär;Nicht angegeben;Regel');
      assert.equal(lines.length, 4 + allFigures(json).length);
      assert.equal(lines[4], 'Teilnehmende (Eintritte);EECO01;Teilnehmende insgesamt;11;6;< 5;< 5;< 5;docs/indicators/esf-plus.md#eeco01');
      const xlsx = await admin.get(`/api/reports/esf.xlsx?${query}`);
      assert.equal(xlsx.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('ESF+')!;
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      // Every figure's cells, in the same order as the JSON; "< 5" where hidden.
      const figures = allFigures(json);
      assert.equal(rows.length, 3 + figures.length, 'the empty line is not a row');
      for (const [i, x] of figures.entries())
        assert.deepEqual(rows[3 + i]!.slice(1, 2).concat(rows[3 + i]!.slice(3, 8)), [x.indicator, ...cellsOf(x).map((n) => n ?? '< 5')]);
      const english = await admin.request('GET', `/api/reports/esf.csv?${query}`, undefined, { 'accept-language': 'en' });
      assert.match(english.body, /Table,Indicator,Name,Total,Women,Men,Non-binary,Not stated,Rule/);
      assert.match(english.body, /EECR05,"In employment, including self-employment, six months after leaving"/);
      // The UI's language wins over the browser's.
      const chosen = await admin.request('GET', `/api/reports/esf.csv?${query}&language=de`, undefined, { 'accept-language': 'en' });
      assert.match(chosen.body, /Tabelle;Indikator/);
      assert.equal((await admin.get(`/api/reports/esf.csv?${query}&language=fr`)).statusCode, 400);
    });

    test('the read is audited, with the filters and no person', async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const res = await admin.get(`/api/reports/esf?from=${PERIOD.from}&to=${PERIOD.to}&cityId=${fx.cityId}`);
      assert.equal(res.statusCode, 200);
      const events = await t.database.db
        .selectFrom('audit_events')
        .select(['entity_type', 'entity_id', 'details'])
        .where('network_id', '=', fx.networkId)
        .where('action', '=', 'report.read')
        .execute();
      assert.ok(events.some((e) => e.details.report === 'esf' && e.details.cityId === fx.cityId && e.entity_id === null));
    });

    test('the response has counts only: no ids, names or dates of people', async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const body = (await admin.get(`/api/reports/esf?from=${PERIOD.from}&to=${PERIOD.to}`)).body;
      for (const id of fx.ids) assert.ok(!body.includes(id), 'no participant id');
      for (const word of ['Anna', 'Fixture', '2007-09-15', '2025-04-15', 'Lagerlogistik', 'SYR']) assert.ok(!body.includes(word), word);
      assert.equal(body.match(/\d{4}-\d{2}-\d{2}/g)?.length, 2, 'the only dates are the period');
      const r = JSON.parse(body) as EsfReport;
      for (const figure of allFigures(r)) assert.deepEqual(Object.keys(figure).sort(), ['byGender', 'count', 'indicator', 'key', 'rule']);
      // The analyst of the demo network: the same shape, nothing more.
      const analyst = await t.as('bericht@lotse.example');
      const demo = await analyst.get('/api/reports/esf?from=2020-01-01&to=2030-12-31');
      assert.equal(demo.statusCode, 200);
      assert.doesNotMatch(demo.body, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no uuid');
      assert.deepEqual(Object.keys(demo.json<EsfReport>()).sort(), [
        'cityId',
        'entrants',
        'from',
        'fundingPeriodId',
        'leavers',
        'threshold',
        'to',
      ]);
    });

    test('roles without reports get 403: case manager, partner caseworker, employer contact, mentor, DPO', async () => {
      for (const path of ['esf', 'esf.csv', 'esf.xlsx']) {
        const url = `/api/reports/${path}?from=${PERIOD.from}&to=${PERIOD.to}`;
        for (const email of [
          'fallmanager@lotse.example',
          'jobcoach@lotse.example',
          'arbeitgeber@lotse.example',
          'pate@lotse.example',
          'datenschutz@lotse.example',
        ]) {
          const res = await (await t.as(email)).get(url);
          assert.equal(res.statusCode, 403, `${email} ${path}`);
        }
        assert.equal((await (await t.as(fx.caseManagerEmail, OTHER_PASSWORD)).get(url)).statusCode, 403);
        assert.equal((await t.anonymous().get(url)).statusCode, 401);
      }
    });

    test("another network's city is not found; a period that ends before it starts is refused", async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const demoCity = await t.database.db
        .selectFrom('cities')
        .select('id')
        .where('network_id', '!=', fx.networkId)
        .executeTakeFirstOrThrow();
      for (const path of ['esf', 'esf.csv', 'esf.xlsx']) {
        assert.equal((await admin.get(`/api/reports/${path}?from=${PERIOD.from}&to=${PERIOD.to}&cityId=${demoCity.id}`)).statusCode, 404);
        const bad = await admin.get(`/api/reports/${path}?from=2025-06-30&to=2025-01-01`);
        assert.equal(bad.statusCode, 400);
      }
    });
  });
}
