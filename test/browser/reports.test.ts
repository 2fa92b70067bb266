import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { ProgrammeReport } from '../../server/modules/reports/programme.schemas.ts';
import { textOf } from '../../server/pdf/read-back.ts';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// The analyst opens the reports, sets the period to the demo's years, sees the dashboard's
// figures and charts (axe finds nothing), downloads the tables as XLSX and the programme
// report as PDF and finds the same figures in both, the PDF in German.

const FROM = '2024-01-01';
const TO = '2026-12-31';

describe('the analyst’s programme dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let expected: ProgrammeReport;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await (await newContext(browser, server)).newPage();
    await logIn(page, DEMO_USERS.analyst);
    expected = (await (await page.request.get(`/api/reports/programme?from=${FROM}&to=${TO}`)).json()) as ProgrammeReport;
    assert.ok((expected.participants ?? 0) > 50, 'the demo network has its participants in the period');
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  test('the dashboard shows the figures with charts and tables, accessibly', async () => {
    await page.getByRole('link', { name: 'Auswertungen', exact: true }).click();
    await page.getByRole('heading', { name: 'Programmbericht' }).waitFor();
    // The ESF+ section below has its own period fields: these are the dashboard's.
    const dashboard = page.getByRole('region', { name: 'Programmbericht' });
    await dashboard.getByLabel('Von').fill(FROM);
    await dashboard.getByLabel('Bis').fill(TO);
    const total = page.getByText('Teilnehmende', { exact: true }).first().locator('xpath=following-sibling::*[1]');
    await page.waitForFunction((n) => document.body.innerText.includes(n), new Intl.NumberFormat('de-DE').format(expected.participants!));
    assert.equal((await total.innerText()).trim(), new Intl.NumberFormat('de-DE').format(expected.participants!));
    // Entries per month and the funnel are drawn (recharts SVG), with their tables beside them.
    await page.locator('.recharts-surface').first().waitFor();
    assert.ok((await page.locator('.recharts-surface').count()) >= 2, 'two drawn charts');
    for (const title of [
      'Eintritte nach Monat',
      'Verlauf: erreichte Stufen (Personen)',
      'Nach Geschlecht',
      'Nach Stadt',
      'Vermittlungsquote nach Stadt',
    ])
      assert.ok(await page.getByText(title, { exact: true }).first().isVisible(), title);
    await page.getByText('Als Tabelle').first().click();
    const firstMonth = page.getByRole('rowheader', { name: /Jan\. 2024|Januar 2024/ });
    assert.ok(await firstMonth.isVisible(), 'the table of entries per month opens');
    assert.match(await page.locator('main').innerText(), /Annahmen \(noch nicht vom Netzwerk festgelegt\)/);
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  test('the tables download as XLSX with the dashboard’s figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tabellen als XLSX' }).click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^programmbericht-${FROM}-${TO}\\.xlsx$`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const overview = book.getWorksheet('Übersicht')!;
    const value = (label: string) => overview.getColumn(1).values.indexOf(label);
    assert.equal(overview.getCell(value('Teilnehmende'), 2).value, expected.participants);
    const cities = book.getWorksheet('Stadt')!;
    const rows = cities.getSheetValues().slice(2) as unknown as [undefined, string, number | string][];
    assert.deepEqual(
      rows.map(([, city, count]) => [city, count]),
      expected.byCity.map((c) => [c.key, c.count ?? `< ${expected.threshold}`]),
    );
    const sum = expected.byCity.reduce((s, c) => s + (c.count ?? 0), 0);
    if (expected.byCity.every((c) => c.count !== null)) assert.equal(sum, expected.participants, 'the cities sum to the network');
  });

  test('the programme report downloads as a German PDF with the same figures', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Programmbericht als PDF' }).click(),
    ]);
    const text = textOf(await download.path());
    assert.match(text, /Programmbericht 01\.01\.2024 bis 31\.12\.2026/);
    assert.match(text, new RegExp(`Teilnehmende: ${expected.participants}`));
    assert.match(text, /Geschätzte Einsparungen für den kommunalen Haushalt/);
    assert.match(text, /Annahmen: Das Netzwerk hat noch keine eigenen Beträge festgelegt/);
    assert.match(text, /Teilnehmende nach Stadt/);
    for (const city of expected.byCity) assert.ok(text.includes(city.key), city.key);
    assert.match(text, /Seite 1 von \d/);
  });
});
