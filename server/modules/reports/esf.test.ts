import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, OTHER_PASSWORD } from '../../../test/support/factories.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { esfReport } from './esf.ts';
import type { EsfFigure, EsfReport } from './esf.schemas.ts';

// A small network whose every ESF+ figure was counted by hand from the rules in
// docs/indicators/esf-plus.md. The period is the first half of 2025.
const PERIOD = { from: '2025-01-01', to: '2025-06-30' };

type Answer = 'yes' | 'no' | 'no_answer';
const esf = (all: Answer, own: Record<string, Answer> = {}) => ({
  disability: all,
  homelessOrHousingExclusion: all,
  ruralArea: all,
  foreignBackground: all,
  minority: all,
  singleParent: all,
  ...own,
});
const lm = (statusAtEntry: string, unemployedSince?: string) => ({ statusAtEntry, unemployedSince });
const edu = (iscedLevel: number) => ({ iscedLevel });

interface PlacementSpec {
  starts: string;
  kind?: 'employment' | 'apprenticeship' | 'marginal_employment' | 'self_employment';
  firstLabourMarket?: boolean;
  day28?: [string, boolean];
  month6?: [string, boolean];
}
interface CaseSpec {
  entry: string | null;
  exit?: string;
  reason?: string;
  secondCity?: boolean;
  fundingPeriod?: boolean;
  intake?: Record<string, unknown>;
  placements?: PlacementSpec[];
}
interface PersonSpec {
  name: string;
  gender: 'female' | 'male' | 'non_binary' | 'not_stated';
  birth: string | null;
  mergedInto?: string;
  cases: CaseSpec[];
}

type Fixture = Awaited<ReturnType<typeof createOtherNetwork>> & { secondCityId: string; fundingPeriodId: string };

