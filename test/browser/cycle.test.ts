import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// One six-month cycle with both sides at their own browser: the case manager's plan and
// referral (prepared through the API with the page's session), the partner's caseworker
// accepting it from the inbox, seeing only the consented categories and recording
// progress; the case manager seeing that progress; appointments moved; the case
// conference decided and closed into the next cycle, whose plan is finalised and whose
// referral is drafted. The transmission form and the plan print as PDFs. Then the
// partner's referral page on a phone.

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

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

async function pdfText(page: Page, href: string): Promise<string> {
  const response = await page.request.get(href);
  assert.equal(response.status(), 200, href);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'lotse-cycle-'));
  writeFileSync(join(dir, 'form.pdf'), await response.body());
  return execFileSync('pdftotext', ['-layout', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
}

const JOB_COACHING = 'Jobcoaching Bergisch Land e.V.';

interface Prepared {
  participantId: string;
  name: string;
  partner: string;
  interviewTraining: string;
  cvStep: { lineageId: string; stepTypeId: string; text: string };
}

/**
 * What the case manager has before the referral (the case file and the plan have journeys
 * of their own): a person, consent for the job coaching partner (contact, education and
 * work, plan progress) and a finalised plan with a step for the partner and one for the office.
 */
async function preparePlan(cm: Session, givenNames: string, familyName: string): Promise<Prepared> {
  const office = cm.me.memberships.find((m) => m.role === 'case_manager')!.organisationId!;
  const cities = await cm.get<{ id: string; name: string }[]>('/api/cities');
  const recipients = await cm.get<{ id: string; name: string }[]>('/api/consent-recipients');
  const partner = recipients.find((r) => r.name.startsWith('Jobcoaching'))!.id;
  const types = await cm.get<{ id: string; key: string }[]>('/api/step-types');
  const type = (key: string) => types.find((s) => s.key === key)!.id;
  const person = await cm.send<{ id: string }>('post', '/api/participants', {
    officeId: office,
    cityId: cities.find((c) => c.name === 'Wuppertal')!.id,
    caseManagerId: cm.me.user.id,
    givenNames,
    familyName,
    birthDate: '1991-04-12',
    phone: '0202 555 0142',
    status: 'active',
  });
  await cm.send('post', `/api/participants/${person.id}/consents`, {
    recipientOrganisationId: partner,
    categories: ['contact', 'education_work', 'plan_progress'],
    language: 'ar',
    givenOn: today(),
    method: 'signed_form',
  });
  const draft = await cm.send<{ id: string; version: number }>('post', `/api/participants/${person.id}/plan/draft`);
  const saved = await cm.send<{ version: number }>('put', `/api/plan-versions/${draft.id}`, {
    version: draft.version,
    goals: [
      {
        title: 'Arbeit als Lagerist finden',
        steps: [
          { stepTypeId: type('cv_folder'), text: `Lebenslauf für ${givenNames}`, responsibleOrganisationId: partner, dueOn: today() },
          { stepTypeId: type('language_course'), text: `B1-Kurs für ${givenNames}`, responsibleOrganisationId: office, dueOn: inDays(3) },
        ],
      },
    ],
  });
  const plan = await cm.send<{ goals: { steps: { lineageId: string; stepTypeId: string; text: string }[] }[] }>(
    'post',
    `/api/plan-versions/${draft.id}/finalise`,
    { version: saved.version, discussedOn: today(), attendees: 'Teilnehmer, Fallmanagerin' },
  );
  return {
    participantId: person.id,
    name: `${givenNames} ${familyName}`,
    partner,
    interviewTraining: type('interview_training'),
    cvStep: plan.goals[0]!.steps[0]!,
  };
}

/** The same referral as the journey sends through the referrals tab: contact and plan progress, two tasks. */
async function sendReferral(cm: Session, p: Prepared): Promise<string> {
  const referral = await cm.send<{ id: string; version: number }>('post', `/api/participants/${p.participantId}/referrals`, {
    partnerOrganisationId: p.partner,
    startsOn: today(),
    categories: ['contact', 'plan_progress'],
    tasks: [
      { stepLineageId: p.cvStep.lineageId, stepTypeId: p.cvStep.stepTypeId, text: p.cvStep.text },
      { stepTypeId: p.interviewTraining, text: 'Probegespräche', dueOn: inDays(2) },
    ],
  });
  await cm.send('post', `/api/referrals/${referral.id}/send`, { version: referral.version });
  return referral.id;
}

describe('the cycle between the case manager and the partner', () => {
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

  test('referral, acceptance, progress, appointments, conference and the next cycle', async () => {
    const cmPage = await (await newContext(browser, server)).newPage();
    const partnerPage = await (await newContext(browser, server)).newPage();
    await Promise.all([logIn(cmPage, DEMO_USERS.caseManager), logIn(partnerPage, DEMO_USERS.partnerCaseworker)]);
    const cm = await sessionOf(cmPage);
    const { participantId, name } = await preparePlan(cm, 'Samira', 'Haddad');

    // The case manager refers her to the job coaching partner from the case file's referrals tab.
    await cmPage.goto(`/participants/${participantId}?tab=referrals`);
    await cmPage.getByRole('button', { name: 'Neue Überleitung' }).click();
    const referralForm = cmPage.getByRole('form', { name: 'Neue Überleitung an eine Partnerorganisation' });
    await referralForm.getByRole('combobox', { name: /^Partnerorganisation/ }).selectOption({ label: JOB_COACHING });
    await referralForm.getByRole('checkbox', { name: 'Kontaktdaten' }).check();
    await referralForm.getByRole('checkbox', { name: 'Förderplan und Fortschritt' }).check();
    await referralForm.getByRole('checkbox', { name: /Bewerbungsmappe – Lebenslauf für Samira/ }).check();
    await referralForm.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    await referralForm.getByLabel('Art der Aufgabe 1').selectOption({ label: 'Vorstellungsgespräch üben' });
    await referralForm.getByLabel('Beschreibung der Aufgabe 1').fill('Probegespräche mit Samira');
    await referralForm.getByLabel('Fällig bis (Aufgabe 1)').fill(inDays(2));
    await referralForm.getByLabel('Nachricht an die Partnerorganisation').fill('Bitte mit Dolmetschung (Arabisch) planen.');
    await referralForm.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await cmPage
      .getByRole('article', { name: `${JOB_COACHING} (Entwurf)` })
      .getByRole('button', { name: 'Senden', exact: true })
      .click();
    const sent = cmPage.getByRole('article', { name: `${JOB_COACHING} (gesendet)` });
    const referralId = (await sent.getByRole('link', { name: 'Überleitung öffnen' }).getAttribute('href'))!.split('/').pop()!;

    // The case manager's week has the plan's own step and the referral waiting; the start page leads there.
    await cmPage.getByRole('link', { name: 'Start', exact: true }).click();
    await cmPage.getByRole('link', { name: 'Zur Wochenübersicht' }).click();
    await cmPage.locator('main h1', { hasText: 'Meine Woche' }).waitFor();
    await cmPage
      .getByRole('region', { name: 'Fällige Schritte und Aufgaben' })
      .getByRole('link', { name: 'Sprachkurs: B1-Kurs für Samira' })
      .waitFor();
    await cmPage.getByRole('region', { name: 'Überleitungen ohne Antwort' }).getByRole('link', { name }).waitFor();
    await assertNoViolations(cmPage, 'the case manager’s week');

    // The partner finds the referral in the inbox and accepts it, naming themselves.
    await partnerPage.getByRole('link', { name: 'Überleitungen' }).first().click();
    await partnerPage.locator('main h1', { hasText: 'Überleitungen' }).waitFor();
    await partnerPage.getByRole('link', { name }).waitFor();
    await assertNoViolations(partnerPage, 'the partner’s inbox');
    await partnerPage.getByRole('button', { name: `Überleitung von ${name} annehmen` }).click();
    const dialog = partnerPage.getByRole('dialog', { name: `Überleitung von ${name} annehmen` });
    const caseworker = dialog.getByLabel('Betreuungskraft');
    await caseworker.locator('option', { hasText: 'Jonas Becker' }).waitFor({ state: 'attached' });
    assert.equal(await caseworker.locator('option:checked').innerText(), 'Jonas Becker');
    await assertNoViolations(partnerPage, 'the accept dialog');
    await dialog.getByRole('button', { name: 'Annehmen' }).click();
    await partnerPage.waitForURL((url) => url.pathname === `/referrals/${referralId}`);
    await partnerPage.locator('main h1', { hasText: `Überleitung: ${name}` }).waitFor();

    // Only the categories the form shares and the consent covers.
    const person = partnerPage.getByRole('region', { name: 'Teilnehmende/r' });
    await person.getByRole('region', { name: 'Kontaktdaten' }).getByText('0202 555 0142').waitFor();
    await person.getByRole('region', { name: 'Förderplan und Fortschritt' }).getByText('Arbeit als Lagerist finden').waitFor();
    for (const closed of ['persönliche Angaben', 'Bildung und Beruf', 'Aufenthalt'])
      await person.getByRole('region', { name: closed }).getByText('Nicht freigegeben.').waitFor();
    await partnerPage.getByRole('region', { name: 'Übermittlungsbogen' }).getByText('Jonas Becker', { exact: true }).waitFor();

    // The case manager has the referral open while the partner records progress.
    await cmPage.goto(`/referrals/${referralId}`);
    const cmTask = cmPage.getByRole('article', { name: 'Bewerbungsmappe: Lebenslauf für Samira' });
    await cmTask.getByLabel('Status').waitFor();

    const task = partnerPage.getByRole('article', { name: 'Bewerbungsmappe: Lebenslauf für Samira' });
    await task.getByLabel('Status').selectOption({ label: 'in Arbeit' });
    await task.getByLabel('Stand').fill('Entwurf liegt vor, Zeugnisse fehlen noch');
    await task.getByRole('button', { name: 'Stand speichern' }).click();
    await task.getByText('Die Änderungen sind gespeichert.').waitFor();
    await partnerPage
      .getByRole('article', { name: /^Austauschtermin/ })
      .first()
      .waitFor();
    await assertNoViolations(partnerPage, 'the partner’s referral page');

    // The case manager's stale form is refused with what differs; loading shows the partner's status.
    await cmTask.getByLabel('Status').selectOption({ label: 'erledigt' });
    await cmTask.getByRole('button', { name: 'Stand speichern' }).click();
    await cmTask.getByText('Jemand anderes hat diesen Eintrag inzwischen geändert').waitFor();
    await assertNoViolations(cmPage, 'the referral page with a conflict');
    await cmTask.getByRole('button', { name: /Gespeicherten Stand laden/ }).click();
    assert.equal(await cmTask.getByLabel('Status').inputValue(), 'in_progress');
    assert.equal(await cmTask.getByLabel('Stand').inputValue(), 'Entwurf liegt vor, Zeugnisse fehlen noch');

    // Both see the proposed appointments: two exchanges and the conference.
    for (const page of [cmPage, partnerPage]) {
      await page.getByRole('article', { name: /^Fallbesprechung/ }).waitFor();
      assert.equal(await page.getByRole('article', { name: /^Austauschtermin/ }).count(), 2);
    }
    // The partner moves the first exchange to the afternoon in their own rooms; the case manager sees it.
    const first = partnerPage.getByRole('article', { name: /^Austauschtermin/ }).first();
    await first.getByRole('button', { name: 'Verschieben' }).click();
    await first.getByLabel('Uhrzeit').fill('13:30');
    await first.getByLabel('Ort').fill('Jobcoaching, Raum 2');
    await first.getByRole('button', { name: 'Neuen Termin speichern' }).click();
    await partnerPage
      .getByRole('article', { name: /^Austauschtermin.*13:30/ })
      .getByText(/Jobcoaching, Raum 2/)
      .waitFor();
    await cmPage.reload();
    await cmPage
      .getByRole('article', { name: /^Austauschtermin.*13:30/ })
      .getByText(/Jobcoaching, Raum 2/)
      .waitFor();

    // The partner's week lists the tasks of the referral.
    await partnerPage.getByRole('link', { name: 'Meine Woche' }).click();
    await partnerPage
      .getByRole('region', { name: 'Meine fälligen Aufgaben' })
      .getByRole('link', { name: 'Vorstellungsgespräch üben: Probegespräche mit Samira' })
      .waitFor();
    await assertNoViolations(partnerPage, 'the partner’s week');

    // Transmission form through the case manager's session.
    const formHref = await cmPage.getByRole('link', { name: 'Übermittlungsbogen als PDF' }).getAttribute('href');
    const form = await pdfText(cmPage, formHref!);
    assert.match(form, /Samira Haddad/);
    assert.match(form, /Jobcoaching Bergisch Land/);
    assert.match(form, /Lebenslauf für Samira/);
    assert.match(form, /Fatma Yılmaz/);
    assert.match(form, /Jonas Becker/, 'the partner’s answer names the caseworker');
    assert.match(form, /Bitte mit Dolmetschung \(Arabisch\) planen/);

    // The conference: a decision on each task, a new task, minutes; closed into the next cycle.
    await cmPage.getByRole('link', { name: 'Fallbesprechung vorbereiten' }).click();
    await cmPage.locator('main h1', { hasText: `Fallbesprechung: ${name}` }).waitFor();
    const conferenceId = new URL(cmPage.url()).pathname.split('/').pop()!;
    const cv = cmPage.getByRole('article', { name: 'Bewerbungsmappe: Lebenslauf für Samira' });
    await cv.getByText('Status: in Arbeit', { exact: false }).waitFor();
    await cv.getByText('Entwurf liegt vor, Zeugnisse fehlen noch', { exact: false }).waitFor();
    await cv.getByLabel('Entscheidung').selectOption({ label: 'erledigt' });
    await cv.getByLabel('Anmerkung').fill('Mappe fertig');
    await cmPage.getByRole('button', { name: 'Speichern und abschließen' }).click();
    await cmPage.getByText('Für den nächsten Förderzyklus braucht jede Aufgabe eine Entscheidung.').waitFor();
    await cmPage
      .getByRole('article', { name: 'Vorstellungsgespräch üben: Probegespräche mit Samira' })
      .getByLabel('Entscheidung')
      .selectOption({ label: 'fortführen' });
    await cmPage.getByRole('button', { name: 'Neue Aufgabe hinzufügen' }).click();
    const added = cmPage.getByRole('group', { name: 'Neue Aufgabe 1' });
    await added.getByLabel('Art').selectOption({ label: 'Praktikum' });
    await added.getByLabel('Beschreibung').fill('Praktikum im Lager');
    await added.getByLabel('Fällig am').fill(inDays(60));
    await cmPage.getByLabel('Protokoll').fill('Gute Fortschritte, Mappe ist fertig.');
    await cmPage.getByLabel('Nächste Schritte').fill('Praktikumsplatz suchen');
    await cmPage.getByRole('button', { name: 'Fallbesprechung speichern' }).click();
    await cmPage.getByText('Die Änderungen sind gespeichert.').waitFor();
    await assertNoViolations(cmPage, 'the conference page');
    await cmPage.getByRole('button', { name: 'Speichern und abschließen' }).click();
    await cmPage.getByText(/Abgeschlossen am .*: Nächster Förderzyklus/).waitFor();
    await cmPage.getByRole('cell', { name: /Praktikum: Praktikum im Lager/ }).waitFor();
    await assertNoViolations(cmPage, 'the closed conference');

    // The next plan version waits as a draft in the plan tab, drawn from the conference.
    await cmPage.getByRole('link', { name: 'Zum Entwurf des nächsten Förderplans' }).click();
    await cmPage.waitForURL((url) => url.pathname === `/participants/${participantId}` && url.searchParams.get('tab') === 'plan');
    const overview = await cm.get<{
      draft: { id: string; version: number; conferenceId: string | null; goals: { steps: { text: string; status: string }[] }[] } | null;
    }>(`/api/participants/${participantId}/plan`);
    assert.equal(overview.draft?.conferenceId, conferenceId);
    const steps = overview.draft.goals.flatMap((g) => g.steps);
    assert.equal(steps.find((s) => s.text === 'Lebenslauf für Samira')?.status, 'done');
    assert.equal(steps.find((s) => s.text === 'Praktikum im Lager')?.status, 'open');

    // Finalised with the participant in the plan tab, it drafts the next cycle's referral.
    await cmPage.getByText('Dieser Entwurf entstand aus einer Fallbesprechung.', { exact: false }).waitFor();
    await cmPage.getByRole('button', { name: 'Mit der teilnehmenden Person abschließen' }).click();
    const finalise = cmPage.getByRole('dialog', { name: 'Förderplan abschließen' });
    await finalise.getByLabel('Beteiligt').fill('Teilnehmerin, Fallmanagerin, Jobcoach');
    await finalise.getByRole('button', { name: 'Abschließen' }).click();
    await cmPage.getByText('Version 2 ist jetzt der aktuelle Förderplan.').waitFor();
    await cmPage.getByRole('tab', { name: 'Überleitungen' }).click();
    const nextDraft = cmPage.getByRole('article', { name: `${JOB_COACHING} (Entwurf)` });
    await nextDraft.getByRole('link', { name: 'Überleitung öffnen' }).click();
    await cmPage.locator('main h1', { hasText: `Überleitung: ${name}` }).waitFor();
    assert.notEqual(new URL(cmPage.url()).pathname, `/referrals/${referralId}`);
    await cmPage.getByRole('region', { name: 'Übermittlungsbogen' }).getByText('Entwurf', { exact: true }).waitFor();
    await cmPage.getByRole('article', { name: 'Praktikum: Praktikum im Lager' }).waitFor();
    await cmPage.getByRole('article', { name: 'Vorstellungsgespräch üben: Probegespräche mit Samira' }).waitFor();

    const current = await cm.get<{ current: { id: string; number: number } }>(`/api/participants/${participantId}/plan`);
    assert.equal(current.current.number, 2);
    const plan = await pdfText(cmPage, `/api/plan-versions/${current.current.id}/pdf?language=de`);
    assert.match(plan, /Samira Haddad/);
    assert.match(plan, /Praktikum im Lager/);
  });

  test('the partner’s referral page fits a phone; the case manager closes that case at its conference', async () => {
    const cmPage = await (await newContext(browser, server)).newPage();
    await logIn(cmPage, DEMO_USERS.caseManager);
    const cm = await sessionOf(cmPage);
    const prepared = await preparePlan(cm, 'Darya', 'Karimi');
    const { participantId } = prepared;
    const referralId = await sendReferral(cm, prepared);
    const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await logIn(phone, DEMO_USERS.partnerCaseworker);
    const partner = await sessionOf(phone);
    const sent = await partner.get<{ version: number }>(`/api/referrals/${referralId}`);
    await partner.send('post', `/api/referrals/${referralId}/accept`, { version: sent.version, caseworkerId: partner.me.user.id });

    await phone.goto(`/referrals/${referralId}`);
    await phone.getByRole('region', { name: 'Kontaktdaten' }).getByText('0202 555 0142').waitFor();
    await phone.getByRole('article', { name: /^Fallbesprechung/ }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await assertNoViolations(phone, 'the partner’s referral page on a phone');
    await phone
      .getByRole('article', { name: /^Austauschtermin/ })
      .first()
      .getByRole('button', { name: 'Verschieben' })
      .click();
    const moved = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(moved <= 0, `the move form scrolls sideways by ${moved}px`);
    await assertNoViolations(phone, 'the move form on a phone');

    // The same page in English.
    await phone.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await phone.locator('main h1', { hasText: 'Referral: Darya Karimi' }).waitFor();
    await phone.getByRole('region', { name: 'Personal details' }).getByText('Not shared.').waitFor();
    await assertNoViolations(phone, 'the partner’s referral page on a phone in English');
    await phone.goto('/week');
    await phone.locator('main h1', { hasText: 'My week' }).waitFor();
    await assertNoViolations(phone, 'the partner’s week on a phone in English');

    // The case manager ends this case at its conference: a placement into work.
    const appointments = await cm.get<{ id: string; kind: string }[]>(`/api/appointments?referralId=${referralId}`);
    await cmPage.goto(`/conferences/${appointments.find((x) => x.kind === 'case_conference')!.id}`);
    await cmPage.getByRole('radio', { name: 'Fall abschließen' }).check();
    await cmPage.getByRole('button', { name: 'Speichern und abschließen' }).click();
    await cmPage.getByText('Bitte Austrittsgrund und Austrittsdatum angeben.').waitFor();
    await assertNoViolations(cmPage, 'closing the case at the conference');
    await cmPage.getByRole('combobox', { name: /^Austrittsgrund/ }).selectOption({ label: 'Arbeitsaufnahme' });
    await cmPage.getByRole('button', { name: 'Speichern und abschließen' }).click();
    await cmPage.getByText(/Abgeschlossen am .*: Fall abschließen/).waitFor();
    const closed = await cm.get<{ currentCase: { exitReason: string | null; exitDate: string | null } }>(
      `/api/participants/${participantId}`,
    );
    assert.deepEqual([closed.currentCase.exitReason, closed.currentCase.exitDate], ['placed_employment', today()]);
  });

  test('the cycle rules for admins, and the personal calendar feed', async () => {
    const admin = await (await newContext(browser, server)).newPage();
    await logIn(admin, DEMO_USERS.admin);
    await admin.getByRole('link', { name: 'Zyklusregeln' }).click();
    await admin.locator('main h1', { hasText: 'Zyklusregeln' }).waitFor();
    const exchange = admin.getByLabel('Austauschtermine nach (Monaten)');
    assert.equal(await exchange.inputValue(), '2, 4');
    await exchange.fill('2, 4, 6');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await admin.getByText('Jeder Austauschtermin muss vor dem Ende des Zyklus liegen', { exact: false }).waitFor();
    await assertNoViolations(admin, 'the cycle rules with an error');
    await exchange.fill('2, 4, 5');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await admin.getByText('Die Änderungen sind gespeichert.').waitFor();
    await admin.reload();
    assert.equal(await admin.getByLabel('Austauschtermine nach (Monaten)').inputValue(), '2, 4, 5');

    const page = await (await newContext(browser, server)).newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.getByRole('link', { name: 'Profil' }).click();
    await page.getByText('Kein Kalender-Abonnement eingerichtet.').waitFor();
    await page.getByRole('button', { name: 'Kalender-Link erstellen' }).click();
    const first = await page.getByRole('textbox', { name: 'Kalender-Link' }).inputValue();
    await page.getByText(/Aktiv seit/).waitFor();
    await assertNoViolations(page, 'the profile with a new calendar link');
    const feed = await page.request.get(first);
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type'] ?? '', /text\/calendar/);
    assert.match(await feed.text(), /BEGIN:VCALENDAR/);
    // A new link ends the old one; revoking ends the new one.
    await page.getByRole('button', { name: 'Neuen Kalender-Link erstellen' }).click();
    await page.waitForFunction((old) => document.querySelector<HTMLInputElement>('input[readonly]')?.value !== old, first);
    const second = await page.getByRole('textbox', { name: 'Kalender-Link' }).inputValue();
    assert.notEqual((await page.request.get(first)).status(), 200);
    assert.equal((await page.request.get(second)).status(), 200);
    await page.getByRole('button', { name: 'Kalender-Link widerrufen' }).click();
    await page.getByText('Kein Kalender-Abonnement eingerichtet.').waitFor();
    assert.notEqual((await page.request.get(second)).status(), 200);
  });
});
