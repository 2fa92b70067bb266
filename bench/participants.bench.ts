// Participants at realistic size: import of a generated CSV (which also fills the
// database), then fuzzy name search and the filtered list under load.
// PostgreSQL with 100,000 participants in one network; PGlite with 10,000.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE } from '../server/demo/demo-data.ts';
import { loadDemoData } from '../server/demo/seed.ts';
import { createScratchDatabase } from '../test/support/databases.ts';
import { CONNECTIONS, DURATION, load, POSTGRES_URL, type LoadResult } from './load.ts';

/** Seconds of load per single query (the per-query table), one connection. */
const QUERY_SECONDS = Number(process.env.BENCH_QUERY_SECONDS ?? 3);

const MORE_FAMILY_NAMES = [
  'Abdullah',
  'Jafari',
  'Hamdan',
  'Sultani',
  'Berhane',
  'Melnyk',
  'Bondarenko',
  'Ibrahim',
  'Qasim',
  'Rezaei',
  'Zaher',
  'Habibi',
  'Mahmoud',
  'Sharifi',
  'Tkachenko',
  'Yilmaz',
  'Demir',
  'Kaya',
  'Omar',
  'Farah',
];
const SEARCHES = [
  'Muhammad Hasan',
  'Fatma Ahmadi',
  'Jusuf',
  'Olena Kowalenko',
  'khalid',
  'Mariam Al Haddad',
  'Tesfai',
  'Hussein Abdallah',
  'Amal',
  'Schewtschenko',
  'Reza Hosseini',
  'Nour',
  'Karim Mansur',
  'Aisha Osman',
  'Gebremedin',
];