async function addPerson(db: Db, fx: Fixture, spec: PersonSpec): Promise<string> {
  const person = await db
    .insertInto('participants')
    .values({
      network_id: fx.networkId,
      office_id: fx.officeId,
      given_names: spec.name,
      family_name: 'Fixture',
      birth_date: spec.birth,
      gender: spec.gender,
      merged_into: spec.mergedInto ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const c of spec.cases) {
    const kase = await db
      .insertInto('cases')
      .values({
        network_id: fx.networkId,
        participant_id: person.id,
        office_id: fx.officeId,
        status: c.exit ? 'closed' : 'active',
        city_id: c.secondCity ? fx.secondCityId : fx.cityId,
        funding_period_id: c.fundingPeriod ? fx.fundingPeriodId : null,
        entry_date: c.entry,
        exit_date: c.exit ?? null,
        exit_reason: c.reason ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (c.intake)
      await db
        .insertInto('intakes')
        .values({ network_id: fx.networkId, participant_id: person.id, case_id: kase.id, sections: JSON.stringify(c.intake) })
        .execute();
    for (const p of c.placements ?? []) {
      const placement = await db
        .insertInto('placements')
        .values({
          network_id: fx.networkId,
          participant_id: person.id,
          case_id: kase.id,
          office_id: fx.officeId,
          kind: p.kind ?? 'employment',
          first_labour_market: p.firstLabourMarket ?? true,
          starts_on: p.starts,
          occupation: 'Lagerlogistik',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [kind, check] of [['day_28', p.day28] as const, ['month_6', p.month6] as const])
        await db
          .insertInto('placement_follow_ups')
          .values({
            network_id: fx.networkId,
            placement_id: placement.id,
            kind,
            due_on: p.starts,
            checked_on: check?.[0] ?? null,
            still_employed: check?.[1] ?? null,
          })
          .execute();
    }
  }
  return person.id;
}

/** The people of the fixture; the comments say what each one is there to prove. */
async function buildFixture(db: Db): Promise<Fixture & { ids: string[] }> {
  const base = await createOtherNetwork(db, 'esf-fixture');
  const second = await db
    .insertInto('cities')
    .values({ network_id: base.networkId, name: 'Solingen' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const period = await db
    .insertInto('funding_periods')
    .values({ network_id: base.networkId, name: 'ESF+ 2025', starts_on: '2025-01-01', ends_on: '2025-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fx: Fixture = { ...base, secondCityId: second.id, fundingPeriodId: period.id };
  const add = (spec: PersonSpec) => addPerson(db, fx, spec);
  // (createOtherNetwork's Amal has a case without an entry date: not counted.)
  const anna = await add({
    // 17 at entry; in education counts as inactive; ISCED 2; minority: no answer.
    name: 'Anna',
    gender: 'female',
    birth: '2007-09-15',
    cases: [
      { entry: '2025-02-01', intake: { labourMarket: lm('in_education'), education: edu(2), esf: esf('no', { minority: 'no_answer' }) } },
    ],
  });
  const ids = [
    anna,
    // 25 at entry, unemployed four months (not long-term); ISCED 4; left into a job on the day, still employed six months on.
    await add({
      name: 'Ben',
      gender: 'male',
      birth: '2000-01-10',
      cases: [
        {
          entry: '2025-03-01',
          exit: '2025-04-15',
          reason: 'placed_employment',
          fundingPeriod: true,
          intake: { labourMarket: lm('unemployed', '2024-11-01'), education: edu(4), esf: esf('no', { foreignBackground: 'yes' }) },
          placements: [{ starts: '2025-04-15', day28: ['2025-05-13', true], month6: ['2025-10-15', true] }],
        },
      ],
    }),
    // 56 at entry, long-term unemployed as recorded; ISCED 6; disability.
    await add({
      name: 'Carla',
      gender: 'female',
      birth: '1968-05-05',
      cases: [
        {
          entry: '2025-01-20',
          intake: { labourMarket: lm('long_term_unemployed'), education: edu(6), esf: esf('no', { disability: 'yes' }) },
        },
      ],
    }),
    // 29, unemployed for 19 months (long-term by the 12-month rule); ISCED 3; homeless; left into training.
    await add({
      name: 'Dilan',
      gender: 'non_binary',
      birth: '1995-03-03',
      cases: [
        {
          entry: '2025-01-10',
          exit: '2025-03-31',
          reason: 'education_or_training',
          intake: {
            labourMarket: lm('unemployed', '2023-06-01'),
            education: edu(3),
            esf: esf('no', { homelessOrHousingExclusion: 'yes' }),
          },
        },
      ],
    }),
    // Enters twice in the period (counted once, as at the first entry), leaves in between and comes back.
    await add({
      name: 'Emre',
      gender: 'male',
      birth: '1990-07-07',
      cases: [
        {
          entry: '2025-01-15',
          exit: '2025-02-28',
          reason: 'no_contact',
          intake: { labourMarket: lm('unemployed'), education: edu(2), esf: esf('no', { ruralArea: 'yes' }) },
        },
        { entry: '2025-05-01', intake: { labourMarket: lm('employed'), education: edu(5), esf: esf('yes') } },
      ],
    }),
    // Left in 2024 and came back in the period: an entrant, not a leaver; no education recorded.
    await add({
      name: 'Farah',
      gender: 'female',
      birth: '1985-12-12',
      cases: [
        {
          entry: '2024-03-01',
          exit: '2024-10-01',
          reason: 'other',
          intake: { labourMarket: lm('unemployed'), education: edu(8), esf: esf('no') },
        },
        {
          entry: '2025-04-01',
          intake: { labourMarket: lm('self_employed'), esf: esf('no', { foreignBackground: 'yes', minority: 'yes' }) },
        },
      ],
    }),
    // Enters on the last day of the period; 65; ISCED 1; declined every ESF question.
    await add({
      name: 'Gregor',
      gender: 'male',
      birth: '1960-01-01',
      cases: [{ entry: '2025-06-30', intake: { labourMarket: lm('inactive'), education: edu(1), esf: esf('no_answer') } }],
    }),
    // No birth date: age unknown (and the 12-month rule); ISCED 0; disability: no answer.
    await add({
      name: 'Hana',
      gender: 'female',
      birth: null,
      cases: [
        {
          entry: '2025-06-01',
          intake: { labourMarket: lm('unemployed', '2025-01-01'), education: edu(0), esf: esf('no', { disability: 'no_answer' }) },
        },
      ],
    }),
    // 21: unemployed for seven months is long-term under 25; rural; left into an apprenticeship, six months not yet checked.
    await add({
      name: 'Ivan',
      gender: 'not_stated',
      birth: '2003-05-20',
      cases: [
        {
          entry: '2025-02-10',
          exit: '2025-05-20',
          reason: 'placed_apprenticeship',
          intake: { labourMarket: lm('unemployed', '2024-07-01'), education: edu(3), esf: esf('no', { ruralArea: 'yes' }) },
          placements: [{ starts: '2025-05-20', kind: 'apprenticeship' }],
        },
      ],
    }),
    // Entered before the period, left in it; a job 23 days after leaving; not employed six months on.
    await add({
      name: 'Jana',
      gender: 'female',
      birth: '1998-08-08',
      cases: [
        {
          entry: '2024-11-01',
          exit: '2025-02-15',
          reason: 'moved_away',
          placements: [{ starts: '2025-03-10', day28: ['2025-04-07', true], month6: ['2025-09-10', false] }],
        },
      ],
    }),
    // Left in the period; a job 35 days after leaving (too late) and one off the first labour market (does not count).
    await add({
      name: 'Karl',
      gender: 'male',
      birth: '1980-02-02',
      cases: [
        {
          entry: '2024-06-01',
          exit: '2025-03-01',
          reason: 'other',
          placements: [{ starts: '2025-04-05' }, { starts: '2025-03-10', firstLabourMarket: false }],
        },
      ],
    }),
    // ISCED 7, disability; a mini-job before leaving that the 28-day follow-up found ended before the exit.
    await add({
      name: 'Lena',
      gender: 'female',
      birth: '1992-04-04',
      cases: [
        {
          entry: '2025-03-15',
          exit: '2025-06-20',
          reason: 'other',
          intake: { labourMarket: lm('employed'), education: edu(7), esf: esf('no', { disability: 'yes' }) },
          placements: [{ starts: '2025-04-01', kind: 'marginal_employment', day28: ['2025-04-29', false] }],
        },
      ],
    }),
    // A merged-away duplicate of Anna: not a person of its own, whatever its case says.
    await add({
      name: 'Mia',
      gender: 'female',
      birth: '2007-01-01',
      mergedInto: anna,
      cases: [{ entry: '2025-02-01', exit: '2025-03-01', reason: 'education_or_training', intake: { labourMarket: lm('unemployed') } }],
    }),
    // Enters the day after the period: not counted.
    await add({ name: 'Nora', gender: 'female', birth: '1975-05-05', cases: [{ entry: '2025-07-01' }] }),
    // The second city and the funding period; an intake without the ESF section; left into training.
    await add({
      name: 'Pia',
      gender: 'female',
      birth: '1999-09-09',
      cases: [
        {
          entry: '2025-03-03',
          exit: '2025-05-05',
          reason: 'education_or_training',
          secondCity: true,
          fundingPeriod: true,
          intake: { labourMarket: lm('unemployed'), education: edu(4) },
        },
      ],
    }),
  ];
  // 2023: six women and one man, no intake — for the derivable cell under the default threshold.
  for (const [i, gender] of (['female', 'female', 'female', 'female', 'female', 'female', 'male'] as const).entries())
    ids.push(await add({ name: `Kohorte${i}`, gender, birth: '1990-01-01', cases: [{ entry: '2023-03-01' }] }));
  return { ...fx, ids };
}

const f = (indicator: string, key: string, count: number | null): EsfFigure => ({ indicator, key, count });
const characteristic = (name: string, code: string, [yes, no, noAnswer, notRecorded]: (number | null)[]) => [
  f(code, `${name}.yes`, yes!),
  f(`${name}.no`, `${name}.no`, no!),
  f(`${name}.no_answer`, `${name}.no_answer`, noAnswer!),
  f(`${name}.not_recorded`, `${name}.not_recorded`, notRecorded!),
];

/** Every figure of the whole network in the first half of 2025, counted by hand (see the people above). */
const BY_HAND: Pick<EsfReport, 'entrants' | 'leavers'> = {
  entrants: {
    // Anna, Ben, Carla, Dilan, Emre, Farah, Gregor, Hana, Ivan, Lena, Pia.
    total: f('EECO01', 'total', 11),
    gender: [
      f('gender.female', 'female', 6),
      f('gender.male', 'male', 3),
      f('gender.non_binary', 'non_binary', 1),
      f('gender.not_stated', 'not_stated', 1),
    ],
    labourMarket: [
      f('EECO02', 'unemployed', 7), // Ben, Carla, Dilan, Emre, Hana, Ivan, Pia
      f('EECO03', 'long_term_unemployed', 3), // Carla (recorded), Dilan (19 months), Ivan (7 months, under 25)
      f('EECO04', 'inactive', 2), // Anna (in education), Gregor
      f('EECO05', 'employed', 2), // Farah (self-employed), Lena
      f('labour_market.unknown', 'unknown', 0),
    ],
    age: [
      f('EECO06', 'under_18', 1), // Anna
      f('EECO07', '18_29', 4), // Ben 25, Dilan 29, Ivan 21, Pia 25
      f('age.30_54', '30_54', 3), // Emre, Farah, Lena
      f('EECO08', '55_plus', 2), // Carla 56, Gregor 65
      f('age.unknown', 'unknown', 1), // Hana
      f('age.under_25', 'under_25', 2), // Anna, Ivan
    ],
    education: [
      f('EECO09', 'isced_0_2', 4), // Anna 2, Emre 2 (first entry), Gregor 1, Hana 0
      f('EECO10', 'isced_3_4', 4), // Ben 4, Dilan 3, Ivan 3, Pia 4
      f('EECO11', 'isced_5_8', 2), // Carla 6, Lena 7
      f('education.unknown', 'unknown', 1), // Farah
    ],
    characteristics: [
      ...characteristic('disability', 'EECO12', [2, 6, 2, 1]),
      ...characteristic('foreignBackground', 'EECO14', [2, 7, 1, 1]),
      ...characteristic('minority', 'EECO15', [1, 7, 2, 1]),
      ...characteristic('homelessOrHousingExclusion', 'EECO16', [1, 8, 1, 1]),
      ...characteristic('ruralArea', 'EECO17', [2, 7, 1, 1]),
    ],
  },
  leavers: {
    // Ben, Dilan, Emre, Ivan, Jana, Karl, Lena, Pia.
    total: f('leavers.total', 'total', 8),
    results: [
      f('EECR02', 'in_education_or_training', 2), // Dilan, Pia
      f('EECR04', 'in_employment', 3), // Ben, Ivan, Jana
      f('EECR05', 'in_employment_six_months', 1), // Ben
    ],
  },
};

const figureOf = (figures: EsfFigure[], key: string) => figures.find((x) => x.key === key)?.count;

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

    test('every figure equals the hand-computed value (threshold 1: nothing suppressed)', async () => {
      const report = await esfReport(t.database.db, ctx, PERIOD, 1);
      assert.deepEqual(report, { ...PERIOD, cityId: null, fundingPeriodId: null, threshold: 1, ...BY_HAND });
    });

    test('threshold 0 shows the same figures', async () => {
      const report = await esfReport(t.database.db, ctx, PERIOD, 0);
      assert.deepEqual({ entrants: report.entrants, leavers: report.leavers }, BY_HAND);
    });

    test('one city: the network without the second city', async () => {
      const r = await esfReport(t.database.db, ctx, { ...PERIOD, cityId: fx.cityId }, 1);
      assert.equal(r.entrants.total.count, 10, 'Pia entered in the second city');
      assert.equal(figureOf(r.entrants.education, 'isced_3_4'), 3);
      assert.equal(figureOf(r.entrants.characteristics, 'disability.not_recorded'), 0);
      assert.equal(r.leavers.total.count, 7);
      assert.equal(figureOf(r.leavers.results, 'in_education_or_training'), 1);
    });

    test('one funding period: only its cases', async () => {
      const r = await esfReport(t.database.db, ctx, { ...PERIOD, fundingPeriodId: fx.fundingPeriodId }, 1);
      assert.equal(r.entrants.total.count, 2);
      assert.deepEqual(
        r.entrants.gender.map((g) => g.count),
        [1, 1, 0, 0],
      );
      assert.equal(r.leavers.total.count, 2);
      assert.deepEqual(
        r.leavers.results.map((x) => x.count),
        [1, 1, 1],
      );
    });

    test('over HTTP with the default threshold 5, small cells are hidden and zero is shown', async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const res = await admin.get(`/api/reports/esf?from=${PERIOD.from}&to=${PERIOD.to}`);
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json<EsfReport>();
      assert.equal(r.threshold, 5);
      assert.equal(r.entrants.total.count, 11);
      assert.deepEqual(
        r.entrants.gender.map((g) => g.count),
        [6, null, null, null],
      );
      assert.deepEqual(
        r.entrants.labourMarket.map((g) => g.count),
        [7, null, null, null, 0],
        'long-term 3 of 7 unemployed would leave 4',
      );
      assert.deepEqual(
        r.entrants.age.map((g) => g.count),
        [null, null, null, null, null, null],
      );
      assert.deepEqual(
        r.entrants.education.map((g) => g.count),
        [null, null, null, null],
      );
      assert.deepEqual(
        r.entrants.characteristics.slice(0, 4).map((g) => g.count),
        [null, 6, null, null],
        'disability: only counts above the threshold',
      );
      assert.equal(r.leavers.total.count, 8);
      assert.deepEqual(
        r.leavers.results.map((x) => x.count),
        [null, null, null],
      );
    });

    test('a single small cell takes a second one with it, so that it cannot be derived from the total', async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const r = (await admin.get('/api/reports/esf?from=2023-01-01&to=2023-12-31')).json<EsfReport>();
      assert.equal(r.entrants.total.count, 7);
      // One man: hidden; six women: hidden too, or 7 − 6 would give him away; zeros shown.
      assert.deepEqual(
        r.entrants.gender.map((g) => g.count),
        [null, null, 0, 0],
      );
      assert.equal(figureOf(r.entrants.age, '30_54'), 7);
      assert.equal(figureOf(r.entrants.labourMarket, 'unknown'), 7);
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
      for (const word of ['Anna', 'Fixture', '2007-09-15', '2025-04-15', 'Lagerlogistik']) assert.ok(!body.includes(word), word);
      assert.equal(body.match(/\d{4}-\d{2}-\d{2}/g)?.length, 2, 'the only dates are the period');
      const r = JSON.parse(body) as EsfReport;
      const figures = [...Object.values(r.entrants), ...Object.values(r.leavers)].flat();
      for (const figure of figures) assert.deepEqual(Object.keys(figure).sort(), ['count', 'indicator', 'key']);
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
      const url = `/api/reports/esf?from=${PERIOD.from}&to=${PERIOD.to}`;
      for (const email of [
        'fallmanager@lotse.example',
        'jobcoach@lotse.example',
        'arbeitgeber@lotse.example',
        'pate@lotse.example',
        'datenschutz@lotse.example',
      ]) {
        const res = await (await t.as(email)).get(url);
        assert.equal(res.statusCode, 403, email);
      }
      assert.equal((await (await t.as(fx.caseManagerEmail, OTHER_PASSWORD)).get(url)).statusCode, 403);
      assert.equal((await t.anonymous().get(url)).statusCode, 401);
    });

    test("another network's city is not found; a period that ends before it starts is refused", async () => {
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const demoCity = await t.database.db
        .selectFrom('cities')
        .select('id')
        .where('network_id', '!=', fx.networkId)
        .executeTakeFirstOrThrow();
      assert.equal((await admin.get(`/api/reports/esf?from=${PERIOD.from}&to=${PERIOD.to}&cityId=${demoCity.id}`)).statusCode, 404);
      assert.equal((await admin.get(`/api/reports/esf?from=2025-06-30&to=2025-01-01`)).statusCode, 400);
    });
  });
}
