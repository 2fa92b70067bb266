import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// From a plan step to a certificate: the case manager enrols a participant in the German
// course from the step in the case file's offers tab, is refused for want of a consent to
// the provider, records it and enrols; the qualification partner finds the course in the
// catalogue, marks the participant present and records the completion with its
// certificate; the case file shows it. Then the catalogue in English.

const COURSE = 'Deutsch für den Beruf B1';
const PROVIDER = 'qualifizierung@lotse.example';

async function assertNoViolations(page: Page, where: string) {
  await page.waitForFunction(() => document.getAnimations().length === 0);
  assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
}

/** The API as the logged-in page's session, for what other journeys cover (plan, consent). */
async function send<T>(page: Page, method: 'post' | 'put', path: string, data: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const response = await page.request[method](path, { data, headers: { 'x-csrf-token': me.csrfToken } });
  assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('offers: from a plan step to a certificate', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('enrol from the plan step, refused without consent; the provider records attendance and completion', async () => {
    const cmPage = await (await newContext(browser, server)).newPage();
    const providerPage = await (await newContext(browser, server)).newPage();
    await Promise.all([logIn(cmPage, DEMO_USERS.caseManager), logIn(providerPage, PROVIDER)]);

    // A participant whose current plan has a language step for the qualification partner.
    const me = (await (await cmPage.request.get('/api/me')).json()) as { memberships: { role: string; organisationId: string }[] };
    const office = me.memberships.find((m) => m.role === 'case_manager')!.organisationId;
    const cities = (await (await cmPage.request.get('/api/cities')).json()) as { id: string; name: string }[];
    const partners = (await (await cmPage.request.get('/api/offer-providers')).json()) as { id: string; name: string }[];
    const partner = partners.find((p) => p.name.startsWith('Qualifizierung'))!.id;
    const types = (await (await cmPage.request.get('/api/step-types')).json()) as { id: string; key: string }[];
    const person = await send<{ id: string }>(cmPage, 'post', '/api/participants', {
      officeId: office,
      cityId: cities.find((c) => c.name === 'Wuppertal')!.id,
      givenNames: 'Nour',
      familyName: 'Khalil',
      birthDate: '1992-05-04',
      phone: '0202 555 0142',
      status: 'active',
    });
    const draft = await send<{ id: string; version: number }>(cmPage, 'post', `/api/participants/${person.id}/plan/draft`, {});
    const step = {
      stepTypeId: types.find((s) => s.key === 'language_course')!.id,
      text: 'Deutsch B1 für den Beruf',
      responsibleOrganisationId: partner,
    };
    const saved = await send<{ version: number }>(cmPage, 'put', `/api/plan-versions/${draft.id}`, {
      version: draft.version,
      goals: [{ title: 'Deutsch auf B1 verbessern', steps: [step] }],
    });
    const today = new Date().toLocaleDateString('en-CA');
    await send(cmPage, 'post', `/api/plan-versions/${draft.id}/finalise`, {
      version: saved.version,
      discussedOn: today,
      attendees: 'Nour Khalil',
    });

    // The case manager enrols from the step: refused without a consent to the provider.
    await cmPage.goto(`/participants/${person.id}?tab=offers`);
    await cmPage.getByRole('button', { name: 'Anmelden: Deutsch B1 für den Beruf' }).click();
    const form = cmPage.getByRole('form', { name: 'Anmeldung für den Schritt Deutsch B1 für den Beruf' });
    const catalogue = (await (await cmPage.request.get('/api/offers?pageSize=200')).json()) as { items: { id: string; title: string }[] };
    await form.getByLabel(/^Angebot/).selectOption(catalogue.items.find((o) => o.title === COURSE)!.id);
    await form.getByRole('button', { name: 'Anmelden' }).click();
    await form.getByText('Für den Träger liegt keine gültige Einwilligung vor', { exact: false }).waitFor();
    await assertNoViolations(cmPage, 'the enrolment refused for want of consent');
    await send(cmPage, 'post', `/api/participants/${person.id}/consents`, {
      recipientOrganisationId: partner,
      categories: ['contact'],
      language: 'de',
      givenOn: today,
      method: 'signed_form',
    });
    await form.getByRole('button', { name: 'Anmelden' }).click();
    const enrolments = cmPage.getByRole('region', { name: 'Teilnahmen an Angeboten' });
    await enrolments
      .getByRole('row', { name: new RegExp(COURSE) })
      .getByText('Angemeldet')
      .waitFor();
    await assertNoViolations(cmPage, 'the case file’s offers tab');

    // The provider finds the course in the catalogue and runs it.
    await providerPage.getByRole('link', { name: 'Angebote' }).click();
    await providerPage.locator('main h1', { hasText: 'Angebote' }).waitFor();
    await providerPage.getByLabel('Art').selectOption({ label: 'Sprachkurs' });
    await assertNoViolations(providerPage, 'the catalogue');
    await providerPage.getByRole('link', { name: COURSE }).click();
    await providerPage.locator('main h1', { hasText: COURSE }).waitFor();
    const participants = providerPage.getByRole('region', { name: 'Teilnehmende' });
    const row = participants.getByRole('row', { name: /Nour Khalil/ });
    await row.getByText('0202 555 0142').waitFor();
    const recorded = providerPage.waitForResponse((r) => r.url().includes('/attendance/') && r.request().method() === 'PUT');
    await row.getByText('Anwesend').click();
    assert.equal((await recorded).status(), 200);
    await assertNoViolations(providerPage, 'the offer with its participants');
    await row.getByRole('button', { name: 'Abschließen: Nour Khalil' }).click();
    const completion = providerPage.getByRole('form', { name: 'Abschließen' });
    await completion.getByRole('checkbox', { name: 'Zertifikat' }).check();
    await completion.getByLabel(/^Name des Zertifikats/).fill('telc Deutsch B1 Beruf');
    await assertNoViolations(providerPage, 'the completion form');
    await completion.getByRole('button', { name: 'Abschließen' }).click();
    await row.getByText('Abgeschlossen').waitFor();
    await row.getByText('telc Deutsch B1 Beruf').waitFor();

    // The case file shows the completion.
    await cmPage.reload();
    await enrolments
      .getByRole('row', { name: new RegExp(COURSE) })
      .getByText('Abgeschlossen')
      .waitFor();
    await enrolments.getByText('telc Deutsch B1 Beruf').waitFor();
  });

  test('the catalogue in English', async () => {
    const page = await (await newContext(browser, server, { locale: 'en-GB' })).newPage();
    await logIn(page, DEMO_USERS.mentor);
    await page.getByLabel('Sprache').selectOption('en');
    await page.locator('main h1', { hasText: 'Welcome' }).waitFor();
    await page.goto('/offers?childcare=true');
    await page.locator('main h1', { hasText: 'Offers' }).waitFor();
    await page.getByRole('link', { name: 'Frauencafé: Arbeit und Familie' }).waitFor();
    await page.getByText('Women, Family and work').waitFor();
    await assertNoViolations(page, 'the catalogue in English');
  });
});
