import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { buildProgrammeNetwork, FIXTURE_PASSWORD } from '../../../test/support/programme-fixture.ts';
import { pdfFolder, textOf } from '../../pdf/read-back.ts';

// The dashboard's files carry its figures as the route shows them: suppressed counts as "< 5",
// never 0; the PDF in German with the savings' assumptions. Twelve people in two cities.

const QUERY = 'from=2025-01-01&to=2025-12-31';

for (const kind of testDatabaseKinds()) {
  describe(`programme report files (${kind})`, () => {
    let t: TestApp;
    let analyst: ApiClient;
    const pdfs = pdfFolder('lotse-programme-');

    before(async () => {
      t = await startTestApp(kind, { demo: false });
      const fx = await buildProgrammeNetwork(t.database.db, 'programme-files');
      // Seven women, three men, two non-binary people in Remscheid (two small cells, so the women's
      // count need not hide with them); six of the women placed in a job.
      for (let i = 0; i < 12; i++)
        await fx.add({
          name: `Person${i}`,
          gender: i < 7 ? 'female' : i < 10 ? 'male' : 'non_binary',
          birth: '1990-01-01',
          cases: [{ entry: '2025-02-01', placements: i < 6 ? [{ starts: '2025-05-01' }] : [] }],
        });
      analyst = await t.as(fx.analystEmail, FIXTURE_PASSWORD);
    });
    after(async () => {
      pdfs.remove();
      await t.close();
    });

    test('CSV: one table of tables, semicolons in German, "< 5" for a hidden count', async () => {
      const res = await analyst.get(`/api/reports/programme/tables?${QUERY}&format=csv`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-disposition']), /programmbericht-2025-01-01-2025-12-31\.csv/);
      const lines = res.body.replace(/^\uFEFF/, '').split('\n');
      assert.equal(lines[0], 'Tabelle;Merkmal;Anzahl');
      assert.ok(lines.includes('Übersicht;Teilnehmende;12'));
      assert.ok(lines.includes('Übersicht;Vermittelte Personen (erster Arbeitsmarkt);6'));
      assert.ok(lines.includes('Übersicht;Geschätzte Einsparung (€);83736'), '6 × 12 × (563 + 600)');
      assert.ok(lines.includes('Teilnehmende nach Geschlecht;weiblich;7'));
      assert.ok(lines.includes('Teilnehmende nach Geschlecht;männlich;< 5'), 'three men: hidden, not 0');
    });

    test('XLSX in English: a sheet per table', async () => {
      const res = await analyst.request('GET', `/api/reports/programme/tables?${QUERY}&format=xlsx`, undefined, {
        'accept-language': 'en',
      });
      assert.equal(res.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const gender = book.getWorksheet('Gender')!;
      assert.deepEqual((gender.getRow(2).values as unknown[]).slice(1), ['female', 7]);
      assert.deepEqual((gender.getRow(3).values as unknown[]).slice(1), ['male', '< 5']);
      assert.equal(book.getWorksheet('Overview')!.getRow(3).getCell(2).value, 12);
    });

    test('PDF: the programme report in German with figures, savings and assumptions', async () => {
      const res = await analyst.get(`/api/reports/programme/pdf?${QUERY}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const text = textOf(pdfs.save(res.rawPayload, 'report'));
      assert.match(text, /Programmbericht 01\.01\.2025 bis 31\.12\.2025/);
      assert.match(text, /Teilnehmende: 12/);
      assert.match(text, /Vermittlungsquote \(%\): 50/);
      assert.match(text, /6 vermittelte Personen × 12 Monate ohne Leistungen × \(563 € pro Person \+ 600 € pro Haushalt\) = 83\.736 €/);
      assert.match(text, /Regelbedarfsstufe 1, § 20 SGB II/);
      assert.match(text, /weiblich 7 männlich < ?5 nicht-binär < ?5/, 'pdftotext may close up the right-aligned "< 5"');
      assert.doesNotMatch(text, /Person\d/, 'no names');
    });
  });
}
