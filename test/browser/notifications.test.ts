import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { loadDemoData } from '../../server/demo/seed.ts';
import { generateReminders } from '../../server/modules/reminders/reminders.service.ts';
import { openTestDatabase } from '../support/databases.ts';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, type TestServer } from './support.ts';

// The case manager sees the bell's count of unread reminders, opens the list, follows one
// to the case file and marks the rest read: the bell goes quiet.

describe('reminders in the header and on their page', () => {
  let database: Database;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    database = await openTestDatabase('pglite');
    await loadDemoData(database.db);
    await generateReminders(database.db);
    const app = await buildApp({ db: database.db, config: loadConfig({ LOTSE_DEMO_DATA: 'false' }), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    server = {
      url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the bell counts unread reminders, the page lists them, and marking all read clears the count', async () => {
    const user = await database.db.selectFrom('users').select('id').where('email', '=', DEMO_USERS.caseManager).executeTakeFirstOrThrow();
    const unread = await database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', user.id)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    assert.ok(Number(unread.n) > 0, 'the demo network has something due for the case manager');

    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    const bell = page.getByRole('link', { name: `Erinnerungen: ${unread.n} ungelesen` });
    await bell.waitFor();
    await bell.click();
    await page.locator('main h1', { hasText: 'Erinnerungen' }).waitFor();
    await page.getByRole('region', { name: `Erinnerungen, ${unread.n} ungelesen` }).waitFor();
    assert.ok((await page.getByText('Ein Aufenthaltsdokument läuft ab').count()) > 0);
    assert.deepEqual(await accessibilityViolations(page), []);

    // Opening one marks it read and leads to the case file's residence tab.
    await page
      .getByRole('row', { name: /Ein Aufenthaltsdokument läuft ab/ })
      .first()
      .getByRole('link', { name: 'Öffnen' })
      .click();
    await page.waitForURL((url) => url.pathname.startsWith('/participants/') && url.searchParams.get('tab') === 'residence');
    await page.getByRole('link', { name: `Erinnerungen: ${Number(unread.n) - 1} ungelesen` }).waitFor();

    await page.goBack();
    await page.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await page.getByRole('link', { name: 'Erinnerungen: keine ungelesen' }).waitFor();
    assert.equal(await page.getByText('neu', { exact: true }).count(), 0);
    await context.close();
  });

  test('on a phone the header keeps its room: the count is a dot on the menu button and the menu’s first entry', async () => {
    const context = await newContext(browser, server, { width: 375 });
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.partnerCaseworker);
    const logout = await page.getByRole('button', { name: 'Abmelden' }).boundingBox();
    assert.ok(logout && logout.x + logout.width <= 375, `the logout button ends at ${logout && logout.x + logout.width}px`);
    await page.getByRole('button', { name: 'Navigation öffnen' }).click();
    await page.getByRole('link', { name: /^Erinnerungen: \d+ ungelesen$/ }).click();
    await page.locator('main h1', { hasText: 'Erinnerungen' }).waitFor();
    await page.getByText('Eine neue Überleitung wartet auf Antwort').first().waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await context.close();
  });
});
