// The programme dashboard at scale: 1,000,000 participants in 100 networks on PostgreSQL (10,000
// per network), with their cases, intakes, plans, referrals, proposals and placements generated
// in SQL. Then the dashboard of one network over the HTTP API as the analyst calls it (counting,
// suppression and the audit row), for the whole network, one city, one partner and as the PDF.
// BENCH_REPORTS_PARTICIPANTS and BENCH_REPORTS_NETWORKS make a quick smoke run smaller.
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/database.ts';
import { hashPassword } from '../server/modules/auth/passwords.ts';
import { ApiClient } from '../test/support/app.ts';
import { createScratchDatabase } from '../test/support/databases.ts';
import { POSTGRES_URL } from './load.ts';

const PARTICIPANTS = Number(process.env.BENCH_REPORTS_PARTICIPANTS ?? 1_000_000);
const NETWORKS = Number(process.env.BENCH_REPORTS_NETWORKS ?? 100);
const RUNS = Number(process.env.BENCH_REPORTS_RUNS ?? 10);
const GOAL_MS = 2_000;
const PASSWORD = 'bench-reports-password';

/** Networks with three cities, an office in each, three partners, two employers, two funding periods. */
export async function generateNetworks(db: Db) {
  await sql`INSERT INTO networks (slug, name) SELECT 'bench-' || n, 'Bench ' || n FROM generate_series(1, ${NETWORKS}::int) n`.execute(db);
  await sql`INSERT INTO cities (network_id, name) SELECT id, c FROM networks, unnest(ARRAY['Wuppertal', 'Solingen', 'Remscheid']) c`.execute(
    db,
  );
  await sql`
    INSERT INTO organisations (network_id, kind, name, city_id)
    SELECT network_id, 'case_management_office', 'Fallmanagement ' || name, id FROM cities
    UNION ALL SELECT id, 'partner', 'Partner ' || k, NULL FROM networks, generate_series(1, 3) k
    UNION ALL SELECT id, 'employer', 'Arbeitgeber ' || k, NULL FROM networks, generate_series(1, 2) k`.execute(db);
  await sql`
    INSERT INTO funding_periods (network_id, name, starts_on, ends_on)
    SELECT id, 'Periode 1', date '2023-01-01', date '2024-06-30' FROM networks
    UNION ALL SELECT id, 'Periode 2', date '2024-07-01', date '2026-12-31' FROM networks`.execute(db);
  await sql`
    INSERT INTO vacancies (network_id, employer_id, kind, title)
    SELECT network_id, id, 'job', 'Stelle ' || k FROM organisations, generate_series(1, 10) k WHERE kind = 'employer'`.execute(db);
}

/** Per network: people in the three offices; one case each (a tenth come back for a second), half of them closed. */
export async function generatePeople(db: Db) {
  const perNetwork = Math.floor(PARTICIPANTS / NETWORKS);
  await sql`
    WITH nets AS (
      SELECT network_id, array_agg(id ORDER BY name) AS offices FROM organisations WHERE kind = 'case_management_office' GROUP BY network_id
    )
    INSERT INTO participants (network_id, office_id, given_names, family_name, birth_date, gender, german_level)
    SELECT network_id, offices[1 + i % 3], 'Person', 'Nummer ' || i, date '1960-01-01' + (i * 37) % 20000,
           (ARRAY['female', 'male', 'male', 'female', 'non_binary', 'not_stated', 'female', 'male'])[1 + i % 8],
           (ARRAY['none', 'A1', 'A2', 'B1', 'B2', 'C1'])[1 + i % 6]
    FROM nets, generate_series(1, ${perNetwork}::int) i`.execute(db);
  await sql`
    WITH periods AS (SELECT network_id, array_agg(id ORDER BY name) AS ids FROM funding_periods GROUP BY network_id),
    people AS (
      SELECT p.id, p.network_id, p.office_id, o.city_id, abs(hashtext(p.id::text)) AS h FROM participants p JOIN organisations o ON o.id = p.office_id
    ),
    spells AS (
      SELECT *, date '2023-01-01' + h % 1400 AS entry, 1 AS spell FROM people
      UNION ALL SELECT *, date '2023-01-01' + h % 1400 + 500, 2 FROM people WHERE h % 10 = 0
    )
    INSERT INTO cases (network_id, participant_id, office_id, status, city_id, funding_period_id, entry_date, exit_date)
    SELECT s.network_id, s.id, s.office_id, CASE WHEN (h + spell) % 2 = 0 THEN 'closed' ELSE 'active' END, s.city_id,
           periods.ids[CASE WHEN entry < date '2024-07-01' THEN 1 ELSE 2 END], entry,
           CASE WHEN (h + spell) % 2 = 0 THEN entry + 30 + h % 370 END
    FROM spells s JOIN periods USING (network_id)`.execute(db);
}

