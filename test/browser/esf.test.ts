import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { EsfReport } from '../../server/modules/reports/esf.schemas.ts';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// The ESF+ journey: the case manager closes a case and records in the case file's Leaving tab
// that the person is looking for work; the analyst opens the reports page, chooses the period,
// sees every figure with its gender breakdown ("< 5" where hidden), follows a figure's rule
// link to the rules page, and finds the CSV and XLSX downloads. Then the same in English.

describe('ESF+ indicators: situation on leaving and the report', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  async function noViolations(page: Page, where: string) {
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
  }

  test('the case manager records the situation on leaving of a closed case', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const list = (await (await page.request.get('/api/participants?pageSize=50')).json()) as { items: { id: string }[] };
    let target: { id: string; caseId: string } | null = null;
    for (const item of list.items) {
      const person = (await (await page.request.get(`/api/participants/${item.id}`)).json()) as {
        currentCase: { id: string; status: string; version: number; entryDate: string | null } | null;
      };
      const c = person.currentCase;
      if (c && c.status === 'active' && c.entryDate) {
        const closed = await page.request.patch(`/api/cases/${c.id}`, {
          data: { status: 'closed', exitDate: new Date().toISOString().slice(0, 10), exitReason: 'other', version: c.version },
          headers: { 'x-csrf-token': me.csrfToken },
        });
        assert.ok(closed.ok(), await closed.text());
        target = { id: item.id, caseId: c.id };
        break;
      }
    }
    assert.ok(target, 'an active case of the Wuppertal office');
    await page.goto(`/participants/${target.id}?tab=leaving`);
    await page.getByRole('heading', { name: 'Situation nach dem Austritt' }).waitFor();
    await page.getByText('Noch nicht erfasst').waitFor();
    await page.getByLabel('Arbeitsuchend (gemeldet oder aktiv auf Suche)').check();
    await noViolations(page, 'the Leaving tab');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert' }).waitFor();
    const saved = (await (await page.request.get(`/api/cases/${target.caseId}/leaving-situation`)).json()) as {
      situation: { jobSearching: boolean; inEducationOrTraining: boolean } | null;
    };
    assert.deepEqual([saved.situation?.jobSearching, saved.situation?.inEducationOrTraining], [true, false]);
    await context.close();
  });

  test('the analyst reads the ESF+ figures by gender, follows a rule and finds the downloads', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.analyst);
    await page.goto('/reports');
    const section = page.locator('section[aria-labelledby="esf-title"]');
    await section.getByRole('heading', { name: 'ESF+-Indikatoren' }).waitFor();
    await section.getByLabel('Von').fill('2020-01-01');
    await section.getByLabel('Bis').fill('2030-12-31');
    const table = section.getByRole('table', { name: 'Erwerbsstatus bei Eintritt' });
    await table.waitFor();
    const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
    assert.deepEqual(headers, ['Indikator', 'Bezeichnung', 'Insgesamt', 'Frauen', 'Männer', 'Nicht-binär', 'Nicht angegeben', 'Regel']);
    // The page shows what the server computed: every figure's row with its five cells.
    const report = (await (await page.request.get('/api/reports/esf?from=2020-01-01&to=2030-12-31')).json()) as EsfReport;
    const unemployed = report.entrants.labourMarket[0]!;
    const row = table.locator('tbody tr').first();
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    const shown = (n: number | null) => (n === null ? '< 5' : n.toLocaleString('de-DE'));
    assert.deepEqual(cells.slice(0, 6), [
      'EECO02',
      shown(unemployed.count),
      shown(unemployed.byGender.female),
      shown(unemployed.byGender.male),
      shown(unemployed.byGender.non_binary),
      shown(unemployed.byGender.not_stated),
    ]);
    const figures = [...Object.values(report.entrants), ...Object.values(report.leavers)].flat();
    assert.equal(await section.getByRole('link', { name: /^Regel für / }).count(), figures.length, 'a rule link per figure');
    assert.match(
      (await section.getByRole('link', { name: 'CSV herunterladen' }).getAttribute('href')) ?? '',
      /^\/api\/reports\/esf\.csv\?from=2020-01-01&to=2030-12-31&language=de$/,
    );
    assert.match((await section.getByRole('link', { name: 'XLSX herunterladen' }).getAttribute('href')) ?? '', /esf\.xlsx\?/);
    await noViolations(page, 'the reports page with the ESF+ section');

    await section.getByRole('link', { name: 'Regel für EECO03' }).click();
    await page.waitForURL((url) => url.pathname === '/reports/esf-rules' && url.hash === '#eeco03');
    const rule = page.locator('#eeco03');
    await rule.waitFor();
    assert.match(await rule.innerText(), /long-term unemployed/);
    await noViolations(page, 'the rules page');
    await context.close();
  });

  test('in English on a phone, without axe violations', async () => {
    const context = await newContext(browser, server, { locale: 'en-GB', width: 390 });
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.analyst);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await page.getByLabel('Sprache').selectOption('en');
    await saved;
    await page.goto('/reports');
    const section = page.locator('section[aria-labelledby="esf-title"]');
    await section.getByRole('heading', { name: 'ESF+ indicators' }).waitFor();
    const table = section.getByRole('table', { name: 'Results after leaving' });
    await table.waitFor();
    assert.ok((await table.innerText()).includes('Engaged in job searching upon leaving'));
    assert.ok((await table.locator('thead').innerText()).includes('Women'));
    await noViolations(page, 'the reports page in English on a phone');
    await context.close();
  });
});
