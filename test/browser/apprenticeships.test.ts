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
    // The start page lists check-ins that are due; the demo's next one is a week away.
    await cm.getByRole('heading', { name: 'Fällige Termine der Ausbildungsbegleitung' }).waitFor();
    await cm.getByText('Keine Termine fällig.').waitFor();
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

  test('the case file offers a support agreement for an apprenticeship placement, in English', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.getByLabel('Sprache').selectOption('en');
    await page.locator('main h1', { hasText: 'Welcome' }).waitFor();
    // A placement into an apprenticeship at the bakery, recorded through the API as the jobs tab does.
    const me = (await (await page.request.get('/api/me')).json()) as {
      csrfToken: string;
      memberships: { role: string; organisationId: string }[];
    };
    const headers = { 'x-csrf-token': me.csrfToken };
    const cities = (await (await page.request.get('/api/cities')).json()) as { id: string; name: string }[];
    const employers = (await (await page.request.get('/api/employers')).json()) as { items: { id: string; name: string }[] };
    const person = await page.request.post('/api/participants', {
      headers,
      data: {
        officeId: me.memberships.find((m) => m.role === 'case_manager')!.organisationId,
        cityId: cities.find((c) => c.name === 'Wuppertal')!.id,
        givenNames: 'Dawit',
        familyName: 'Tesfaye',
        birthDate: '2004-05-06',
        status: 'active',
      },
    });
    assert.equal(person.status(), 201, await person.text());
    const { id } = (await person.json()) as { id: string };
    const placement = await page.request.post(`/api/participants/${id}/placements`, {
      headers,
      data: {
        kind: 'apprenticeship',
        firstLabourMarket: true,
        employerId: employers.items.find((e) => e.name.startsWith('Bäckerei'))!.id,
        startsOn: new Date().toISOString().slice(0, 10),
        occupation: 'Bäcker/in',
      },
    });
    assert.equal(placement.status(), 201, await placement.text());

    await page.goto(`/participants/${id}?tab=apprenticeship`);
    const form = page.getByRole('form', { name: 'Create a support agreement' });
    await form.waitFor();
    assert.deepEqual(await accessibilityViolations(page), [], 'the case file’s apprenticeship tab');
    await form.getByLabel('Contact (user of the company)').selectOption({ label: 'Sabine Sonnenschein' });
    await form.getByLabel('Vocational school').fill('Berufskolleg Elberfeld');
    await form.getByLabel('Planned end').fill('2020-07-31');
    await form.getByRole('button', { name: 'Create agreement' }).click();
    await form.getByText('The planned end must be after the start').waitFor(); // the schema's rule, in the UI language
    await form.getByLabel('Planned end').fill('2029-07-31');
    await form.getByRole('button', { name: 'Create agreement' }).click();
    await page.locator('main h1', { hasText: 'Apprenticeship: Dawit Tesfaye' }).waitFor();
    await page.locator('#risk').getByText('Low').waitFor();
    await page.getByLabel('Language').selectOption('de');
    await context.close();
  });
});
