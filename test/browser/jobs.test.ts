import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// From a vacancy to a placement, with both sides at their own browser: the bakery's contact
// creates a vacancy; the case manager finds it, runs the match and sees a candidate with the
// reasons for the score; proposing first fails for want of consent, which the case manager
// records in the case file's consent tab; the bakery sees only the consented sections and
// moves the candidate to the interview and then to hired; the case manager records the
// placement from the case file's jobs tab, filled in from the proposal, and sees its two
// follow-ups. Then the bakery's candidates on a phone, in English.

const BAKERY = 'Bäckerei Sonnenschein GmbH';
const VACANCY = 'Backstubenhilfe (Frühschicht)';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const today = () => inDays(0);

interface Session {
  me: { user: { id: string }; memberships: { role: string; organisationId: string | null }[]; csrfToken: string };
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

/**
 * What the case manager has before the vacancy (the case file has journeys of its own): a
 * Wuppertal participant with German B1, the skills the bakery asks for, and a residence
 * document that allows work only with the foreigners' office's permission. No consent yet.
 */
async function prepareCandidate(cm: Session, givenNames: string, familyName: string): Promise<string> {
  const office = cm.me.memberships.find((m) => m.role === 'case_manager')!.organisationId!;
  const cities = await cm.get<{ id: string; name: string }[]>('/api/cities');
  const skills = await cm.get<{ id: string; labelDe: string }[]>('/api/skills');
  const skill = (label: string) => skills.find((s) => s.labelDe === label)!.id;
  const person = await cm.send<{ id: string }>('post', '/api/participants', {
    officeId: office,
    cityId: cities.find((c) => c.name === 'Wuppertal')!.id,
    caseManagerId: cm.me.user.id,
    givenNames,
    familyName,
    birthDate: '1994-02-03',
    phone: '0202 555 0199',
    postcode: '42105',
    town: 'Wuppertal',
    germanLevel: 'B1',
    status: 'active',
  });
  await cm.send('put', `/api/participants/${person.id}/intake/skills`, {
    data: {
      items: [
        { skillId: skill('Gastronomie und Küche'), level: 'good' },
        { skillId: skill('Reinigung'), level: 'basic' },
      ],
    },
  });
  await cm.send('post', `/api/participants/${person.id}/residence-statuses`, {
    title: 'aufenthaltsgestattung',
    validUntil: inDays(200),
    workClause: 'permission_required',
  });
  return person.id;
}

describe('jobs: from a vacancy to a placement', () => {
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
    // A dialog fading in has its colours half-way: wait for transitions to end.
    await page.waitForFunction(() => document.getAnimations().length === 0);
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
  }

  test('the bakery’s vacancy, the match, the proposal through its stages, and the placement with its follow-ups', async () => {
    const employerPage = await (await newContext(browser, server)).newPage();
    const cmPage = await (await newContext(browser, server)).newPage();
    await Promise.all([logIn(employerPage, DEMO_USERS.employerContact), logIn(cmPage, DEMO_USERS.caseManager)]);
    const cm = await sessionOf(cmPage);
    const participantId = await prepareCandidate(cm, 'Hala', 'Sabbagh');
    const name = 'Hala Sabbagh';

    // The bakery's contact creates a vacancy for their own company.
    await employerPage.getByRole('link', { name: 'Unsere Stellen' }).click();
    await employerPage.locator('main h1', { hasText: 'Unsere Stellen' }).waitFor();
    await assertNoViolations(employerPage, 'the employer’s vacancies');
    await employerPage.getByRole('link', { name: 'Stelle anlegen' }).click();
    await employerPage.getByText(`Die Stelle wird für ${BAKERY} angelegt.`).waitFor();
    await employerPage.getByLabel(/^Bezeichnung/).fill(VACANCY);
    await employerPage.getByLabel('Beruf', { exact: true }).fill('Bäckereihelfer/in');
    await employerPage.getByLabel('Beschreibung').fill('Vorbereitung in der Backstube, Reinigung der Geräte.');
    const skills = employerPage.getByRole('combobox', { name: 'Verlangte Fähigkeiten' });
    await skills.click();
    await skills.fill('Gastro');
    await employerPage.getByRole('option', { name: 'Gastronomie und Küche' }).click();
    await skills.fill('Reinig');
    await employerPage.getByRole('option', { name: 'Reinigung' }).click();
    await employerPage.keyboard.press('Escape');
    await employerPage.getByLabel('Deutschkenntnisse (mindestens)').selectOption('A2');
    await employerPage.getByRole('checkbox', { name: 'Schichtarbeit' }).check();
    await employerPage.getByLabel('Postleitzahl des Arbeitsorts').fill('42103');
    await employerPage.getByLabel('Arbeitsort', { exact: true }).fill('Wuppertal');
    await employerPage.getByLabel('Stunden pro Woche').fill('30');
    await employerPage.getByLabel('Beginn').fill(today());
    await assertNoViolations(employerPage, 'the employer’s new vacancy form');
    await employerPage.getByRole('button', { name: 'Stelle anlegen' }).click();
    await employerPage.locator('main h1', { hasText: VACANCY }).waitFor();
    await employerPage.getByText('Die Stelle ist angelegt.', { exact: false }).waitFor();
    await employerPage.getByText('Für diese Stelle wurde noch niemand vorgeschlagen.').waitFor();
    await assertNoViolations(employerPage, 'the employer’s vacancy page');
    const vacancyId = new URL(employerPage.url()).pathname.split('/').pop()!;

    // The case manager adds how far the candidate gets and how many hours, in the jobs tab.
    await cmPage.goto(`/participants/${participantId}?tab=jobs`);
    const profile = cmPage.getByRole('form', { name: 'Arbeitsprofil' });
    await profile.getByLabel('Unterwegs mit').selectOption({ label: 'ÖPNV (Bus und Bahn)' });
    await profile.getByLabel('Höchstens Stunden pro Woche').fill('30');
    await profile.getByLabel('Schichtarbeit möglich').selectOption({ label: 'ja' });
    await profile.getByRole('button', { name: 'Arbeitsprofil speichern' }).click();
    await profile.getByText('Die Änderungen sind gespeichert.').waitFor();
    await assertNoViolations(cmPage, 'the jobs tab');

    // The case manager finds the new vacancy and runs the match.
    await cmPage.getByRole('link', { name: 'Stellen', exact: true }).click();
    await cmPage.locator('main h1', { hasText: 'Stellen' }).waitFor();
    await cmPage.getByLabel('Suche').fill('Backstube');
    await cmPage.getByRole('link', { name: VACANCY }).click();
    await cmPage.locator('main h1', { hasText: VACANCY }).waitFor();
    await cmPage.getByRole('region', { name: 'Angaben zur Stelle' }).getByText(BAKERY, { exact: true }).waitFor();
    await cmPage.getByRole('button', { name: 'Passende Teilnehmende finden' }).click();
    const candidate = cmPage.getByRole('region', { name: 'Passende Teilnehmende' }).getByRole('article', { name });
    await candidate.getByText(/^vorhanden: (Gastronomie und Küche, Reinigung|Reinigung, Gastronomie und Küche)$/).waitFor();
    await candidate.getByText('verlangt A2, vorhanden B1').waitFor();
    await candidate.getByText(/km – mit Bus und Bahn bis \d+ km zumutbar/).waitFor();
    await candidate.getByText('30 Std./Woche verlangt, bis 30 möglich').waitFor();
    await candidate.getByText('Schichtarbeit: passt').waitFor();
    await candidate.getByText('Beschäftigungserlaubnis muss bei der Ausländerbehörde beantragt werden').waitFor();
    await candidate.getByText(/^Passung \d+ von 100$/).waitFor();
    await assertNoViolations(cmPage, 'the vacancy with its matches');

    // Proposing without a consent to the bakery is refused, with the way to the consent tab.
    await candidate.getByRole('button', { name: `Vorschlagen: ${name}` }).click();
    let dialog = cmPage.getByRole('dialog', { name: `${name} für „${VACANCY}“ vorschlagen` });
    await dialog.getByLabel('Notiz').fill('Kocht gern, sucht Frühschicht');
    await dialog.getByRole('button', { name: 'Vorschlagen' }).click();
    await dialog.getByText(`Für die Weitergabe an ${BAKERY} liegt keine gültige Einwilligung vor.`, { exact: false }).waitFor();
    await assertNoViolations(cmPage, 'the proposal refused for want of consent');
    await dialog.getByRole('link', { name: 'Zu den Einwilligungen' }).click();
    await cmPage.waitForURL((url) => url.pathname === `/participants/${participantId}` && url.searchParams.get('tab') === 'consent');

    // The consent to the bakery: contact, personal details, education and work; not residence.
    await cmPage.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await cmPage.getByRole('combobox', { name: /^Empfänger/ }).selectOption({ label: `${BAKERY} (Arbeitgeber)` });
    for (const category of ['Kontaktdaten', 'persönliche Angaben', 'Bildung und Beruf'])
      await cmPage.getByRole('checkbox', { name: category }).check();
    await cmPage.getByRole('combobox', { name: /^Art der Einwilligung/ }).selectOption({ label: 'unterschriebenes Formular' });
    await cmPage.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await cmPage.getByRole('article', { name: BAKERY }).getByText('gilt').waitFor();

    // Now the proposal goes through.
    await cmPage.goto(`/vacancies/${vacancyId}`);
    await cmPage.getByRole('button', { name: 'Passende Teilnehmende finden' }).click();
    await candidate.getByRole('button', { name: `Vorschlagen: ${name}` }).click();
    dialog = cmPage.getByRole('dialog', { name: `${name} für „${VACANCY}“ vorschlagen` });
    await dialog.getByLabel('Notiz').fill('Kocht gern, sucht Frühschicht');
    await dialog.getByRole('button', { name: 'Vorschlagen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await candidate.getByText('Bereits vorgeschlagen:').waitFor();
    const proposals = cmPage.getByRole('region', { name: 'Vermittlungsvorschläge für diese Stelle' });
    await proposals.getByRole('article', { name }).getByText('Notiz: Kocht gern, sucht Frühschicht').waitFor();

    // The bakery sees the candidate on its board, opens them: only the consented sections.
    await employerPage.getByRole('link', { name: 'Kandidat:innen' }).click();
    await employerPage.locator('main h1', { hasText: 'Kandidat:innen' }).waitFor();
    const proposed = employerPage.getByRole('region', { name: /^vorgeschlagen \(1\)$/i });
    await proposed.getByRole('article', { name: `${name}: ${VACANCY}` }).waitFor();
    await assertNoViolations(employerPage, 'the employer’s candidates board');
    await proposed.getByRole('link', { name }).click();
    await employerPage.locator('main h1', { hasText: `Kandidat/in: ${name}` }).waitFor();
    const person = employerPage.getByRole('region', { name: 'Angaben zur Person' });
    await person.getByRole('region', { name: 'Kontaktdaten' }).getByText('0202 555 0199').waitFor();
    await person.getByRole('region', { name: 'persönliche Angaben' }).getByText('B1').waitFor();
    await person
      .getByRole('region', { name: 'Bildung und Beruf' })
      .getByText(/Gastronomie und Küche \(gut\)/)
      .waitFor();
    await person.getByRole('region', { name: 'Aufenthalt' }).getByText('Nicht freigegeben.').waitFor();
    assert.equal(await employerPage.getByText('Kocht gern, sucht Frühschicht').count(), 0, 'the staff’s note stays with the staff');
    await assertNoViolations(employerPage, 'the employer’s candidate page');

    // The bakery invites to an interview, then hires.
    const move = employerPage.getByRole('form', { name: `Stufe von ${name} für ${VACANCY} ändern` });
    const next = move.getByRole('combobox', { name: 'Nächste Stufe' });
    assert.deepEqual(
      (await next.locator('option').allInnerTexts()).slice(1),
      ['beworben', 'Vorstellungsgespräch', 'Probearbeit', 'eingestellt', 'abgesagt'],
      'the employer moves forward or rejects; withdrawing is the network’s',
    );
    await next.selectOption({ label: 'Vorstellungsgespräch' });
    await move.getByLabel('Notiz zur Stufe').fill('Gespräch am Montag, 9 Uhr');
    await move.getByRole('button', { name: 'Stufe ändern' }).click();
    await employerPage.getByRole('region', { name: 'Vorschlag' }).getByText('Vorstellungsgespräch', { exact: true }).waitFor();
    await next.selectOption({ label: 'eingestellt' });
    await move.getByRole('button', { name: 'Stufe ändern' }).click();
    await employerPage.getByText('Dieser Vorschlag ist abgeschlossen:').waitFor();
    await employerPage.getByText(/: Vorstellungsgespräch \(Sabine Sonnenschein\) – Gespräch am Montag, 9 Uhr/).waitFor();
    await assertNoViolations(employerPage, 'the employer’s candidate page after the hire');

    // The case manager's stale card on the vacancy page is refused with where it stands now.
    const card = proposals.getByRole('article', { name });
    await card.getByRole('combobox', { name: 'Nächste Stufe' }).selectOption({ label: 'beworben' });
    await card.getByRole('button', { name: 'Stufe ändern' }).click();
    await card.getByText('Jemand anderes hat diesen Eintrag inzwischen geändert').waitFor();
    await assertNoViolations(cmPage, 'a stale stage move');
    await card.getByRole('button', { name: /Gespeicherten Stand laden/ }).click();
    await card.getByText('eingestellt', { exact: true }).waitFor();

    // The case manager records the placement from the jobs tab, filled in from the hire.
    await cmPage.goto(`/participants/${participantId}?tab=jobs`);
    await cmPage.getByRole('button', { name: 'Vermittlung erfassen' }).click();
    const placement = cmPage.getByRole('form', { name: 'Vermittlung erfassen' });
    assert.equal(
      await placement.getByLabel('Aus einem Vermittlungsvorschlag übernehmen').inputValue(),
      (await cm.get<{ id: string }[]>(`/api/proposals?participantId=${participantId}`))[0]!.id,
    );
    assert.equal(await placement.getByLabel(/^Tätigkeit/).inputValue(), 'Bäckereihelfer/in');
    assert.equal(await placement.getByLabel('Stunden pro Woche').inputValue(), '30');
    assert.equal(await placement.getByLabel(/^Beginn/).inputValue(), today());
    assert.equal(await placement.getByRole('combobox', { name: 'Arbeitgeber' }).locator('option:checked').innerText(), BAKERY);
    await placement
      .getByRole('combobox', { name: /^Art der Vermittlung/ })
      .selectOption({ label: 'sozialversicherungspflichtige Beschäftigung' });
    await assertNoViolations(cmPage, 'the placement form');
    await placement.getByRole('button', { name: 'Vermittlung speichern' }).click();
    await cmPage.getByText('Die Vermittlung ist erfasst', { exact: false }).waitFor();
    const placed = cmPage.getByRole('article', { name: `Bäckereihelfer/in – ${BAKERY}` });
    for (const [kind, days] of [
      ['Nach 28 Tagen', 28],
      ['Nach sechs Monaten', null],
    ] as const) {
      const followUp = placed.getByRole('region', { name: kind });
      await followUp.getByText('offen', { exact: true }).waitFor();
      if (days !== null) {
        const due = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${inDays(days)}T00:00:00Z`));
        await followUp.getByText(`${kind} · fällig am ${due}`).waitFor();
      }
    }
    await assertNoViolations(cmPage, 'the jobs tab with the placement');

    // A follow-up is recorded: still employed.
    const first = placed.getByRole('region', { name: 'Nach 28 Tagen' });
    await first.getByRole('button', { name: 'Nachfrage erfassen: Nach 28 Tagen' }).click();
    const followUpForm = first.getByRole('form', { name: 'Nachfrage Nach 28 Tagen' });
    await followUpForm.getByRole('radio', { name: 'ja' }).check();
    await followUpForm.getByLabel('Notiz').fill('Telefonisch: alles gut');
    await assertNoViolations(cmPage, 'the follow-up form');
    await followUpForm.getByRole('button', { name: 'Nachfrage speichern' }).click();
    await first.getByText('noch beschäftigt').waitFor();
    await first.getByText(/Telefonisch: alles gut/).waitFor();

    // The proposals board has the card under "hired".
    await cmPage.getByRole('link', { name: 'Vermittlung', exact: true }).click();
    await cmPage.locator('main h1', { hasText: 'Vermittlungsvorschläge' }).waitFor();
    await cmPage
      .getByRole('region', { name: /^eingestellt/i })
      .getByRole('article', { name: `${name}: ${VACANCY}` })
      .waitFor();
    await assertNoViolations(cmPage, 'the proposals board');
  });

  test('the bakery’s candidates and a candidate on a phone, in English', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await logIn(phone, DEMO_USERS.employerContact);
    await phone.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await phone.locator('main h1', { hasText: 'Welcome' }).waitFor();
    await phone.goto('/candidates');
    await phone.locator('main h1', { hasText: 'Candidates' }).waitFor();
    const applied = phone.getByRole('region', { name: /^applied/i });
    const card = applied.getByRole('article').first();
    await card.waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the board scrolls sideways by ${overflow}px`);
    // The columns stack: each below the one before.
    const boxes = await Promise.all(
      ['Proposed', 'Applied', 'Interview'].map((stage) => phone.getByRole('region', { name: new RegExp(`^${stage}`, 'i') }).boundingBox()),
    );
    assert.ok(boxes[0]!.y < boxes[1]!.y && boxes[1]!.y < boxes[2]!.y, 'the board’s columns stack on a phone');
    await assertNoViolations(phone, 'the employer’s candidates on a phone in English');

    await card.getByRole('link').first().click();
    await phone.locator('main h1', { hasText: 'Candidate:' }).waitFor();
    await phone.getByRole('region', { name: 'Residence' }).getByText('Not shared.').waitFor();
    const candidateOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(candidateOverflow <= 0, `the candidate page scrolls sideways by ${candidateOverflow}px`);
    await assertNoViolations(phone, 'the employer’s candidate page on a phone in English');
    await context.close();
  });
});
