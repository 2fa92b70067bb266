import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { pdfFolder, textOf } from '../../pdf/read-back.ts';

// "The analyst role gets no person-level data from any route": the analyst calls every GET
// route the app registers, each :param replaced by real ids of every kind from the demo network
// (with its cycle: plans, referrals, appointments), and no answer may contain a participant's
// name, birth date or id, whatever its status. Files (PDF, XLSX) are read back as text first.

/** Every GET route as "/api/x/:id", read from Fastify's own route tree. */
export function getRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]*)\)/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const path = `${depth > 0 ? stack[depth - 1] : ''}${m[2]}`;
    stack[depth] = path;
    stack.length = depth + 1;
    if ((m[3] ?? '').split(', ').includes('GET')) routes.push(path);
  }
  return routes;
}

async function textOfResponse(res: LightMyRequestResponse, pdfs: ReturnType<typeof pdfFolder>, n: number): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('pdf')) return textOf(pdfs.save(res.rawPayload, `r${n}`));
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text)))));
    return values.join(' ');
  }
  return res.body;
}

for (const kind of testDatabaseKinds()) {
  describe(`the analyst gets no person-level data from any route (${kind})`, () => {
    let t: TestApp;
    let analyst: ApiClient;
    let ids: string[];
    let people: { id: string; given_names: string; family_name: string; birth_date: string | null }[];
    const pdfs = pdfFolder('lotse-analyst-');

    before(async () => {
      t = await startTestApp(kind, { demoCycle: true });
      const db = t.database.db;
      const network = await db.selectFrom('networks').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
      people = await db
        .selectFrom('participants')
        .select(['id', 'given_names', 'family_name', 'birth_date'])
        .where('network_id', '=', network.id)
        .execute();
      // One id of every table that has rows of the network: participants, cases, plans, referrals, …
      const tables = await sql<{ table_name: string }>`
        SELECT c1.table_name FROM information_schema.columns c1
        JOIN information_schema.columns c2 ON c2.table_name = c1.table_name AND c2.table_schema = c1.table_schema AND c2.column_name = 'id'
        WHERE c1.table_schema = 'public' AND c1.column_name = 'network_id' ORDER BY 1`.execute(db);
      ids = [network.id];
      for (const { table_name } of tables.rows) {
        const row = await sql<{
          id: string;
        }>`SELECT id::text FROM ${sql.table(table_name)} WHERE network_id = ${network.id} ORDER BY id LIMIT 1`.execute(db);
        if (row.rows[0]) ids.push(row.rows[0].id);
      }
      analyst = await t.as('bericht@lotse.example');
    });
    after(async () => {
      pdfs.remove();
      await t.close();
    });

    test('every GET route, every kind of id: 4xx, or an answer without names, birth dates and participant ids', async () => {
      const routes = getRoutes(t.app.printRoutes({ commonPrefix: false }));
      assert.ok(routes.length > 60, `found ${routes.length} GET routes`);
      for (const expected of ['/api/participants/:id', '/api/reports/programme', '/api/reports/programme/pdf', '/api/reports/esf'])
        assert.ok(routes.includes(expected), `${expected} is among the routes`);
      assert.ok(people.length > 50 && ids.length > 15, 'the fixture has people and ids of many kinds');
      const word = (s: string) => new RegExp(`(^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
      const forbidden = people.flatMap((p) => [
        { what: `id of ${p.given_names}`, test: (s: string) => s.includes(p.id) },
        {
          what: `name ${p.given_names} ${p.family_name}`,
          test: (s: string) => word(p.family_name).test(s) && word(p.given_names.split(' ')[0]!).test(s),
        },
        ...(p.birth_date
          ? [
              {
                what: `birth date ${p.birth_date}`,
                test: (s: string) => s.includes(p.birth_date!) || s.includes(p.birth_date!.split('-').reverse().join('.')),
              },
            ]
          : []),
      ]);
      let calls = 0;
      const answered = new Set<string>();
      for (const route of routes) {
        const paths = route.includes(':') ? ids.map((id) => route.replace(/:[A-Za-z]+/g, id)) : [route.replace('*', 'index.html')];
        for (const path of paths)
          for (const query of ['', '?from=2020-01-01&to=2029-12-31']) {
            const res = await analyst.get(path + query);
            calls++;
            assert.ok(res.statusCode < 500, `${path}${query}: ${res.statusCode}`);
            if (res.statusCode >= 400) continue;
            answered.add(path);
            const text = await textOfResponse(res, pdfs, calls);
            const leak = forbidden.find((f) => f.test(text));
            assert.equal(leak, undefined, `${path}${query} answered ${res.statusCode} with the ${leak?.what}`);
          }
      }
      assert.ok(calls > 500, `${calls} calls`);
      for (const report of ['/api/reports/programme', '/api/reports/programme/pdf', '/api/reports/programme/tables', '/api/reports/esf'])
        assert.ok(answered.has(report), `${report} answered the analyst and was read`);
    });
  });
}
