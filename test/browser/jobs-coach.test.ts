import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// The job coach proposes a person they accompany to an employer, and the case manager's
// overview of matching vacancies. The coach has no matching (it reads the employability
// check): on an accepted referral of the demo they choose an open vacancy of the logistics
// company; without a consent to that employer the proposal is refused with the message that
// the case management office must record it first; once the office has, the proposal is made
// and listed with its stage. The case manager opens "Passende Stellen": everyone of the office
// with their best vacancies, filtered by name, exported, and on a phone.

const LOGISTICS_VACANCY = 'Lagerhelfer/in im Schichtbetrieb';
const today = () => new Date().toISOString().slice(0, 10);

interface Session {
  me: { user: { id: string }; csrfToken: string };
  get<T>(path: string): Promise<T>;
  send<T>(method: 'post' | 'put' | 'patch', path: string, data?: unknown): Promise<T>;
}

/** The API as the logged-in page's session: its cookie, and its CSRF token on every change. */
async function sessionOf(page: Page): Promise<Session> {
  const me = (await (await page.request.get('/api/me')).json()) as Session['me'];
  const check = async <T>(response: Awaited<ReturnType<Page['request']['get']>>, what: string): Promise<T> => {
    assert.ok(response.ok(), `${what}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    me,
    get: async <T>(path: string) => check<T>(await page.request.get(path), `GET ${path}`),
    send: async <T>(method: 'post' | 'put' | 'patch', path: string, data: unknown = {}) =>
      check<T>(await page.request[method](path, { data, headers: { 'x-csrf-token': me.csrfToken } }), `${method} ${path}`),
  };
}

interface Caseload {
  considered: number;
  people: { participantId: string; name: string; excludedBecause: string | null; best: { title: string; score: number }[] }[];
}

describe('jobs: the job coach proposes, the case manager sees the caseload’s matches', () => {
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
    await page.waitForFunction(() => document.getAnimations().length === 0);
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
  }

  test('the coach proposes a person of an accepted referral: refused for want of consent, then made', async () => {
    const coachPage = await (await newContext(browser, server)).newPage();
    const cmPage = await (await newContext(browser, server)).newPage();
    await Promise.all([logIn(coachPage, DEMO_USERS.partnerCaseworker), logIn(cmPage, DEMO_USERS.caseManager)]);
    const [coach, cm] = await Promise.all([sessionOf(coachPage), sessionOf(cmPage)]);

    // One of the demo's accepted referrals whose person no hard rule keeps from work (the
    // office's overview says so; the coach is never told which rule it would be).
    const running = await coach.get<{ participantId: string; participantName: string; state: string }[]>('/api/referrals?box=active');
    const caseload = await cm.get<Caseload>('/api/matches');
    const free = new Set(caseload.people.filter((p) => p.excludedBecause === null).map((p) => p.participantId));
    const referral = running.find((r) => r.state === 'accepted' && free.has(r.participantId));
    assert.ok(referral, 'the demo has an accepted referral of someone who may work');
    const name = referral.participantName;
    const [vacancy] = (
      await cm.get<{ items: { id: string; employerId: string; employerName: string }[] }>(
        `/api/vacancies?status=open&q=${encodeURIComponent(LOGISTICS_VACANCY)}`,
      )
    ).items;
    assert.ok(vacancy, 'the demo has the logistics vacancy');
    const consents = await cm.get<{ recipientOrganisationId: string; status: string }[]>(
      `/api/participants/${referral.participantId}/consents`,
    );
    assert.ok(
      !consents.some((c) => c.recipientOrganisationId === vacancy.employerId && c.status === 'active'),
      'no consent to the employer yet',
    );

    // The coach opens the referral from the running ones.
    await coachPage.getByRole('link', { name: 'Überleitungen', exact: true }).click();
    await coachPage.getByRole('tab', { name: /^Laufend/ }).click();
    await coachPage.getByRole('link', { name, exact: true }).click();
    await coachPage.locator('main h1', { hasText: `Überleitung: ${name}` }).waitFor();
    const section = coachPage.getByRole('region', { name: 'Einem Arbeitgeber vorschlagen' });
    assert.equal(
      await coachPage.getByRole('button', { name: /Passende (Stellen|Teilnehmende) finden/ }).count(),
      0,
      'the coach has no matching',
    );

    // Choosing the vacancy: search by title, the option names employer and town.
    const choice = section.getByRole('combobox', { name: /^Offene Stelle/ });
    await choice.click();
    await choice.fill('Lagerhelfer');
    await coachPage.getByRole('option', { name: `${LOGISTICS_VACANCY} – ${vacancy.employerName}, Solingen` }).click();
    await section.getByLabel('Notiz').fill('Sehr zuverlässig, Staplerschein in Arbeit');
    await assertNoViolations(coachPage, 'the referral with the propose section');
    await section.getByRole('button', { name: 'Vorschlagen' }).click();
    await section
      .getByRole('alert')
      .getByText('Das Fallmanagement muss die Einwilligung der Person zu diesem Arbeitgeber erst erfassen', { exact: false })
      .waitFor();
    await assertNoViolations(coachPage, 'the proposal refused for want of consent');

    // The office records the consent to the logistics company; the coach tries again.
    await cm.send('post', `/api/participants/${referral.participantId}/consents`, {
      recipientOrganisationId: vacancy.employerId,
      categories: ['contact', 'education_work'],
      language: 'de',
      givenOn: today(),
      method: 'signed_form',
    });
    await section.getByRole('button', { name: 'Vorschlagen' }).click();
    await section.getByText(`Vorgeschlagen für „${LOGISTICS_VACANCY}“ bei ${vacancy.employerName}.`).waitFor();
    const card = section
      .getByRole('region', { name: 'Vorschläge für diese Person' })
      .getByRole('article', { name: `${LOGISTICS_VACANCY} – ${vacancy.employerName}` });
    await card.getByText('vorgeschlagen', { exact: true }).first().waitFor();
    await card.getByText('Notiz: Sehr zuverlässig, Staplerschein in Arbeit').waitFor();
    assert.equal(await section.getByRole('alert').count(), 0, 'the refusal is gone');
    await assertNoViolations(coachPage, 'the referral with the proposal made');

    // The office sees the coach's proposal in the case file.
    const theirs = await cm.get<{ vacancyId: string; proposedByName: string | null }[]>(
      `/api/proposals?participantId=${referral.participantId}`,
    );
    assert.ok(theirs.some((p) => p.vacancyId === vacancy.id));
  });

  test('the case manager’s matching vacancies: everyone with the best vacancies, filtered, exported, and on a phone', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    const cm = await sessionOf(page);
    const caseload = await cm.get<Caseload>('/api/matches');
    const someone = caseload.people.find((p) => p.best.length > 0)!;
    assert.ok(someone, 'the demo caseload has matches');

    await page.getByRole('link', { name: 'Passende Stellen', exact: true }).click();
    await page.locator('main h1', { hasText: 'Passende Stellen' }).waitFor();
    await page.getByText(`${caseload.people.length} Personen, abgeglichen mit`, { exact: false }).waitFor();
    const table = page.getByRole('region', { name: 'Passende Stellen' }).getByRole('table');
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: someone.name, exact: true }) });
    await row.getByRole('link', { name: someone.best[0]!.title }).first().waitFor();
    await row.getByText(`Passung ${someone.best[0]!.score} von 100`, { exact: false }).first().waitFor();
    assert.equal(
      await row.getByRole('link', { name: someone.name, exact: true }).getAttribute('href'),
      `/participants/${someone.participantId}?tab=jobs`,
    );
    const excluded = caseload.people.find((p) => p.excludedBecause === 'work_not_permitted');
    if (excluded)
      await table.getByRole('row').filter({ hasText: excluded.name }).getByText('Arbeit laut Aufenthaltsdokument nicht erlaubt').waitFor();
    await assertNoViolations(page, 'the caseload’s matching vacancies');

    // Filtered by name: only that person is left.
    await page.getByLabel('Name filtern').fill(someone.name);
    await page.waitForURL((url) => url.searchParams.get('q') === someone.name);
    await table.getByRole('row').nth(2).waitFor({ state: 'detached' });
    assert.equal(await table.locator('tbody tr').count(), 1);

    // The export holds the filtered list, with a column per rank.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV exportieren' }).click()]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    assert.match(csv[0]!, /^Person;Hinweise;Nicht berücksichtigt;Stelle 1;Arbeitgeber 1;Passung 1;/);
    assert.ok(csv[1]!.startsWith(`${someone.name};`), csv[1]);
    assert.ok(csv[1]!.includes(`;${someone.best[0]!.score};`) || csv[1]!.endsWith(`;${someone.best[0]!.score}`), csv[1]);
    await context.close();

    // On a phone: the page does not scroll sideways, the table scrolls in its own region.
    const phoneContext = await newContext(browser, server, { width: 390 });
    const phone = await phoneContext.newPage();
    await logIn(phone, DEMO_USERS.caseManager);
    await phone.goto('/matches');
    await phone.locator('main h1', { hasText: 'Passende Stellen' }).waitFor();
    await phone.getByRole('link', { name: someone.name, exact: true }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await assertNoViolations(phone, 'the caseload’s matching vacancies on a phone');
    await phoneContext.close();
  });
});
