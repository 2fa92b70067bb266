import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  accessibilityViolations,
  DEMO_USERS,
  launchBrowser,
  logIn,
  navigationLabels,
  newContext,
  startTestServer,
  type TestServer,
} from './support.ts';

// The network admin sets up a new partner organisation and a job coach for it,
// through the forms; mistakes are shown at the fields, and a record changed by
// someone else meanwhile is not overwritten.

const ORGANISATION = 'Sprachbrücke Remscheid e.V.';

describe('administration through the forms', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = await newContext(browser, server);
    page = await context.newPage();
    await logIn(page, DEMO_USERS.admin);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // A field by its label; Mantine's "required" asterisk is hidden from screen readers but is in the label's text.
  const field = (label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
  const errorOf = async (label: string) => {
    const id = await field(label).getAttribute('aria-describedby');
    return id ? page.locator(`[id="${id.split(' ').find((part) => part.endsWith('-error'))}"]`).innerText() : '';
  };

  test('the admin creates an organisation, after the form pointed out what was missing', async () => {
    await page.goto('/organisations');
    await page.getByRole('link', { name: 'Neue Organisation' }).click();
    await page.locator('main h1', { hasText: 'Neue Organisation anlegen' }).waitFor();

    await page.getByRole('button', { name: 'Anlegen' }).click();
    assert.equal(await errorOf('Art'), 'Bitte wählen Sie einen Eintrag.');
    assert.equal(await errorOf('Name'), 'Bitte ausfüllen.');
    assert.equal(await field('Name').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await accessibilityViolations(page), [], 'the form with its errors shown is accessible');

    await field('Art').selectOption({ label: 'Partnerorganisation' });
    await field('Name').fill(ORGANISATION);
    await field('Stadt').selectOption({ label: 'Wuppertal' });
    await field('E-Mail-Adresse').fill('kontakt(at)sprachbruecke');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    assert.equal(await errorOf('E-Mail-Adresse'), 'Das ist keine gültige E-Mail-Adresse.');

    await field('E-Mail-Adresse').fill('kontakt@sprachbruecke.example');
    await field('Telefon').fill('+49 2191 123456');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByText('Die Organisation ist angelegt.').waitFor();
    await page.locator('main h1', { hasText: ORGANISATION }).waitFor();

    await page.goto('/organisations?kind=partner');
    await page.locator('main table').getByRole('link', { name: ORGANISATION }).waitFor();
  });

  test("the server's field errors show at the field: a name that exists already", async () => {
    await page.goto('/organisations/new');
    await field('Art').selectOption({ label: 'Partnerorganisation' });
    await field('Name').fill('Jobcoaching Bergisch Land e.V.');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByText('Eine Organisation mit diesem Namen gibt es schon.').waitFor();
    assert.equal(await errorOf('Name'), 'Eine Organisation mit diesem Namen gibt es schon.');
    assert.equal(new URL(page.url()).pathname, '/organisations/new');
  });

  test('the admin creates a job coach for the new organisation, who can then log in', async () => {
    await page.goto('/users/new');
    await field('Name').fill('Lina Haddad');
    await field('E-Mail-Adresse').fill('lina.haddad@sprachbruecke.example');
    await field('Startpasswort').fill('ein langes Startpasswort');
    await field('Rolle').selectOption({ label: 'Betreuungskraft (Partner)' });
    await field('Organisation').selectOption({ label: ORGANISATION });
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByText('Das Benutzerkonto ist angelegt.').waitFor();

    await page.goto('/users?q=Lina');
    const row = page.locator('main tbody tr', { hasText: 'Lina Haddad' });
    await row.getByText(`Betreuungskraft (Partner) – ${ORGANISATION}`).waitFor();

    const coach = await newContext(browser, server);
    const coachPage = await coach.newPage();
    await logIn(coachPage, 'lina.haddad@sprachbruecke.example', 'ein langes Startpasswort');
    assert.deepEqual(await navigationLabels(coachPage), [
      'Start',
      'Meine Woche',
      'Überleitungen',
      'Arbeitgeber',
      'Stellen',
      'Vermittlung',
      'Angebote',
      'Profil',
    ]);
    await coachPage.locator('main').getByRole('heading', { name: ORGANISATION }).waitFor();
    await coach.close();
  });

  test('a role without the organisation it needs is refused by the server, at the field', async () => {
    await page.goto('/users/new');
    await field('Name').fill('Max Muster');
    await field('E-Mail-Adresse').fill('max.muster@lotse.example');
    await field('Startpasswort').fill('noch ein langes Passwort');
    await field('Rolle').selectOption({ label: 'Fallmanager/in' });
    await page.getByRole('button', { name: 'Weitere Rolle' }).click();
    await page
      .getByLabel(/^Rolle/)
      .nth(1)
      .selectOption({ label: 'Auswertung' });
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByText('Diese Rolle braucht eine Organisation.').waitFor();
    assert.equal(await errorOf('Organisation'), 'Diese Rolle braucht eine Organisation.');
    assert.equal(new URL(page.url()).pathname, '/users/new');
    assert.deepEqual(await accessibilityViolations(page), [], 'the user form with two roles and an error is accessible');
  });

  test('a save on top of a record someone else changed meanwhile shows what it is now and overwrites nothing', async () => {
    await page.goto('/organisations?q=Sprachbr');
    await page.locator('main table').getByRole('link', { name: ORGANISATION }).click();
    await page.locator('main form').waitFor();

    // A second admin session renames the organisation in the meantime.
    const other = await newContext(browser, server);
    const otherPage = await other.newPage();
    await logIn(otherPage, DEMO_USERS.admin);
    const me = (await (await otherPage.request.get('/api/me')).json()) as { csrfToken: string };
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const current = (await (await otherPage.request.get(`/api/organisations/${id}`)).json()) as { version: number };
    const renamed = await otherPage.request.patch(`/api/organisations/${id}`, {
      data: { name: 'Sprachbrücke Bergisch Land e.V.', version: current.version },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    assert.equal(renamed.status(), 200);
    await other.close();

    await field('Telefon').fill('+49 2191 999999');
    await page.getByRole('button', { name: 'Speichern' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await notice.waitFor();
    await notice.getByRole('row', { name: /Name.*Sprachbrücke Remscheid.*Sprachbrücke Bergisch Land/ }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'the conflict notice is accessible');
    const stored = (await (await page.request.get(`/api/organisations/${id}`)).json()) as { name: string; phone: string };
    assert.deepEqual([stored.name, stored.phone], ['Sprachbrücke Bergisch Land e.V.', '+49 2191 123456']);

    await notice.getByRole('button', { name: /Gespeicherten Stand laden/ }).click();
    assert.equal(await field('Name').inputValue(), 'Sprachbrücke Bergisch Land e.V.');
    await field('Telefon').fill('+49 2191 999999');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Änderungen sind gespeichert.').waitFor();
  });

  test('the CSV export holds every match of the filter, not just the page on screen', async () => {
    await page.goto('/organisations?pageSize=10&sort=name');
    await page.locator('main tbody tr').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV exportieren' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'Name;Art;Stadt;E-Mail-Adresse;Telefon;Anschrift;Status;Geändert');
    assert.equal(lines.length, 1 + 9, 'eight demo organisations and the one created here');
    assert.match(download.suggestedFilename(), /^organisationen-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
