import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { OTHER_PASSWORD } from '../../../test/support/factories.ts';
import type { ServiceContext } from '../../http/context.ts';
import { addSupportFixture, buildProgrammeNetwork, FIXTURE_PASSWORD } from '../../../test/support/programme-fixture.ts';
import { programmeReport } from './programme.ts';
import type { ProgrammeQuery, ProgrammeReport, ReportCell } from './programme.schemas.ts';

// Every dashboard figure of a small network, counted by hand from the rules in decision 0018.
// The period is the first half of 2025; city A is Remscheid, city B Solingen.
const PERIOD = { from: '2025-01-01', to: '2025-06-30' };
const cellsOf = (cells: ReportCell[]) => Object.fromEntries(cells.map((c) => [c.key, c.count]));

type Fixture = Awaited<ReturnType<typeof buildProgrammeNetwork>>;

async function buildFixture(t: TestApp): Promise<Fixture> {
  const fx = await buildProgrammeNetwork(t.database.db, 'programme-fixture');
  const { add } = fx;
  // 17 at entry (under 18, under 25); intake, plan and a referral sent to the partner.
  const anna = await add({
    name: 'Anna',
    gender: 'female',
    birth: '2007-09-15',
    german: 'A1',
    cases: [{ entry: '2025-02-01', intakeOn: '2025-02-01', planOn: '2025-03-01', referral: 'sent' }],
  });
  // 25; through every stage; placed in a job 45 days after entry; funding period.
  await add({
    name: 'Ben',
    gender: 'male',
    birth: '2000-01-10',
    german: 'B1',
    residence: 'aufenthaltserlaubnis',
    cases: [
      {
        entry: '2025-03-01',
        exit: '2025-04-15',
        fundingPeriod: true,
        intakeOn: '2025-03-01',
        planOn: '2025-03-10',
        referral: 'sent',
        proposal: true,
        placements: [{ starts: '2025-04-15' }],
      },
    ],
  });
  // 56, city B, funding period; an apprenticeship 132 days after entry; a draft referral does not count; plan after the period.
  await add({
    name: 'Carla',
    gender: 'female',
    birth: '1968-05-05',
    german: 'B1',
    residence: 'aufenthaltserlaubnis',
    cases: [
      {
        entry: '2025-01-20',
        inB: true,
        fundingPeriod: true,
        intakeOn: '2025-01-20',
        planOn: '2025-07-02',
        referral: 'draft',
        placements: [{ starts: '2025-06-01', kind: 'apprenticeship' }],
      },
    ],
  });
  // Entered before the period, still open: a participant, not an entrant; a mini-job is not a placement.
  await add({
    name: 'Dilan',
    gender: 'non_binary',
    birth: '1995-03-03',
    german: 'none',
    cases: [
      { entry: '2024-05-01', inB: true, intakeOn: '2024-05-01', placements: [{ starts: '2025-02-01', kind: 'marginal_employment' }] },
    ],
  });
  // Enters twice (counted once, entrant in January), leaves in between and comes back in city B: counted there.
  await add({
    name: 'Emre',
    gender: 'male',
    birth: '1990-07-07',
    german: 'A2',
    residence: 'duldung',
    cases: [
      { entry: '2025-01-15', exit: '2025-02-28', intakeOn: '2025-01-15' },
      { entry: '2025-05-01', inB: true, placements: [{ starts: '2025-06-15' }] },
    ],
  });
  // Left in 2024, came back in April: an entrant; her job after the period does not count.
  await add({
    name: 'Farah',
    gender: 'female',
    birth: '1985-12-12',
    german: 'B2',
    cases: [
      { entry: '2024-03-01', exit: '2024-10-01' },
      { entry: '2025-04-01', intakeOn: '2025-04-01', placements: [{ starts: '2025-07-10' }] },
    ],
  });
  // Enters after the period: not counted.
  await add({ name: 'Gregor', gender: 'male', birth: '1960-01-01', cases: [{ entry: '2025-07-05' }] });
  // No birth date (age unknown); left in January, self-employed 63 days after entry; intake only after the period.
  await add({
    name: 'Hana',
    gender: 'female',
    birth: null,
    cases: [
      { entry: '2024-11-01', exit: '2025-01-05', intakeOn: '2025-07-01', placements: [{ starts: '2025-01-03', kind: 'self_employment' }] },
    ],
  });
  // A duplicate merged into Anna: not a person of its own.
  await add({ name: 'Ivan', gender: 'not_stated', birth: '2003-05-20', mergedInto: anna, cases: [{ entry: '2025-02-10' }] });
  // Invited, never entered: not counted.
  await add({ name: 'Karl', gender: 'male', birth: '1980-02-02', cases: [{ entry: null }] });
  // A job off the first labour market: counted as such, not placed.
  await add({
    name: 'Lena',
    gender: 'female',
    birth: '1992-04-04',
    german: 'C1',
    cases: [{ entry: '2025-03-01', placements: [{ starts: '2025-03-10', firstLabourMarket: false }] }],
  });
  return fx;
}