/** The cycle's stages: intakes (90 %), plans (60 %), referrals (40 %), proposals (20 %), placements (45 %). */
export async function generateStages(db: Db) {
  await sql`
    INSERT INTO intakes (network_id, participant_id, case_id, conducted_on)
    SELECT network_id, participant_id, id, entry_date FROM cases WHERE abs(hashtext(id::text)) % 10 < 9`.execute(db);
  await sql`
    INSERT INTO plan_versions (network_id, participant_id, case_id, number, state, discussed_on, finalised_at)
    SELECT network_id, participant_id, id, 1, 'current', entry_date + 14, entry_date + 14 FROM cases WHERE abs(hashtext(id::text)) % 10 < 6`.execute(
    db,
  );
  await sql`
    WITH partners AS (SELECT network_id, array_agg(id) AS ids FROM organisations WHERE kind = 'partner' GROUP BY network_id)
    INSERT INTO referrals (network_id, participant_id, case_id, partner_organisation_id, state, starts_on, ends_on, categories, contact_name, sent_at)
    SELECT c.network_id, participant_id, c.id, ids[1 + abs(hashtext(c.id::text)) % 3], 'accepted', entry_date + 20, entry_date + 200,
           '{contact}', 'Fallmanagement', entry_date + 20
    FROM cases c JOIN partners USING (network_id) WHERE abs(hashtext(c.id::text)) % 10 < 4`.execute(db);
  await sql`
    WITH jobs AS (SELECT network_id, array_agg(id) AS ids, array_agg(employer_id) AS employers FROM vacancies GROUP BY network_id),
    first_cases AS (SELECT DISTINCT ON (participant_id) * FROM cases ORDER BY participant_id, entry_date)
    INSERT INTO proposals (network_id, vacancy_id, employer_id, participant_id, office_id, stage, stage_on, created_at)
    SELECT c.network_id, ids[1 + h % 20], employers[1 + h % 20], participant_id, office_id, 'applied', entry_date + 40, entry_date + 40
    FROM (SELECT *, abs(hashtext(id::text)) AS h FROM first_cases) c JOIN jobs USING (network_id) WHERE h % 10 < 2`.execute(db);
  await sql`
    WITH first_cases AS (SELECT DISTINCT ON (participant_id) *, abs(hashtext(id::text)) AS h FROM cases ORDER BY participant_id, entry_date)
    INSERT INTO placements (network_id, participant_id, case_id, office_id, kind, first_labour_market, starts_on, occupation)
    SELECT network_id, participant_id, id, office_id,
           (ARRAY['employment', 'employment', 'apprenticeship', 'marginal_employment', 'self_employment'])[1 + h % 5],
           h % 13 <> 0, entry_date + 60 + h % 340, 'Lagerlogistik'
    FROM first_cases WHERE h % 20 < 9`.execute(db);
}

async function time(runs: number, fn: () => Promise<{ statusCode: number }>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await fn();
    ms.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!;
  return { p50: at(50), p95: at(95), max: ms[ms.length - 1]! };
}

