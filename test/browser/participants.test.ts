import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// The case manager works through the participants of her office: filters, sorts,
// opens a case file. The office in Solingen sees only its own people. The data
// protection officer finds the reading of the case file in the audit log.

describe('participants', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the case manager filters by status, sorts by birth date and opens a case file', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Teilnehmende' }).click();
    await page.locator('main tbody tr').first().waitFor();

    const filtered = page.waitForResponse((r) => r.url().includes('/api/participants?') && r.url().includes('status=placed'));
    await page.getByLabel('Fallstatus').selectOption({ label: 'Vermittelt' });
    await filtered;
    await page.waitForFunction(() => !document.querySelector('main table[aria-busy]'));
    const statuses = await page.locator('main tbody tr td:nth-child(4)').allInnerTexts();
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 'Vermittelt'), statuses.join());

    const sorted = page.waitForResponse((r) => r.url().includes('/api/participants?') && r.url().includes('sort=birthDate'));
    await page.getByRole('button', { name: 'Geburtsdatum' }).click();
    await sorted;
    await page.waitForFunction(() => !document.querySelector('main table[aria-busy]'));
    assert.equal(await page.getByRole('columnheader', { name: 'Geburtsdatum' }).getAttribute('aria-sort'), 'ascending');

    const first = page.locator('main tbody tr').first();
    const familyName = await first.locator('td').first().innerText();
    await first.getByRole('link').click();
    await page.locator('main h1', { hasText: familyName }).waitFor();
    await page.getByRole('tab', { name: 'Fall' }).click();
    await page.getByRole('region', { name: 'Fall' }).getByText('Vermittelt').waitFor();
    await page.getByRole('region', { name: 'Fall' }).getByText('Fallmanagement Wuppertal').waitFor();
    await context.close();
  });

  test('the case manager in Solingen sees only the participants of her own office', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, 'fallmanager.solingen@lotse.example');
    await page.goto('/participants?pageSize=100');
    await page.locator('main tbody tr').first().waitFor();
    const rows = await page.locator('main tbody tr').count();
    await page.getByText(`1–${rows} von ${rows}`).waitFor();
    const response = await page.request.get('/api/participants?pageSize=200');
    const items = ((await response.json()) as { items: { officeName: string }[] }).items;
    assert.ok(items.length === rows && items.every((p) => p.officeName === 'Fallmanagement Solingen'));
    await context.close();
  });

  test('the data protection officer finds who read a case file, filtering the audit log by action', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.dataProtectionOfficer);
    await page.goto('/audit');
    await page.locator('main tbody tr').first().waitFor();
    const filtered = page.waitForResponse((r) => r.url().includes('/api/audit-events?') && r.url().includes('action=participant.read'));
    await page.getByLabel('Aktion').fill('participant.read');
    await filtered;
    await page.waitForFunction(() => !document.querySelector('main table[aria-busy]'));
    const rows = page.locator('main tbody tr');
    assert.ok((await rows.count()) >= 1);
    for (const row of await rows.all()) {
      await row.getByText('Teilnehmende/n abgerufen').waitFor();
      await row.getByText('Fatma Yılmaz (Fallmanager/in)').waitFor();
    }
    await context.close();
  });
});