for (const kind of testDatabaseKinds()) {
  describe(`programme dashboard (${kind})`, () => {
    let t: TestApp;
    let fx: Fixture;
    let analyst: ApiClient;
    let ctx: ServiceContext;
    // Threshold 1: every count visible, to check the counting itself.
    const exact = (q: Partial<ProgrammeQuery> = {}): Promise<ProgrammeReport> =>
      programmeReport(t.database.db, ctx, { ...PERIOD, ...q }, 1);

    before(async () => {
      t = await startTestApp(kind);
      fx = await buildFixture(t);
      analyst = await t.as(fx.analystEmail, FIXTURE_PASSWORD);
      const me = await t.database.db.selectFrom('users').select('id').where('email', '=', fx.analystEmail).executeTakeFirstOrThrow();
      ctx = {
        actor: { userId: me.id, networkId: fx.networkId, memberships: [{ role: 'analyst', organisationId: null }] },
        networkId: fx.networkId,
        requestId: 'test',
      };
    });
    after(() => t.close());

    test('participants are people with a case open in the period, each once; entrants by the month of their first entry', async () => {
      const r = await exact();
      assert.equal(r.participants, 8, 'Anna, Ben, Carla, Dilan, Emre, Farah, Hana, Lena');
      assert.equal(r.entrants, 6, 'not Dilan or Hana, who entered before the period');
      assert.deepEqual(cellsOf(r.entriesByMonth), { '2025-01': 2, '2025-02': 1, '2025-03': 2, '2025-04': 1, '2025-05': 0, '2025-06': 0 });
    });

    test('breakdowns by gender, age at entry, under 25, residence title, German level, city and office', async () => {
      const r = await exact();
      assert.deepEqual(cellsOf(r.byGender), { female: 5, male: 2, non_binary: 1, not_stated: 0 });
      assert.deepEqual(cellsOf(r.byAgeBand), { under_18: 1, '18_29': 2, '30_54': 3, '55_plus': 1, unknown: 1 });
      assert.equal(r.under25, 1);
      assert.deepEqual(cellsOf(r.byResidenceTitle), { aufenthaltserlaubnis: 2, duldung: 1, unknown: 5 });
      assert.deepEqual(cellsOf(r.byGermanLevel), { A1: 1, A2: 1, B1: 2, B2: 1, C1: 1, none: 1, unknown: 1 });
      assert.deepEqual(cellsOf(r.byCity), { Remscheid: 5, Solingen: 3 }, 'Emre counts where his latest case is');
      assert.deepEqual(cellsOf(r.byOffice), { 'Fallmanagement Remscheid': 8 });
      assert.deepEqual(cellsOf(r.byPartner), { 'Jobcoaching Fixture': 2 }, 'a draft referral is not a referral');
    });

    test('placements by kind, placement rate overall and per city, median days to placement', async () => {
      const r = await exact();
      assert.deepEqual(cellsOf(r.placementsByKind), {
        employment: 2,
        apprenticeship: 1,
        self_employment: 1,
        marginal_employment: 1,
        other_labour_market: 1,
      });
      assert.deepEqual(r.placementRate, { key: 'total', participants: 8, placed: 4, rate: 0.5 });
      assert.deepEqual(r.placementRateByCity, [
        { key: 'Remscheid', participants: 5, placed: 2, rate: 0.4 },
        { key: 'Solingen', participants: 3, placed: 2, rate: 2 / 3 },
      ]);
      assert.equal(r.medianDaysToPlacement, 54, 'median of 45, 45, 63 and 132 days');
    });

    test('the funnel counts the people who reached each stage by the end of the period', async () => {
      const r = await exact();
      assert.deepEqual(cellsOf(r.funnel), { participants: 8, intake: 6, plan: 2, referral: 2, proposal: 1, placement: 4 });
    });

    test('support beside the cycle: people in a running mentorship, taking part in an offer, completing one (with a certificate)', async () => {
      await addSupportFixture(t.database.db, fx);
      // Anna only (Ben's ended in 2024, Gregor is no participant); Carla and Emre took part (Farah
      // only after the period, Lena waits, Dilan finished in 2024); Carla completed with a certificate.
      assert.deepEqual(cellsOf((await exact()).support), { mentorship: 1, offer: 2, offer_completed: 1, offer_certificate: 1 });
      // In late 2024 Anna and Ben were not yet participants: their mentorships do not count; Dilan's offer does.
      assert.deepEqual(cellsOf((await exact({ from: '2024-10-01', to: '2024-12-31' })).support), {
        mentorship: 0,
        offer: 1,
        offer_completed: 1,
        offer_certificate: 0,
      });
    });

    test('the savings estimate: placed × months × (per person + per household), defaults until the admin sets them', async () => {
      assert.deepEqual((await exact()).savings, {
        placed: 4,
        monthsWithoutBenefits: 12,
        monthlyAmountPerPerson: 563,
        monthlyAmountPerHousehold: 600,
        total: 4 * 12 * (563 + 600),
        isDefault: true,
      });
      const admin = await t.as(fx.adminEmail, OTHER_PASSWORD);
      const settings = { monthsWithoutBenefits: 6, monthlyAmountPerPerson: 500, monthlyAmountPerHousehold: 400 };
      const saved = await admin.put('/api/reports/settings', { ...settings, version: 0 });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json<{ version: number }>().version, 1);
      const stale = await admin.put('/api/reports/settings', { ...settings, monthsWithoutBenefits: 9, version: 0 });
      assert.equal(stale.statusCode, 409, 'a stale save');
      const bad = await admin.put('/api/reports/settings', { ...settings, monthsWithoutBenefits: 0, version: 1 });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json<{ fields: Record<string, string[]> }>().fields.monthsWithoutBenefits);
      assert.equal(
        (await analyst.put('/api/reports/settings', { ...settings, version: 1 })).statusCode,
        403,
        'the analyst reads, the admin sets',
      );
      assert.equal((await analyst.get('/api/reports/settings')).json<{ monthsWithoutBenefits: number }>().monthsWithoutBenefits, 6);
      const r = await exact();
      assert.equal(r.savings.total, 4 * 6 * (500 + 400));
      assert.equal(r.savings.isDefault, false);
      const audited = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('network_id', '=', fx.networkId)
        .where('action', '=', 'report.settings_update')
        .execute();
      assert.equal(audited.length, 1, 'the one save that went through');
      await admin.put('/api/reports/settings', {
        monthsWithoutBenefits: 12,
        monthlyAmountPerPerson: 563,
        monthlyAmountPerHousehold: 600,
        version: 1,
      });
    });

    test('the cities sum to the network; filters by city, organisation and funding period', async () => {
      const network = await exact();
      const a = await exact({ cityId: fx.cityId });
      const b = await exact({ cityId: fx.cityBId });
      assert.deepEqual([a.participants, b.participants], [5, 3]);
      for (const field of ['participants', 'entrants', 'under25'] as const)
        assert.equal((a[field] ?? 0) + (b[field] ?? 0), network[field], field);
      assert.equal((a.placementRate.placed ?? 0) + (b.placementRate.placed ?? 0), network.placementRate.placed);
      for (const [i, stage] of network.funnel.entries())
        assert.equal((a.funnel[i]?.count ?? 0) + (b.funnel[i]?.count ?? 0), stage.count, stage.key);
      assert.deepEqual(cellsOf(b.byGender), { female: 1, male: 1, non_binary: 1, not_stated: 0 });
      assert.equal(b.entrants, 2, 'Carla and Emre');
      const partner = await exact({ organisationId: fx.partnerId });
      assert.equal(partner.participants, 2, 'Anna and Ben were referred to the partner');
      const office = await exact({ organisationId: fx.officeId });
      assert.equal(office.participants, 8);
      const period = await exact({ fundingPeriodId: fx.fundingPeriodId });
      assert.deepEqual([period.participants, period.placementRate.placed], [2, 2]);
    });

    test('the route suppresses small numbers, and what could be worked out from them', async () => {
      const res = await analyst.get(`/api/reports/programme?from=${PERIOD.from}&to=${PERIOD.to}`);
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json<ProgrammeReport>();
      assert.equal(r.threshold, 5);
      assert.equal(r.participants, 8);
      assert.equal(r.entrants, null, '6 beside 8 would reveal the 2 who entered before');
      assert.deepEqual(cellsOf(r.byGender), { female: 5, male: null, non_binary: null, not_stated: 0 });
      assert.equal(r.placementRate.placed, null);
      assert.equal(r.placementRate.rate, null);
      assert.equal(r.medianDaysToPlacement, null);
      assert.equal(r.savings.total, null, 'no estimate from a hidden count');
      assert.equal(r.under25, null);
      assert.ok(r.funnel.filter((s) => s.key !== 'participants').every((s) => s.count === null));
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('details')
        .where('network_id', '=', fx.networkId)
        .where('action', '=', 'report.read')
        .execute();
      assert.ok(
        audit.some((e) => (e.details as { report?: string }).report === 'programme'),
        'the read is audited',
      );
    });

    test('bad filters are 400 per field; another network’s city or an employer is refused', async () => {
      const bad = await analyst.get('/api/reports/programme?from=2025-06-01&to=2025-01-01');
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json<{ fields: Record<string, string[]> }>().fields.to);
      assert.equal((await analyst.get('/api/reports/programme?from=2025-01-01')).statusCode, 400);
      const demoCity = await t.database.db
        .selectFrom('cities')
        .select('id')
        .where('network_id', '!=', fx.networkId)
        .executeTakeFirstOrThrow();
      assert.equal((await analyst.get(`/api/reports/programme?from=2025-01-01&to=2025-06-30&cityId=${demoCity.id}`)).statusCode, 404);
      assert.equal(
        (await analyst.get(`/api/reports/programme?from=2025-01-01&to=2025-06-30&organisationId=${fx.employerId}`)).statusCode,
        400,
      );
    });

    test('only analysts and admins read the dashboard: every other role is refused', async () => {
      const url = `/api/reports/programme?from=${PERIOD.from}&to=${PERIOD.to}`;
      for (const email of [
        'fallmanager@lotse.example',
        'jobcoach@lotse.example',
        'pate@lotse.example',
        'arbeitgeber@lotse.example',
        'datenschutz@lotse.example',
      ]) {
        const client = await t.as(email);
        for (const path of [url, `/api/reports/programme/pdf?from=${PERIOD.from}&to=${PERIOD.to}`, '/api/reports/settings'])
          assert.equal((await client.get(path)).statusCode, 403, `${email} ${path}`);
        const settings = { monthsWithoutBenefits: 1, monthlyAmountPerPerson: 1, monthlyAmountPerHousehold: 1, version: 0 };
        assert.equal((await client.put('/api/reports/settings', settings)).statusCode, 403, `${email} may not set the amounts`);
      }
      assert.equal((await t.anonymous().get(url)).statusCode, 401);
      assert.equal((await (await t.as(fx.caseManagerEmail, OTHER_PASSWORD)).get(url)).statusCode, 403);
      assert.equal((await (await t.as(fx.adminEmail, OTHER_PASSWORD)).get(url)).statusCode, 200);
    });
  });
}
