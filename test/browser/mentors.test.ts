import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, startTestServer, type TestServer } from './support.ts';

// Peter Hoffmann, the demo's mentor, on his phone: he opens the menu, finds his mentee,
// sees how to reach her and when they meet next, and records the meeting they just had
// with its hours. The case file stays closed to him. Then the case manager at her desk: the
// volunteers with their onboarding, the mentorships with their hours, and a second mentorship
// for the same person started from the suggestions (axe on every page of both).

interface Mentees {
  items: { mentorshipId: string; name: string }[];
}

describe('mentors and mentorships', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function assertPageReady(page: Page, where: string) {
    await page.waitForFunction(() => document.getAnimations().length === 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px`);
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
  }

  test('the mentor on his phone sees his mentee, records a meeting with hours, and nothing of the case file', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.mentor);
    await assertPageReady(page, 'the mentor’s start page');

    await page.getByRole('button', { name: 'Navigation öffnen' }).click();
    await page.locator('nav#main-navigation').getByRole('link', { name: 'Meine Mentees' }).click();
    await page.locator('main h1', { hasText: 'Meine Mentees' }).waitFor();
    const mentees = (await (await page.request.get('/api/mentor/mentees')).json()) as Mentees;
    assert.equal(mentees.items.length, 1, 'the demo gives Peter one mentee');
    const { name, mentorshipId } = mentees.items[0]!;
    await page
      .locator('main')
      .getByText(/Nächstes Treffen:/)
      .waitFor();
    await assertPageReady(page, 'the list of mentees');

    await page.locator('main').getByRole('link', { name }).click();
    await page.locator('main h1', { hasText: name }).waitFor();
    const contact = page.getByRole('region', { name: 'Kontakt' });
    assert.equal(await contact.getByRole('link', { name: '0176 555 0142' }).getAttribute('href'), 'tel:01765550142');
    await page.getByRole('region', { name: 'Vereinbarte Treffen' }).getByText('Stadtteilbibliothek').waitFor();
    await page.getByRole('region', { name: 'Bisherige Treffen' }).getByText('Lebenslauf begonnen').waitFor();
    await assertPageReady(page, 'the mentee page');

    const form = page.getByRole('form', { name: 'Treffen eintragen' });
    await form.getByLabel('Stunden').fill('2,5');
    await form.getByLabel('Notiz').fill('Anschreiben für die Bäckerei geübt');
    await form.getByRole('button', { name: 'Treffen speichern' }).click();
    await form.getByRole('status').getByText('Das Treffen ist eingetragen.').waitFor();
    const history = page.getByRole('region', { name: 'Bisherige Treffen' });
    await history.getByText(/Anschreiben für die Bäckerei geübt/).waitFor();
    await history.getByText('4 Stunden insgesamt').waitFor();
    await assertPageReady(page, 'the mentee page after recording a meeting');

    // A held meeting without hours is refused with a message at the field.
    await form.getByLabel('Notiz').fill('ohne Stunden');
    await form.getByRole('button', { name: 'Treffen speichern' }).click();
    await form.locator('[aria-invalid="true"]').first().waitFor();
    await assertPageReady(page, 'the meeting form with an error');

    // The case file stays closed: the server refuses, the app says "no access".
    const participantId = (await (await page.request.get(`/api/mentor/mentees/${mentorshipId}`)).json()) as Record<string, unknown>;
    assert.equal('participantId' in participantId, false);
    await page.goto('/participants');
    await page.locator('main h1', { hasText: 'Kein Zugriff' }).waitFor();
    await context.close();
  });

  test('the case manager keeps the volunteers and starts a mentorship from the suggestions', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.goto('/volunteers');
    await page.locator('main h1', { hasText: 'Ehrenamtliche' }).waitFor();
    const table = page.getByRole('region', { name: 'Ehrenamtliche' });
    await table.getByRole('row', { name: /Gisela Brandt.*Verschwiegenheitserklärung fehlt/ }).waitFor();
    await assertPageReady(page, 'the volunteers list');
    await table.getByRole('link', { name: 'Peter Hoffmann' }).click();
    await page.locator('main h1', { hasText: 'Peter Hoffmann' }).waitFor();
    await assertPageReady(page, 'a volunteer’s profile');

    await page.goto('/mentorships');
    await page.locator('main h1', { hasText: 'Patenschaften' }).waitFor();
    const list = (await (await page.request.get('/api/mentorships')).json()) as {
      items: { id: string; participantId: string; participantName: string }[];
    };
    const demo = list.items[0]!;
    await page.getByRole('region', { name: 'Stunden je Pate/Patin' }).getByRole('cell', { name: 'Peter Hoffmann' }).waitFor();
    await assertPageReady(page, 'the mentorships list');
    await page.getByRole('link', { name: demo.participantName }).click();
    await page.getByRole('region', { name: 'Treffen' }).getByText('Lebenslauf begonnen').waitFor();
    await assertPageReady(page, 'a mentorship with its meetings');

    await page.goto(`/mentorships/new?participantId=${demo.participantId}`);
    const suggestions = page.getByRole('region', { name: 'Vorschläge' });
    await suggestions.getByText(/Aylin Demir · Passung \d+ von 100/).waitFor();
    assert.equal(await suggestions.getByText(/Peter Hoffmann/).count(), 0, 'Peter mentors the person already');
    await assertPageReady(page, 'starting a mentorship');
    await suggestions.getByRole('button', { name: 'Aylin Demir auswählen' }).click();
    await page.getByRole('form', { name: 'Patenschaft beginnen' }).getByRole('button', { name: 'Patenschaft beginnen' }).click();
    await page.locator('main h1', { hasText: `Patenschaft von ${demo.participantName}` }).waitFor();
    await page.getByRole('link', { name: 'Aylin Demir' }).waitFor();

    // The case file lists both mentorships in its own tab.
    await page.goto(`/participants/${demo.participantId}?tab=mentorships`);
    const tab = page.getByRole('tabpanel');
    await tab.getByRole('link', { name: 'Aylin Demir' }).waitFor();
    await tab.getByRole('link', { name: 'Peter Hoffmann' }).waitFor();
    await assertPageReady(page, 'the case file’s mentorships tab');
    await context.close();
  });
});
