import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS, launchBrowser, logIn, navigationLabels, newContext, startTestServer, type TestServer } from './support.ts';

// Logging in and out, and the language: German by default, English beside it, the
// login page following the browser, the logged-in user's choice saved on the account.

describe('login, language and logout', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function submitLogin(page: Page, email: string, password: string) {
    await page.locator('input[type="email"]').fill(email);
    await page.locator('input[type="password"]').fill(password);
    await page.locator('form button[type="submit"]').click();
  }

  const htmlLang = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

  test('a wrong password gets a clear message, and repeated failures are throttled with their own message', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await page.goto('/login');
    await submitLogin(page, DEMO_USERS.mentor, 'not-the-password');
    await page.getByRole('alert').getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();

    // An address nobody uses, so that no demo account is locked for the other tests.
    for (let attempt = 0; attempt < 6; attempt++) {
      await submitLogin(page, 'niemand@lotse.example', `wrong-${attempt}`);
      await page.locator('form button[type="submit"]:not([data-loading])').waitFor();
    }
    await page
      .getByRole('alert')
      .getByText(/Zu viele Fehlversuche.*in 15 Minuten wieder/)
      .waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await context.close();
  });

  test('the login page follows the browser language and its own switch', async () => {
    const context = await newContext(browser, server, { locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('h1', { hasText: 'Log in' }).waitFor();
    assert.deepEqual(await htmlLang(page), ['en', 'ltr']);
    await page.getByLabel('Language').selectOption('de');
    await page.locator('h1', { hasText: 'Anmelden' }).waitFor();
    assert.deepEqual(await htmlLang(page), ['de', 'ltr']);
    // The choice made before login is remembered in this browser.
    await page.reload();
    await page.locator('h1', { hasText: 'Anmelden' }).waitFor();
    await context.close();
  });

  test('a logged-in user switches German → English → German, and the choice is saved on the account', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    assert.deepEqual(await htmlLang(page), ['de', 'ltr']);
    assert.deepEqual(await navigationLabels(page), [
      'Start',
      'Meine Woche',
      'Teilnehmende',
      'Fristen',
      'Dubletten',
      'Import',
      'Überleitungen',
      'Arbeitgeber',
      'Stellen',
      'Passende Stellen',
      'Vermittlung',
      'Angebote',
      'Ehrenamtliche',
      'Patenschaften',
      'Ausbildungsbegleitung',
      'Profil',
    ]);

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await page.getByLabel('Sprache').selectOption('en');
    assert.equal((await saved).status(), 200);
    await page.locator('main h1', { hasText: 'Welcome' }).waitFor();
    assert.deepEqual(await navigationLabels(page), [
      'Start',
      'My week',
      'Participants',
      'Deadlines',
      'Duplicates',
      'Import',
      'Referrals',
      'Employers',
      'Vacancies',
      'Matching vacancies',
      'Proposals',
      'Offers',
      'Volunteers',
      'Mentorships',
      'Apprenticeship support',
      'Profile',
    ]);
    assert.deepEqual(await htmlLang(page), ['en', 'ltr']);

    // Saved on the account: a new browser session starts in English.
    const other = await newContext(browser, server);
    const otherPage = await other.newPage();
    await logIn(otherPage, DEMO_USERS.caseManager);
    await otherPage.locator('main h1', { hasText: 'Welcome' }).waitFor();
    await other.close();

    await page.getByLabel('Language').selectOption('de');
    await page.locator('main h1', { hasText: 'Willkommen' }).waitFor();
    assert.deepEqual(await navigationLabels(page), [
      'Start',
      'Meine Woche',
      'Teilnehmende',
      'Fristen',
      'Dubletten',
      'Import',
      'Überleitungen',
      'Arbeitgeber',
      'Stellen',
      'Passende Stellen',
      'Vermittlung',
      'Angebote',
      'Ehrenamtliche',
      'Patenschaften',
      'Ausbildungsbegleitung',
      'Profil',
    ]);
    assert.deepEqual(await htmlLang(page), ['de', 'ltr']);
    await context.close();
  });

  test('logging out lands on the login page and ends the session on the server', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.analyst);
    assert.equal((await page.request.get('/api/me')).status(), 200);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.locator('h1', { hasText: 'Anmelden' }).waitFor();
    assert.equal((await page.request.get('/api/me')).status(), 401);
    // The pages after login are closed now: back to the login page, which returns there afterwards.
    await page.goto('/reports');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/reports');
    await context.close();
  });

  test('the skip link is the first stop of the keyboard and jumps to the content', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.mentor);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.innerText(), 'Zum Inhalt springen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await context.close();
  });

  test('the language switch is reached and used with the keyboard alone', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.employerContact);
    let reached = false;
    for (let presses = 0; presses < 10 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Sprache');
    }
    assert.ok(reached, 'the language switch is among the first stops of the Tab key');
    await page.keyboard.press('ArrowDown');
    await page.locator('main h1', { hasText: 'Welcome' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.locator('main h1', { hasText: 'Willkommen' }).waitFor();
    await context.close();
  });
});
