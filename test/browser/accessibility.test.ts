import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// WCAG 2.1 A and AA as axe-core checks them: no violations on the login page, the
// start page of every role and the admin's lists and forms. When this fails, fix
// the page; the rule set is not to be relaxed.

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
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

  test('the login page, in German and in English, also with an error shown', async () => {
    for (const locale of ['de-DE', 'en-GB']) {
      const context = await newContext(browser, server, { locale });
      const page = await context.newPage();
      await page.goto('/login');
      await page.locator('h1').waitFor();
      await assertNoViolations(page, `the login page (${locale})`);
      await page.locator('form button[type="submit"]').click();
      await page.locator('.mantine-InputWrapper-error').first().waitFor();
      await assertNoViolations(page, `the login page with field errors (${locale})`);
      await context.close();
    }
  });

  for (const [role, email] of Object.entries(DEMO_USERS)) {
    test(`the start page of the ${role}`, async () => {
      const context = await newContext(browser, server);
      const page = await context.newPage();
      await logIn(page, email);
      await page.waitForLoadState('networkidle');
      await assertNoViolations(page, `the start page of ${email}`);
      await context.close();
    });
  }

  test("the admin's lists and forms", async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.admin);
    for (const path of ['/organisations', '/users', '/cities', '/organisations/new', '/users/new', '/reports', '/profile']) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await assertNoViolations(page, path);
    }
    await page.goto('/organisations');
    await page.locator('main table a').first().click();
    await page.locator('main form').waitFor();
    await assertNoViolations(page, 'an organisation edit page');
    await context.close();
  });

  test("the case manager's participants and the audit log", async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.goto('/participants');
    await page.locator('main table a').first().click();
    await page.locator('main section').first().waitFor();
    await assertNoViolations(page, 'a participant page');
    await page.goto('/participants');
    await page.locator('main table a').first().waitFor();
    await assertNoViolations(page, '/participants');
    await context.close();

    const dpo = await newContext(browser, server);
    const dpoPage = await dpo.newPage();
    await logIn(dpoPage, DEMO_USERS.dataProtectionOfficer);
    await dpoPage.goto('/audit');
    await dpoPage.locator('main table tbody tr').first().waitFor();
    await assertNoViolations(dpoPage, '/audit');
    await dpo.close();
  });

  test('the navigation on a phone, opened', async () => {
    const context = await newContext(browser, server, { width: 390 });
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.admin);
    await page.getByRole('button', { name: 'Navigation öffnen' }).click();
    await page.locator('nav#main-navigation a').first().waitFor({ state: 'visible' });
    await assertNoViolations(page, 'the opened phone navigation');
    await context.close();
  });
});
