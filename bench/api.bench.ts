// Throughput and latency of Lotse's API on both databases, beside a bare Fastify
// handler that runs the same SQL (no session hook, no schemas, no audit), so the cost
// of Lotse's own layers is visible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { CompiledQuery } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { loadDemoData } from '../server/demo/seed.ts';
import { sessionIdOf } from '../server/modules/auth/auth.service.ts';
import { createScratchDatabase } from '../test/support/databases.ts';
import { CONNECTIONS, DURATION, load, POSTGRES_URL } from './load.ts';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1500);

interface Result {
  database: string;
  server: string;
  endpoint: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** The same statements the API runs for the two endpoints, as plain SQL. */
async function bareServer(database: Database) {
  const app = Fastify({ logger: false });
  const run = (text: string, params: unknown[]) => database.db.executeQuery(CompiledQuery.raw(text, params));
  app.get('/me', async (request) => {
    const token = /lotse_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? '';
    const session = (
      await run(
        `select s.user_id, s.network_id, s.csrf_token from sessions s join users u on u.id = s.user_id where s.id = $1 and u.status = 'active' and s.expires_at > now()`,
        [sessionIdOf(token)],
      )
    ).rows[0] as { user_id: string; network_id: string };
    const memberships = (await run('select role, organisation_id from memberships where user_id = $1 order by role', [session.user_id]))
      .rows;
    const user = (
      await run(
        'select u.id, u.email, u.display_name, u.locale, u.version, n.slug, n.name from users u join networks n on n.id = u.network_id where u.id = $1',
        [session.user_id],
      )
    ).rows[0];
    const orgs = (
      await run('select id, name from organisations where network_id = $1 and id = any($2)', [
        session.network_id,
        memberships.map((m) => (m as { organisation_id: string }).organisation_id).filter(Boolean),
      ])
    ).rows;
    return { user, memberships, orgs };
  });
  app.get('/participants', async (request) => {
    const token = /lotse_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? '';
    const session = (await run('select user_id, network_id from sessions where id = $1', [sessionIdOf(token)])).rows[0] as {
      user_id: string;
      network_id: string;
    };
    const offices = (
      await run(`select organisation_id from memberships where user_id = $1 and role = 'case_manager'`, [session.user_id])
    ).rows.map((r) => (r as { organisation_id: string }).organisation_id);
    // The list's statements since decision 0010: list columns on participants, a count capped at 1,001.
    const from = `from participants p join organisations o on o.id = p.office_id
      left join cities ci on ci.id = p.case_city_id left join users cm on cm.id = p.case_manager_id
      where p.network_id = $1 and p.office_id = any($2) and p.merged_into is null`;
    const items = (
      await run(
        `select p.id, p.given_names, p.family_name, p.preferred_name, p.birth_date, p.gender, p.german_level, p.office_id, o.name, ci.name,
          p.case_status, p.case_entry_date, cm.display_name, p.residence_title, p.residence_valid_until ${from}
          order by p.family_name asc nulls last, p.family_name, p.id limit 25`,
        [session.network_id, offices],
      )
    ).rows;
    const total = (await run(`select count(*) from (select 1 ${from} limit 1001) matches`, [session.network_id, offices])).rows[0];
    return { items, total };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

async function benchDatabase(kind: 'pglite' | 'postgres'): Promise<Result[]> {
  let database: Database;
  let cleanup = () => Promise.resolve();
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
    database = await openDatabase({ dataDir: dir });
    await migrateToLatest(database.db);
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  } else {
    // close() drops the scratch database.
    database = await createScratchDatabase(POSTGRES_URL, 'lotse_bench');
  }
  process.stdout.write(`[${kind}] loading demo network with ${PARTICIPANTS} participants… `);
  await loadDemoData(database.db, { participants: PARTICIPANTS });
  console.log('done');

  const app = await buildApp({
    db: database.db,
    config: loadConfig({ LOTSE_DEMO_DATA: 'false', LOTSE_SESSION_IDLE_MINUTES: '600' }),
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = await bareServer(database);
  const login = await fetch(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'fallmanager@lotse.example', password: 'lotse-demo' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const lotse = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const plain = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const results: Result[] = [];
  for (const [server, endpoint, url] of [
    ['Lotse', 'GET /api/me', `${lotse}/api/me`],
    ['bare Fastify + same SQL', 'GET /api/me', `${plain}/me`],
    ['Lotse', 'GET /api/participants (25 of the office, audited)', `${lotse}/api/participants?pageSize=25`],
    ['bare Fastify + same SQL', 'GET /api/participants (25 of the office, audited)', `${plain}/participants`],
  ] as const) {
    process.stdout.write(`[${kind}] ${server}: ${endpoint}… `);
    const r = {
      database: kind === 'pglite' ? 'PGlite (embedded, file)' : 'PostgreSQL 15 (server)',
      server,
      endpoint,
      ...(await load(url, cookie)),
    };
    console.log(`${r.requestsPerSecond} req/s, p95 ${r.p95} ms`);
    results.push(r);
  }
  await bare.close();
  await app.close();
  await database.close();
  await cleanup();
  return results;
}

export async function benchApi(): Promise<string> {
  const results = [...(await benchDatabase('pglite')), ...(await benchDatabase('postgres'))];
  const rows = results.map(
    (r) => `| ${r.database} | ${r.endpoint} | ${r.server} | ${r.requestsPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`,
  );
  return `## Foundation: /api/me and the participants list against a bare handler

${DURATION} s per row, ${CONNECTIONS} connections, the demo network with ${PARTICIPANTS} participants, logged in as the
Wuppertal case manager (${Math.round(PARTICIPANTS * (2 / 3))} participants in her office).

"bare Fastify + same SQL" runs the statements the endpoint runs, over the same connection pool, without the
session hook, schema validation, serialisation or the audit row; the difference is the cost of those layers.
The participants list writes an audit row (a transaction with a row lock on the network's chain head) on every call;
the bare handler does not.

| database | endpoint | server | req/s | p50 ms | p95 ms | p99 ms | errors |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
}
