import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_USERS, launchBrowser, logIn, navigationLabels, newContext, startTestServer, type TestServer } from './support.ts';

// Each role sees exactly the areas the server grants it (MeView.capabilities), plus
// the start page and the profile; and a start page made for its work.

const EXPECTED: { who: string; email: string; nav: string[]; startPage: RegExp[] }[] = [
  {
    who: 'the network admin',
    email: DEMO_USERS.admin,
    nav: [
      'Start',
      'Angebote',
      'Organisationen',
      'Benutzerkonten',
      'Städte',
      'Zusammenführungen',
      'Zyklusregeln',
      'Auswertungen',
      'Ehrenamtliche',
      'Profil',
    ],
    startPage: [/Verwaltung/, /aktive Organisationen/, /aktive Benutzerkonten/],
  },
  {
    who: 'the case manager',
    email: DEMO_USERS.caseManager,
    nav: [
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
    ],
    startPage: [/Meine Teilnehmenden/, /\d+ Teilnehmende in Ihrem Fallmanagement/, /Zur Wochenübersicht/],
  },
  {
    who: 'the partner caseworker',
    email: DEMO_USERS.partnerCaseworker,
    nav: ['Start', 'Meine Woche', 'Überleitungen', 'Arbeitgeber', 'Stellen', 'Vermittlung', 'Angebote', 'Profil'],
    startPage: [/Betreuungskraft \(Partner\) für Jobcoaching Bergisch Land e\.V\./, /Zur Wochenübersicht/],
  },
  {
    who: 'the mentor',
    email: DEMO_USERS.mentor,
    nav: ['Start', 'Angebote', 'Meine Mentees', 'Profil'],
    startPage: [/Pate\/Patin für Berufspaten Bergisches Land/, /Unter „Meine Mentees“/],
  },
  {
    who: 'the employer contact',
    email: DEMO_USERS.employerContact,
    nav: ['Start', 'Unsere Stellen', 'Kandidat:innen', 'Unsere Auszubildenden', 'Profil'],
    startPage: [/Ansprechperson Arbeitgeber für Bäckerei Sonnenschein GmbH/, /\d+ offene Stellen?/, /Zu den Kandidat:innen/],
  },
  {
    who: 'the analyst',
    email: DEMO_USERS.analyst,
    nav: ['Start', 'Auswertungen', 'Profil'],
    startPage: [/Zahlen im Überblick/, /Teilnehmende insgesamt/, /Wuppertal/],
  },
  {
    who: 'the data protection officer',
    email: DEMO_USERS.dataProtectionOfficer,
    nav: ['Start', 'Protokoll', 'Profil'],
    startPage: [/Neueste Einträge im Protokoll/, /Anmeldung/],
  },
];

describe('navigation by role', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { who, email, nav, startPage } of EXPECTED) {
    test(`${who} sees exactly their areas and a start page for their work`, async () => {
      const context = await newContext(browser, server);
      const page = await context.newPage();
      await logIn(page, email);
      assert.deepEqual(await navigationLabels(page), nav);
      const main = page.locator('main');
      for (const text of startPage) await main.getByText(text).first().waitFor({ timeout: 5000 });
      await context.close();
    });
  }

  test('an area outside the capabilities says "no access" instead of showing it', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.mentor);
    await page.goto('/organisations');
    await page.locator('main h1', { hasText: 'Kein Zugriff' }).waitFor();
    assert.equal(await page.locator('main table').count(), 0);
    await context.close();
  });
});
