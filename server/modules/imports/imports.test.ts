import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';

const CSV = [
  'Nachname;Vorname;Geburtsdatum;Geschlecht;Staatsangehörigkeit;Deutsch;Telefon;PLZ;Dolmetscher;Bemerkung',
  'Al-Sayed;Rania;03.04.1991;w;SY;A2;0176 1;42103;ja;kommt montags',
  'Ahmadi;Javad;1988-12-01;m;AF;B1;;42105;nein;',
  'Kovalenko;Olena;15.08.1979;w;UA;keine;;42107;nein;',
  'Al Sayyed;Rania;03.04.1991;w;SY;A2;;;ja;doppelt in der Datei',
].join('\r\n');

for (const kind of testDatabaseKinds()) {
  describe(`import [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let officeId: string;
    let cityId: string;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      officeId = (await demoIds(t.database.db)).org('Fallmanagement Wuppertal');
      cityId = (await t.database.db.selectFrom('cities').select('id').where('name', '=', 'Wuppertal').executeTakeFirstOrThrow()).id;
    });
    after(() => t.close());

    const upload = (client: ApiClient, body: Buffer, contentType = 'text/csv', fileName = 'liste.csv') =>
      client.app.inject({
        method: 'POST',
        url: `/api/imports?officeId=${officeId}&fileName=${encodeURIComponent(fileName)}`,
        headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': contentType },
        payload: body,
      });
    const run = async (client: ApiClient, id: string, settings: Record<string, unknown>) => {
      const res = await client.post(`/api/imports/${id}/run`, settings);
      if (res.statusCode !== 200) return { status: res.statusCode, body: res.json(), lines: [] as Record<string, unknown>[] };
      const lines = res.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      return { status: 200, body: lines.at(-1)!, lines };
    };

    test('a Windows-1252 CSV with semicolons and German dates: suggested mapping, preview with a duplicate in the file, import', async () => {
      const up = await upload(cm, latin1(CSV));
      assert.equal(up.statusCode, 201, up.body);
      const view = up.json();
      assert.equal(view.encoding, 'windows-1252');
      assert.equal(view.rowCount, 4);
      assert.ok(view.columns.includes('Staatsangehörigkeit'), 'umlauts decoded');
      assert.deepEqual(view.suggestedMapping, {
        Nachname: 'familyName',
        Vorname: 'givenNames',
        Geburtsdatum: 'birthDate',
        Geschlecht: 'gender',
        Staatsangehörigkeit: 'nationality',
        Deutsch: 'germanLevel',
        Telefon: 'phone',
        PLZ: 'postcode',
        Dolmetscher: 'interpreterNeeded',
      });

      const settings = { mapping: view.suggestedMapping, cityId, status: 'active' };
      const preview = (await cm.post(`/api/imports/${view.id}/preview`, settings)).json();
      assert.equal(preview.valid, 4);
      assert.equal(preview.duplicates, 1);
      assert.deepEqual(
        preview.problems.map((p: { row: number; duplicateOf: unknown[] }) => [p.row, p.duplicateOf]),
        [[5, [{ participantId: null, row: 2, officeName: null }]]],
      );

      const before = (await cm.get('/api/participants?pageSize=1')).json().total;
      const result = await run(cm, view.id, settings);
      assert.equal(result.status, 200);
      assert.deepEqual(result.body, {
        result: { imported: 3, skippedDuplicates: 1, finishedAt: (result.body as { result: { finishedAt: string } }).result.finishedAt },
      });
      assert.ok(
        result.lines.some((l) => (l.progress as { phase: string } | undefined)?.phase === 'staging'),
        'progress is reported',
      );
      assert.equal((await cm.get('/api/participants?pageSize=1')).json().total, before + 3);
      const rania = (await cm.get('/api/participants?q=Rania%20Al-Sayed')).json().items[0];
      const full = (await cm.get(`/api/participants/${rania.id}`)).json();
      assert.deepEqual(
        [full.birthDate, full.gender, full.nationality, full.germanLevel, full.interpreterNeeded, full.currentCase.status],
        ['1991-04-03', 'female', 'SY', 'A2', true, 'active'],
      );
      const timeline = (await cm.get(`/api/participants/${rania.id}/timeline`)).json();
      assert.equal(timeline[0].kind, 'participant.imported');
      assert.equal((await run(cm, view.id, settings)).status, 409, 'a file is imported once');

      // Imported again as a new upload, every row is now a duplicate of an existing record.
      const again = (await upload(cm, Buffer.from(CSV, 'utf8'))).json();
      assert.equal(again.encoding, 'utf-8');
      const second = (await cm.post(`/api/imports/${again.id}/preview`, settings)).json();
      assert.equal(second.duplicates, 4);
      assert.ok(second.problems[0].duplicateOf[0].participantId);
    });

    test('an XLSX file with a date cell imports too', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Teilnehmende');
      sheet.addRow(['Vorname', 'Nachname', 'Geburtsdatum']);
      sheet.addRow(['Dawit', 'Gebremariam', new Date(Date.UTC(1993, 6, 9))]);
      const up = await upload(
        cm,
        Buffer.from(await workbook.xlsx.writeBuffer()),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'liste.xlsx',
      );
      assert.equal(up.statusCode, 201, up.body);
      assert.deepEqual(up.json().sample, [['Dawit', 'Gebremariam', '1993-07-09']]);
      const result = await run(cm, up.json().id, { mapping: up.json().suggestedMapping, cityId });
      assert.equal((result.body as { result: { imported: number } }).result.imported, 1);
    });

    test('broken files and broken rows get clear messages, and nothing is imported', async () => {
      const broken = await upload(cm, Buffer.from('Vorname;Nachname\n"Amal;Haddad\n'));
      assert.equal(broken.statusCode, 400);
      assert.match(broken.json().fields.file[0], /Quote|quote/);
      assert.equal((await upload(cm, Buffer.from('PK\u0003\u0004garbage', 'latin1'), 'application/octet-stream')).statusCode, 400);
      assert.equal((await upload(cm, Buffer.from('Vorname;Nachname\n'))).statusCode, 400);

      const up = (
        await upload(
          cm,
          Buffer.from(
            'Vorname;Nachname;Geburtsdatum;Geschlecht\nAmal;Haddad;31.02.1990;w\n;Leer;01.01.1990;x\nZaid;Nasser;1990-01-01;unbekannt\n',
          ),
        )
      ).json();
      const settings = { mapping: up.suggestedMapping, cityId };
      const preview = (await cm.post(`/api/imports/${up.id}/preview`, settings)).json();
      assert.equal(preview.invalid, 3);
      assert.deepEqual(
        preview.problems.map((p: { row: number; errors: Record<string, string[]> }) => [p.row, Object.keys(p.errors)]),
        [
          [2, ['birthDate']],
          [3, ['givenNames']],
          [4, ['gender']],
        ],
      );
      const before = (await cm.get('/api/participants?pageSize=1')).json().total;
      const refused = await run(cm, up.id, settings);
      assert.equal(refused.status, 400);
      assert.match((refused.body as { message: string }).message, /3 rows have errors; nothing was imported/);
      assert.equal((await cm.get('/api/participants?pageSize=1')).json().total, before);
      const unmapped = await cm.post(`/api/imports/${up.id}/preview`, { mapping: { Vorname: 'givenNames' }, cityId });
      assert.equal(unmapped.statusCode, 400);
    });

    test('a failure in the middle of the import rolls everything back', async () => {
      const up = (
        await upload(
          cm,
          Buffer.from('Vorname;Nachname;Geburtsdatum\nSara;Yousef;1990-05-05\nFehler;Absichtlich;1991-06-06\nNadia;Hosseini;1992-07-07\n'),
        )
      ).json();
      // A trigger that fails on the second row, standing in for a crash or a constraint.
      await sql`CREATE FUNCTION fail_on_fehler() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.given_names = 'Fehler' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`.execute(t.database.db);
      await sql`CREATE TRIGGER fail_on_fehler BEFORE INSERT ON participants FOR EACH ROW EXECUTE FUNCTION fail_on_fehler()`.execute(
        t.database.db,
      );
      try {
        const before = (await cm.get('/api/participants?pageSize=1')).json().total;
        const result = await run(cm, up.id, { mapping: up.suggestedMapping, cityId });
        assert.equal((result.body as { error: { error: string } }).error.error, 'internal');
        assert.equal((await cm.get('/api/participants?pageSize=1')).json().total, before);
        const found = (await cm.get('/api/participants?q=Sara%20Yousef&pageSize=200')).json().items;
        assert.ok(
          !found.some((p: { givenNames: string; familyName: string }) => p.givenNames === 'Sara' && p.familyName === 'Yousef'),
          'not even the first row',
        );
        const status = await t.database.db.selectFrom('imports').select('status').where('id', '=', up.id).executeTakeFirstOrThrow();
        assert.equal(status.status, 'uploaded', 'the file can be imported once the cause is fixed');
      } finally {
        await sql`DROP TRIGGER fail_on_fehler ON participants`.execute(t.database.db);
        await sql`DROP FUNCTION fail_on_fehler()`.execute(t.database.db);
      }
      const retried = await run(cm, up.id, { mapping: up.suggestedMapping, cityId });
      assert.equal((retried.body as { result: { imported: number } }).result.imported, 3);
    });

    test('only case managers import, only into their office', async () => {
      for (const email of [
        'admin@lotse.example',
        'jobcoach@lotse.example',
        'bericht@lotse.example',
        'datenschutz@lotse.example',
        'fallmanager.solingen@lotse.example',
      ]) {
        const client = await t.as(email);
        assert.equal((await upload(client, Buffer.from(CSV))).statusCode, 403, email);
      }
      const up = (await upload(cm, Buffer.from(CSV))).json();
      const solingen = await t.as('fallmanager.solingen@lotse.example');
      assert.equal((await solingen.post(`/api/imports/${up.id}/preview`, { mapping: up.suggestedMapping, cityId })).statusCode, 404);
      assert.equal((await solingen.post(`/api/imports/${up.id}/run`, { mapping: up.suggestedMapping, cityId })).statusCode, 404);
    });
  });
}

/** The text in Windows-1252, as German Excel saves "CSV (Trennzeichen-getrennt)". */
function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
