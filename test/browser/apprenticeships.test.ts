import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// Wegbereiter in the browser: the case manager finds the demo apprentice at high risk on the
// list, opens the agreement and records a calm check-in, which brings the risk down; the
// bakery's contact, in English, opens their apprentice, sees the check-ins without the team's
// notes and asks for help; the case manager sees the request on the list page and marks it handled.

describe('apprenticeship support: early warning and the company asking for help', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('from the at-risk list to a check-in, and a help request from the company', async () => {
    const staff = await newContext(browser, server);
    const cm = await staff.newPage();
    await logIn(cm, DEMO_USERS.caseManager);
    await cm.getByRole('link', { name: 'Ausbildungsbegleitung' }).click();
    await cm.locator('main h1', { hasText: 'Ausbildungsbegleitung' }).waitFor();
    const row = cm.locator('main tbody tr', { hasText: 'Bäckerei Sonnenschein' });
    await row.getByText('Hoch').waitFor();
    await row.getByText('Wiederholt: Fehltage in der Berufsschule').waitFor();
    assert.deepEqual(await accessibilityViolations(cm), [], 'the at-risk list');

    await row.getByRole('link').click();
    await cm.locator('main h1', { hasText: 'Ausbildung:' }).waitFor();
    await cm.getByRole('heading', { name: 'Unterstützungsbedarfe' }).waitFor();
    assert.equal(await cm.getByLabel('Notiz', { exact: true }).first().inputValue(), 'Fachrechnen, donnerstags');
    assert.deepEqual(await accessibilityViolations(cm), [], 'the agreement page');
    const form = cm.getByRole('form', { name: 'Termin festhalten' });
    await form.getByLabel('Beide').check();
    await form.getByLabel('Notizen (nur für das Team)').fill('Nachhilfe wirkt, keine Fehltage mehr.');
    await form.getByRole('button', { name: 'Termin speichern' }).click();
    await cm.getByText('Nachhilfe wirkt, keine Fehltage mehr.').waitFor();
    await cm.locator('#risk').getByText('Gering').waitFor();
    await cm.getByText('Keine Warnsignale.').waitFor();

    const company = await newContext(browser, server, { locale: 'en-GB' });
    const bakery = await company.newPage();
    await logIn(bakery, DEMO_USERS.employerContact);
    // The demo's contact works in German; switch to English for this visit.
    await bakery.getByLabel('Sprache').selectOption('en');
    await bakery.getByRole('link', { name: 'Our apprentices' }).click();
    await bakery.locator('main h1', { hasText: 'Our apprentices' }).waitFor();
    await bakery.locator('main tbody tr').first().getByRole('link').click();
    await bakery.locator('main h1', { hasText: 'Apprenticeship:' }).waitFor();
    await bakery.getByText('Missed school days').first().waitFor();
    const body = await bakery.locator('main').innerText();
    assert.doesNotMatch(body, /Nachhilfe wirkt|Ausländerbehörde|Early warning|Risk/, 'no notes, no risk for the company');
    assert.deepEqual(await accessibilityViolations(bakery), [], 'the company’s apprentice page');
    await bakery.getByLabel('What is it about?').fill('Exam preparation in maths, please: the exam is in March.');
    await bakery.getByRole('button', { name: 'Send request' }).click();
    await bakery.getByText('Your request has reached the team.').waitFor();
    await bakery.getByLabel('Language').selectOption('de');
    await company.close();

    await cm.getByRole('link', { name: 'Ausbildungsbegleitung' }).click();
    const request = cm.getByRole('article').filter({ hasText: 'Exam preparation in maths' });
    await request.waitFor();
    await request.getByRole('button', { name: 'Als erledigt markieren' }).click();
    await cm.getByText('Keine offenen Anfragen.').waitFor();
    await staff.close();
  });
});