export async function benchReports(): Promise<string> {
  const database = await createScratchDatabase(POSTGRES_URL, 'lotse_bench_reports');
  try {
    const db = database.db;
    const started = performance.now();
    console.log(`generating ${PARTICIPANTS.toLocaleString('en')} participants in ${NETWORKS} networks`);
    await generateNetworks(db);
    await generatePeople(db);
    await generateStages(db);
    await sql`ANALYZE`.execute(db);
    const generated = (performance.now() - started) / 1000;
    const count = async (table: 'participants' | 'cases' | 'placements' | 'referrals') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const totals = {
      participants: await count('participants'),
      cases: await count('cases'),
      placements: await count('placements'),
      referrals: await count('referrals'),
    };

    // The analyst of one network, logged in through the API.
    const network = await db.selectFrom('networks').select('id').where('slug', '=', 'bench-1').executeTakeFirstOrThrow();
    const user = await db
      .insertInto('users')
      .values({
        network_id: network.id,
        email: 'analyst@bench.example',
        display_name: 'Analyst',
        password_hash: await hashPassword(PASSWORD),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ network_id: network.id, user_id: user.id, organisation_id: null, role: 'analyst' })
      .execute();
    const app = await buildApp({ db, config: loadConfig({ LOTSE_DEMO_DATA: 'false', LOTSE_SESSION_IDLE_MINUTES: '600' }), logger: false });
    await app.ready();
    const analyst = new ApiClient(app);
    await analyst.login('analyst@bench.example', PASSWORD);
    const city = await db.selectFrom('cities').select('id').where('network_id', '=', network.id).executeTakeFirstOrThrow();
    const partner = await db
      .selectFrom('organisations')
      .select('id')
      .where('network_id', '=', network.id)
      .where('kind', '=', 'partner')
      .executeTakeFirstOrThrow();
    const period = 'from=2023-01-01&to=2026-12-31';
    await analyst.get(`/api/reports/programme?${period}`); // warm-up
    const rows: [string, Awaited<ReturnType<typeof time>>][] = [];
    for (const [label, url] of [
      ['dashboard, whole network, 2023–2026', `/api/reports/programme?${period}`],
      ['dashboard, one city', `/api/reports/programme?${period}&cityId=${city.id}`],
      ['dashboard, one partner', `/api/reports/programme?${period}&organisationId=${partner.id}`],
      ['dashboard, one year', '/api/reports/programme?from=2025-01-01&to=2025-12-31'],
      ['programme report PDF', `/api/reports/programme/pdf?${period}`],
      ['tables as XLSX', `/api/reports/programme/tables?${period}&format=xlsx`],
    ] as const) {
      console.log(label);
      rows.push([label, await time(RUNS, () => analyst.get(url))]);
    }
    await app.close();

    const f = (ms: number) => Math.round(ms).toLocaleString('en');
    const verdict = (ms: number) => (ms < GOAL_MS ? 'met' : '**missed**');
    return `## Programme dashboard (PostgreSQL)

${totals.participants.toLocaleString('en')} participants in ${NETWORKS} networks (${totals.cases.toLocaleString('en')} cases,
${totals.referrals.toLocaleString('en')} referrals, ${totals.placements.toLocaleString('en')} placements, with intakes, plans and
proposals), generated in SQL in ${Math.round(generated)} s. Each request is the analyst's of one network
(${Math.floor(totals.participants / NETWORKS).toLocaleString('en')} people) through the HTTP API in-process, one at a time, ${RUNS} runs:
counting, suppression and the audit row. Goal: under ${GOAL_MS / 1000} s per dashboard request.
Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}).

| request | p50 ms | p95 ms | max ms | goal |
| --- | ---: | ---: | ---: | --- |
${rows.map(([label, r]) => `| ${label} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${verdict(r.p95)} |`).join('\n')}
`;
  } finally {
    await database.close();
  }
}
