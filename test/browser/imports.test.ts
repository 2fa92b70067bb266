import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// The case manager imports a list kept in a spreadsheet (saved as Windows-1252 CSV),
// corrects a broken row after the preview, leaves a likely duplicate out and finds an
// imported person in the list; and she reviews the office's likely duplicates.

/** A CSV file as Excel on Windows saves it: semicolons, Windows-1252 (ü is one byte, 0xFC). */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => c.charCodeAt(0)));
}

const HEADER = 'Vorname;Nachname;Geburtsdatum\r\n';
const ROWS = ['Jürgen;Schütz;1985-02-03', 'Mohammed;Al-Hassan;1989-03-14', 'Leyla;Karimi;1998-12-01'];

describe('import and duplicates', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function assertNoViolations(page: Page, where: string) {
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
  }

  async function uploadCsv(page: Page, rows: string[]) {
    await page.getByLabel('Datei', { exact: true }).setInputFiles({
      name: 'liste.csv',
      mimeType: 'text/csv',
      buffer: windows1252(HEADER + rows.join('\r\n') + '\r\n'),
    });
    await page.getByRole('button', { name: 'Hochladen', exact: true }).click();
    await page.getByRole('table', { name: 'Spalten der Datei und Felder in Lotse' }).waitFor();
  }

  test('upload, fix a broken row, preview the duplicate, run with progress, find the imported person', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Import' }).click();
    await page.locator('main h1', { hasText: 'Teilnehmende importieren' }).waitFor();
    await assertNoViolations(page, 'the import wizard: upload');

    await uploadCsv(page, [...ROWS, 'Amal;Haddad;31.02.1990']);
    await page.getByText('Zeichenkodierung: windows-1252').waitFor();
    await page.getByRole('cell', { name: /Jürgen/ }).waitFor();
    assert.equal(await page.getByLabel('Feld für die Spalte Nachname').inputValue(), 'familyName');
    await page.getByLabel('Stadt').selectOption({ label: 'Wuppertal' });
    await assertNoViolations(page, 'the import wizard: mapping');
    await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
    await page.getByText('1 fehlerhafte Zeile').waitFor();
    await page
      .getByRole('row', { name: /^5 / })
      .getByText(/Geburtsdatum/)
      .waitFor();
    assert.ok(await page.getByRole('button', { name: /importieren$/ }).isDisabled());
    await assertNoViolations(page, 'the import wizard: preview with errors');

    // The corrected file: the broken date fixed.
    await page.getByRole('button', { name: 'Korrigierte Datei hochladen' }).click();
    await uploadCsv(page, [...ROWS, 'Amal;Haddad;1990-02-28']);
    await page.getByLabel('Stadt').selectOption({ label: 'Wuppertal' });
    await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
    await page.getByText('1 mögliche Dublette').waitFor();
    await page.getByText('0 fehlerhafte Zeilen').waitFor();
    await page.getByLabel('Zeile 3 trotzdem importieren').waitFor();
    await assertNoViolations(page, 'the import wizard: preview with a duplicate');
    await page.getByRole('button', { name: '3 Personen importieren' }).click();

    const bar = page.getByRole('progressbar', { name: /Fortschritt des Imports/ });
    await bar.waitFor();
    await page.getByText('3 Personen importiert.').waitFor();
    assert.equal(await bar.getAttribute('aria-valuenow'), '100');
    await page.getByText('1 mögliche Dublette übersprungen.').waitFor();
    await assertNoViolations(page, 'the import wizard: result');

    await page.goto('/participants');
    await page.getByLabel('Suche').fill('Schütz');
    await page.locator('main tbody tr', { hasText: 'Jürgen' }).getByRole('link', { name: 'Schütz' }).waitFor();
    await context.close();
  });

  test('the duplicates review: the demo pair, a field choice, and the merge', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.goto('/duplicates');
    const pair = page.getByRole('article', { name: /Hassan und .*Hassan/ }).first();
    await pair.waitFor();
    await assertNoViolations(page, 'the duplicates page');
    await pair.getByRole('button', { name: 'Zusammenführen' }).click();
    await pair.getByRole('table', { name: /Abweichende Angaben/ }).waitFor();
    await assertNoViolations(page, 'the merge preview');
    // The given names are taken from the record that goes away.
    const other = pair.getByRole('radio', { name: /^Vornamen: / }).nth(1);
    const givenNames = (await other.getAttribute('aria-label'))!.replace('Vornamen: ', '');
    await other.check();
    await pair.getByRole('button', { name: /zusammenführen$/ }).click();
    await page.getByText('Die Einträge sind zusammengeführt.').waitFor();
    const found = (await (await page.request.get('/api/participants?q=Hassan&pageSize=50')).json()) as {
      items: { givenNames: string; birthDate: string }[];
    };
    const same = found.items.filter((p) => p.birthDate === '1989-03-14');
    assert.deepEqual(
      same.map((p) => p.givenNames),
      [givenNames],
    );
    await context.close();
  });
});