function csv(rows: number): Buffer {
  let seed = 42;
  const next = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const families = [...FAMILY_NAMES, ...MORE_FAMILY_NAMES];
  const lines = ['Vorname;Nachname;Geburtsdatum;Geschlecht;Staatsangehörigkeit;Deutsch;PLZ;Eintritt'];
  for (let i = 0; i < rows; i++) {
    const female = next() < 0.43;
    const birth = new Date(Date.UTC(1960 + Math.floor(next() * 45), Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
    const day = (d: Date) =>
      `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
    const entry = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 1000) * 86400_000);
    lines.push(
      [
        pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE),
        `${pick(families)}${next() < 0.3 ? `-${pick(families)}` : ''}`,
        day(birth),
        female ? 'w' : 'm',
        pick(['SY', 'AF', 'IQ', 'ER', 'UA', 'TR', 'IR']),
        pick(['keine', 'A1', 'A2', 'B1', 'B2', 'C1']),
        String(42000 + Math.floor(next() * 400)),
        day(entry),
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\n'));
}

interface Section {
  database: string;
  participants: number;
  importSeconds: number;
  importMemoryMb: number;
  imported: number;
  skipped: number;
  search: LoadResult;
  list: LoadResult;
  searchSingle: LoadResult;
  listSingle: LoadResult;
  /** Each search (and the list's name filter) alone, one connection. */
  perQuery: { query: string; result: LoadResult; total: string }[];
  /** The machine's load average (1 min) before and after the timed runs: other work on it shows. */
  load: [number, number];
  listGoal: number;
}

async function benchOne(kind: 'postgres' | 'pglite', rows: number): Promise<Section> {
  let database: Database;
  let cleanup = () => Promise.resolve();
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
    database = await openDatabase({ dataDir: dir });
    await migrateToLatest(database.db);
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  } else {
    database = await createScratchDatabase(POSTGRES_URL, 'lotse_bench');
  }
  await loadDemoData(database.db);
  const app = await buildApp({
    db: database.db,
    config: loadConfig({ LOTSE_DEMO_DATA: 'false', LOTSE_SESSION_IDLE_MINUTES: '600' }),
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'fallmanager@lotse.example', password: 'lotse-demo' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, memberships } = (await login.json()) as { csrfToken: string; memberships: { organisationId: string }[] };
  const headers = { cookie, 'x-csrf-token': csrfToken, origin: base };
  const city = await database.db.selectFrom('cities').select('id').where('name', '=', 'Wuppertal').executeTakeFirstOrThrow();

  // Import: upload and run, timed, with the process's resident memory sampled.
  const file = csv(rows);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const upload = (await (
    await fetch(`${base}/api/imports?officeId=${memberships[0]!.organisationId}&fileName=bench.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: new Uint8Array(file),
    })
  ).json()) as { id: string; suggestedMapping: Record<string, string> };
  const run = await fetch(`${base}/api/imports/${upload.id}/run`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ mapping: upload.suggestedMapping, cityId: city.id }),
  });
  const lines = (await run.text()).trim().split('\n');
  const importSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const last = JSON.parse(lines.at(-1)!) as { result?: { imported: number; skippedDuplicates: number }; error?: unknown };
  if (!last.result) throw new Error(`import failed: ${JSON.stringify(last.error)}`);
  process.stdout.write(`[${kind}] imported ${last.result.imported} rows in ${importSeconds.toFixed(1)} s\n`);

  // Residence documents for most people, some expiring soon: what the deadline filter needs.
  // (The database's triggers point each participant at its new document.)
  await sql`
    INSERT INTO residence_statuses (network_id, participant_id, title, work_clause, valid_from, valid_until)
    SELECT network_id, id, (ARRAY['duldung','aufenthaltsgestattung','aufenthaltserlaubnis','temporary_protection'])[1 + abs(hashtext(id::text)) % 4],
      'permission_required', current_date - 200, current_date + (abs(hashtext(id::text || 'u')) % 500) - 30
    FROM participants WHERE abs(hashtext(id::text)) % 10 < 8`.execute(database.db);
  // That update leaves a dead version of 80 % of the participants (and their index entries)
  // until VACUUM. PostgreSQL's autovacuum (on by default) clears them soon after; this
  // machine's server runs without it, so the setup vacuums as autovacuum would.
  // BENCH_NO_VACUUM=1 measures the moment right after the bulk writes instead.
  await sql.raw(process.env.BENCH_NO_VACUUM ? 'ANALYZE' : 'VACUUM ANALYZE').execute(database.db);

  const searchUrls = SEARCHES.map((q) => `${base}/api/participants?q=${encodeURIComponent(q)}&sort=relevance&pageSize=25`);
  const listUrls = [
    `${base}/api/participants?status=active&germanLevel=B1&sort=familyName&pageSize=25`,
    `${base}/api/participants?residenceTitle=duldung&deadlineWithinDays=42&sort=residenceValidUntil&pageSize=25`,
    `${base}/api/participants?sort=entryDate&order=desc&page=40&pageSize=25`,
    `${base}/api/participants?status=active&q=Ahmadi&pageSize=25`,
  ];
  const loadBefore = loadavg()[0]!;
  // One user clicking (latency), then ten at once (throughput on this 2-core machine).
  const searchSingle = await load(searchUrls, cookie, DURATION, 1);
  const listSingle = await load(listUrls, cookie, DURATION, 1);
  process.stdout.write(`[${kind}] one connection: search p95 ${searchSingle.p95} ms, list p95 ${listSingle.p95} ms\n`);
  const search = await load(searchUrls, cookie);
  process.stdout.write(`[${kind}] fuzzy search: ${search.requestsPerSecond} req/s, p95 ${search.p95} ms\n`);
  const list = await load(listUrls, cookie);
  process.stdout.write(`[${kind}] filtered list: ${list.requestsPerSecond} req/s, p95 ${list.p95} ms\n`);
  const perQuery: Section['perQuery'] = [];
  const single = [
    ...SEARCHES.map((q, i) => ({ query: `${q} (relevance)`, url: searchUrls[i]! })),
    { query: 'Ahmadi, status active (family name)', url: listUrls[3]! },
  ];
  for (const { query, url } of single) {
    const page = (await (await fetch(url, { headers: { cookie } })).json()) as { total: number; totalCapped: boolean };
    const result = await load(url, cookie, QUERY_SECONDS, 1);
    perQuery.push({ query, result, total: page.totalCapped ? `> ${page.total}` : String(page.total) });
  }
  const loadAfter = loadavg()[0]!;
  const slowest = perQuery.reduce((a, b) => (b.result.p95 > a.result.p95 ? b : a));
  process.stdout.write(`[${kind}] slowest single query: ${slowest.query}, p95 ${slowest.result.p95} ms\n`);

  const total = await database.db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  await app.close();
  await database.close();
  await cleanup();
  return {
    database: kind === 'pglite' ? 'PGlite (embedded, file)' : 'PostgreSQL 15 (server)',
    participants: Number(total.n),
    importSeconds,
    importMemoryMb: Math.round((peak - baseline) / 1024 / 1024),
    imported: last.result.imported,
    skipped: last.result.skippedDuplicates,
    search,
    list,
    searchSingle,
    listSingle,
    perQuery,
    load: [loadBefore, loadAfter],
    listGoal: kind === 'pglite' ? 100 : 50,
  };
}

export async function benchParticipants(): Promise<string> {
  const sections = [
    await benchOne('postgres', Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)),
    await benchOne('pglite', Number(process.env.BENCH_PGLITE_ROWS ?? 10_000)),
  ];
  const verdict = (value: number, goal: number) =>
    value < goal ? `${value} (goal < ${goal}: met)` : `${value} (goal < ${goal}: **missed**)`;
  const rows = sections.flatMap((s) => [
    `| ${s.database} | ${s.participants} | fuzzy name search (15 transliterated names in turn) | 1 | ${s.searchSingle.requestsPerSecond} | ${s.searchSingle.p50} | ${verdict(s.searchSingle.p95, s.listGoal)} | ${s.searchSingle.errors} |`,
    `| ${s.database} | ${s.participants} | filtered list (4 filter/sort combinations in turn) | 1 | ${s.listSingle.requestsPerSecond} | ${s.listSingle.p50} | ${verdict(s.listSingle.p95, s.listGoal)} | ${s.listSingle.errors} |`,
    `| ${s.database} | ${s.participants} | fuzzy name search | ${CONNECTIONS} | ${s.search.requestsPerSecond} | ${s.search.p50} | ${s.search.p95} | ${s.search.errors} |`,
    `| ${s.database} | ${s.participants} | filtered list | ${CONNECTIONS} | ${s.list.requestsPerSecond} | ${s.list.p50} | ${s.list.p95} | ${s.list.errors} |`,
  ]);
  const queries = sections.flatMap((s) =>
    s.perQuery.map(
      (q) =>
        `| ${s.database} | ${q.query} | ${q.total} | ${q.result.requestsPerSecond} | ${q.result.p50} | ${verdict(q.result.p95, s.listGoal)} | ${q.result.errors} |`,
    ),
  );
  const imports = sections.map(
    (s) =>
      `| ${s.database} | ${s.imported + s.skipped} | ${s.imported} | ${s.skipped} | ${verdict(Math.round(s.importSeconds * 10) / 10, 30)} | ${s.importMemoryMb} |`,
  );
  return `## Participants: import, fuzzy search, filtered list

The import file is generated (names from 35 family and 30 given names, so likely duplicates occur as they do in real
lists), uploaded and run through the API as the web app does: validation of every row, the duplicate check against
the network and within the file, one transaction. Memory is the growth of the whole process's resident set during the
import, sampled every 50 ms; on PGlite that includes the embedded database itself. Then ${DURATION} s of load per row with
${CONNECTIONS} connections, logged in as a case manager whose office holds all imported people; each list call also
writes its audit row.

| database | rows in file | imported | skipped as likely duplicates | seconds | memory growth MB |
| --- | ---: | ---: | ---: | ---: | ---: |
${imports.join('\n')}

| database | participants | query | connections | req/s | p50 ms | p95 ms | errors |
| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

${process.env.BENCH_NO_VACUUM ? 'With BENCH_NO_VACUUM=1: measured right after the bulk writes, before any VACUUM. ' : 'The setup vacuums the tables after its bulk writes, as autovacuum (on by default, off on this server) does soon after. '}Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); load average (1 min) before and after the timed runs:
${sections.map((s) => `${s.database} ${s.load.map((l) => l.toFixed(1)).join(' / ')}`).join(', ')}.

Each search alone (${QUERY_SECONDS} s, one connection), with the total the list shows (\`> 1000\`: \`totalCapped\`):

| database | query | hits | req/s | p50 ms | p95 ms | errors |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${queries.join('\n')}
`;
}
