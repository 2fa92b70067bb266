import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// The case manager records a new person, holds the intake, is warned when the same
// person is entered again under another spelling, records consent for the job
// coaching partner with its printed form, and finds the person again by search; hands
// a case to a colleague; an admin undoes a wrong merge. Every page on the way is
// checked with axe-core.

const BIRTH_DATE = '1994-11-07';

describe('the case file', () => {
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
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
  }

  async function fillPerson(page: Page, given: string, family: string) {
    await page.getByLabel('Vornamen').fill(given);
    await page.getByLabel('Nachname').fill(family);
    await page.getByLabel('Geburtsdatum').fill(BIRTH_DATE);
    await page.getByLabel('Nachname').focus();
  }

  test('create, intake, duplicate warning, consent with its printed form, search by another spelling', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.getByRole('link', { name: 'Neue/r Teilnehmende/r' }).click();
    await page.locator('main h1', { hasText: 'Neue/r Teilnehmende/r' }).waitFor();
    await assertNoViolations(page, 'the create form');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.locator('.mantine-InputWrapper-error').first().waitFor();
    await assertNoViolations(page, 'the create form with errors');

    await fillPerson(page, 'Mohamad', 'Al-Hassan');
    await page.getByLabel('Stadt').selectOption({ label: 'Wuppertal' });
    await page.getByLabel('Fallstatus').selectOption({ label: 'Aktiv' });
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.locator('main h1', { hasText: 'Mohamad Al-Hassan' }).waitFor();
    const firstUrl = page.url();
    await assertNoViolations(page, 'the Person tab');
    await page.getByRole('button', { name: 'Angaben bearbeiten' }).click();
    await page.getByLabel('Telefon').fill('0202 123456');
    await page.getByLabel('Dolmetschen nötig').check();
    await page.getByLabel('Sprache für Dolmetschen').fill('Arabisch');
    await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    await page.getByRole('textbox', { name: 'Sprache 1' }).fill('Arabisch');
    await page.getByLabel('Niveau 1').selectOption({ label: 'Muttersprache' });
    await assertNoViolations(page, 'the Person tab while editing');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Änderungen sind gespeichert.').waitFor();
    await page.getByRole('region', { name: 'Kontakt' }).getByText('0202 123456').waitFor();
    await page.getByRole('region', { name: 'Kontakt' }).getByText('Arabisch').waitFor();
    await page.getByRole('region', { name: 'Person' }).getByText('Arabisch (Muttersprache)').waitFor();

    await page.getByRole('tab', { name: 'Fall' }).click();
    await page.getByRole('region', { name: 'Fall' }).getByText('Aktiv').waitFor();
    await assertNoViolations(page, 'the Case tab');

    await page.getByRole('tab', { name: 'Erstgespräch' }).click();
    const education = page.getByRole('region', { name: 'Schulbildung' });
    await education.getByLabel('Schuljahre').fill('10');
    await education.getByLabel('Höchster Abschluss').fill('Abitur (Aleppo)');
    await education.getByRole('button', { name: 'Abschnitt speichern' }).click();
    await education.getByText('gespeichert', { exact: true }).waitFor();
    const labourMarket = page.getByRole('region', { name: 'Arbeitsmarktstatus' });
    await labourMarket.getByLabel('Status bei Eintritt').selectOption({ label: 'arbeitslos' });
    await labourMarket.getByRole('button', { name: 'Abschnitt speichern' }).click();
    await labourMarket.getByText('gespeichert', { exact: true }).waitFor();
    const work = page.getByRole('region', { name: 'Berufserfahrung' });
    await work.getByRole('button', { name: 'Tätigkeit hinzufügen' }).click();
    await work.getByLabel('Tätigkeit').fill('Schneider');
    await work.getByRole('button', { name: 'Abschnitt speichern' }).click();
    await work.getByText('Bitte ausfüllen', { exact: false }).first().waitFor();
    await assertNoViolations(page, 'the Intake tab with an error');
    await work.getByLabel('Jahre').fill('6');
    await work.getByRole('button', { name: 'Abschnitt speichern' }).click();
    await work.getByText('gespeichert', { exact: true }).waitFor();
    const id = new URL(firstUrl).pathname.split('/').pop();
    const intake = (await (await page.request.get(`/api/participants/${id}/intake`)).json()) as { sections: Record<string, unknown> };
    assert.deepEqual(Object.keys(intake.sections).sort(), ['education', 'labourMarket', 'workExperience']);

    await page.getByRole('tab', { name: 'Aufenthalt' }).click();
    await page.getByRole('button', { name: 'Dokument hinzufügen' }).click();
    await page.getByLabel('Aufenthaltstitel').selectOption({ label: 'Aufenthaltserlaubnis' });
    await page.getByLabel('Nebenbestimmung Beschäftigung').selectOption({ label: 'Beschäftigung erlaubt' });
    await page.getByLabel('Gültig bis').fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('cell', { name: /Aufenthaltserlaubnis/ }).waitFor();
    await page.getByText('Aufenthaltsdokument läuft ab', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Korrigieren' }).click();
    await page.getByLabel('Paragraf').fill('§ 25 Abs. 2');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('cell', { name: '§ 25 Abs. 2' }).waitFor();
    await assertNoViolations(page, 'the Residence tab');

    await page.getByRole('tab', { name: 'Einwilligungen' }).click();
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await page.getByLabel('Empfänger').selectOption({ label: 'Jobcoaching Bergisch Land e.V. (Partnerorganisation)' });
    await page.getByLabel('Kontaktdaten').check();
    await page.getByLabel('Bildung und Beruf').check();
    const formLink = page.getByRole('link', { name: 'Deutsch' });
    const pdf = await page.request.get((await formLink.getAttribute('href'))!);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'lotse-consent-'));
    writeFileSync(join(dir, 'form.pdf'), await pdf.body());
    const text = execFileSync('pdftotext', [join(dir, 'form.pdf'), '-'], { encoding: 'utf8' });
    assert.match(text, /Mohamad Al-Hassan/);
    assert.match(text, /Jobcoaching Bergisch Land/);
    await page.getByLabel('Art der Einwilligung').selectOption({ label: 'unterschriebenes Formular' });
    await assertNoViolations(page, 'the consent form');
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    const consent = page.getByRole('article', { name: 'Jobcoaching Bergisch Land e.V.' });
    await consent.getByText('gilt').waitFor();
    await assertNoViolations(page, 'the Consent tab');
    // The recorded consent prints in Arabic too.
    const arabic = await page.request.get((await consent.getByRole('link', { name: 'العربية' }).getAttribute('href'))!);
    assert.equal(arabic.headers()['content-type'], 'application/pdf');

    // A second consent, withdrawn again.
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await page.getByLabel('Empfänger').selectOption({ index: 2 });
    await page.getByRole('checkbox', { name: 'Aufenthalt' }).check();
    await page.getByLabel('Art der Einwilligung').selectOption({ label: 'mündlich mit Dolmetschung' });
    await page.getByLabel('Sprache der Aufklärung').fill('ar');
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    const second = page.getByRole('article').filter({ hasText: 'mündlich mit Dolmetschung' });
    await second.getByRole('button', { name: 'Widerrufen' }).click();
    await second.getByLabel('Notiz zum Widerruf').fill('Telefonisch widerrufen');
    await second.getByRole('button', { name: 'Widerruf speichern' }).click();
    await second.getByText('widerrufen', { exact: true }).waitFor();
    await second.getByText(/Telefonisch widerrufen/).waitFor();

    await page.getByRole('tab', { name: 'Erwerbsfähigkeit' }).click();
    await page.getByText('Vertraulich: Gesundheitsdaten').waitFor();
    await page.getByLabel('Prüfung nötig').selectOption({ label: 'ja' });
    await page.getByLabel('Ergebnis').selectOption({ label: 'erwerbsfähig mit Einschränkungen' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte nennen Sie die Einschränkungen.').waitFor();
    await assertNoViolations(page, 'the Employability tab with an error');
    await page.getByLabel('Einschränkungen').fill('Kein schweres Heben');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Änderungen sind gespeichert.').waitFor();
    // Saved again: the second save sends the version the first one returned.
    await page.getByLabel('Erneut prüfen am').fill('2027-05-01');
    const check = page.waitForResponse((r) => r.url().endsWith('/employability-check') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Speichern' }).click();
    assert.equal((await check).status(), 200);
    await assertNoViolations(page, 'the Employability tab');

    await page.getByRole('tab', { name: 'Verlauf' }).click();
    await page.getByText('Einwilligung widerrufen').waitFor();
    await assertNoViolations(page, 'the Timeline tab');

    // The same person again, spelt another way: warned on leaving the fields, stopped on save.
    await page.goto('/participants/new');
    await fillPerson(page, 'Muhammad', 'Hassan');
    await page.getByLabel('Vornamen').focus();
    const early = page.getByRole('alert').filter({ hasText: 'Diese Person ist vielleicht schon erfasst' });
    await early.getByRole('link', { name: 'Mohamad Al-Hassan' }).waitFor();
    await page.getByLabel('Stadt').selectOption({ label: 'Wuppertal' });
    await page.getByRole('button', { name: 'Anlegen' }).click();
    const blocking = page.getByRole('alert').filter({ hasText: 'Bitte prüfen' });
    await blocking.getByRole('link', { name: 'Mohamad Al-Hassan' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Anlegen' }).isDisabled());
    await assertNoViolations(page, 'the create form with the duplicate warning');
    // Judged a different person: acknowledged, and recorded.
    await page.getByLabel('Ich habe die Einträge geprüft: Es ist eine andere Person.').check();
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.locator('main h1', { hasText: 'Muhammad Hassan' }).waitFor();

    // Found by search under yet another spelling.
    await page.goto('/participants');
    await page.locator('main tbody tr').first().waitFor();
    const searched = page.waitForResponse((r) => r.url().includes('/api/participants?') && r.url().includes('q=Muhamad'));
    await page.getByLabel('Suche').fill('Muhamad Alhasan');
    await searched;
    await page.waitForFunction(() => !document.querySelector('main table[aria-busy]'));
    await page.locator('main tbody tr', { hasText: 'Mohamad' }).getByRole('link', { name: 'Al-Hassan' }).waitFor();

    // The server's export takes the same filters.
    const csvLink = page.getByRole('link', { name: 'CSV herunterladen' });
    assert.match((await csvLink.getAttribute('href'))!, /q=Muhamad/);
    const csv = await page.request.get((await csvLink.getAttribute('href'))!);
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /Mohamad/);
    await context.close();
  });

  test('a case changed meanwhile: the case manager sees what differs, loads it, and saves again', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    const list = (await (await page.request.get('/api/participants?status=active&pageSize=1')).json()) as { items: { id: string }[] };
    const id = list.items[0]!.id;
    await page.goto(`/participants/${id}?tab=case`);
    const form = page.getByRole('region', { name: 'Fall' }).locator('xpath=..').locator('form');
    await form.getByLabel('Fallstatus').waitFor();

    // A colleague pauses the case in the meantime.
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const person = (await (await page.request.get(`/api/participants/${id}`)).json()) as { currentCase: { id: string; version: number } };
    const paused = await page.request.patch(`/api/cases/${person.currentCase.id}`, {
      headers: { 'x-csrf-token': me.csrfToken, origin: server.url },
      data: { status: 'paused', version: person.currentCase.version },
    });
    assert.equal(paused.status(), 200);

    await form.getByLabel('Eintritt', { exact: true }).fill('2025-01-02');
    await form.getByRole('button', { name: 'Speichern' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat diesen Eintrag inzwischen geändert' });
    await notice.getByRole('row', { name: /Fallstatus.*Aktiv.*Pausiert/ }).waitFor();
    await assertNoViolations(page, 'the Case tab with a conflict');
    await notice.getByRole('button', { name: /Gespeicherten Stand laden/ }).click();
    assert.equal(await form.getByLabel('Fallstatus').inputValue(), 'paused');
    await form.getByLabel('Fallstatus').selectOption({ label: 'Aktiv' });
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByText('Die Änderungen sind gespeichert.').waitFor();
    await context.close();
  });

  test('in English on a phone, the new pages have no axe violations either', async () => {
    const context = await newContext(browser, server, { locale: 'en-GB', width: 390 });
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await page.getByLabel('Sprache').selectOption('en');
    await saved;
    const list = (await (await page.request.get('/api/participants?pageSize=1&sort=residenceValidUntil')).json()) as {
      items: { id: string }[];
    };
    const id = list.items[0]!.id;
    const paths = [
      '/',
      '/participants/new',
      ...['person', 'case', 'intake', 'residence', 'consent', 'employability', 'timeline'].map((tab) => `/participants/${id}?tab=${tab}`),
      '/deadlines',
      '/duplicates',
      '/imports',
    ];
    for (const path of paths) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('main .mantine-Loader-root'));
      await assertNoViolations(page, `${path} (English, 390 px)`);
    }
    // Restore German for the other tests of this file.
    const restored = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await page.getByLabel('Language').selectOption('de');
    await restored;
    await context.close();
  });

  test('the case manager hands a case to a colleague and filters the list by that colleague', async () => {
    // A colleague joins the Wuppertal office: the admin gives her the role.
    const adminContext = await newContext(browser, server);
    const admin = await adminContext.newPage();
    await logIn(admin, DEMO_USERS.admin);
    const adminMe = (await (await admin.request.get('/api/me')).json()) as { csrfToken: string };
    const offices = (await (await admin.request.get('/api/organisations?q=Fallmanagement%20Wuppertal')).json()) as {
      items: { id: string }[];
    };
    const colleague = await admin.request.post('/api/users', {
      headers: { 'x-csrf-token': adminMe.csrfToken, origin: server.url },
      data: {
        email: 'fallmanager.zwei@lotse.example',
        displayName: 'Jana Becker',
        password: 'colleague-password',
        memberships: [{ role: 'case_manager', organisationId: offices.items[0]!.id }],
      },
    });
    assert.equal(colleague.status(), 201, await colleague.text());
    const colleagueId = ((await colleague.json()) as { id: string }).id;
    await adminContext.close();

    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    const list = (await (await page.request.get('/api/participants?status=active&sort=familyName&order=desc&pageSize=1')).json()) as {
      items: { id: string; familyName: string; givenNames: string }[];
    };
    const person = list.items[0]!;
    await page.goto(`/participants/${person.id}?tab=case`);
    const form = page.getByRole('region', { name: 'Fall' }).locator('xpath=..').locator('form');
    await form.getByLabel('Fallmanager/in').locator('option', { hasText: 'Jana Becker' }).waitFor({ state: 'attached' });
    assert.equal(await form.getByLabel('Fallmanager/in').locator('option:checked').innerText(), 'Fatma Yılmaz');
    await form.getByLabel('Fallmanager/in').selectOption({ label: 'Jana Becker' });
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByText('Die Änderungen sind gespeichert.').waitFor();
    await page.getByRole('region', { name: 'Fall' }).getByText('Jana Becker').waitFor();
    await assertNoViolations(page, 'the Case tab with the case manager chosen');

    await page.goto('/participants');
    await page.locator('main tbody tr').first().waitFor();
    const filter = page.getByLabel('Fallmanager/in');
    assert.deepEqual((await filter.locator('option').allInnerTexts()).slice(0, 2), ['Alle', 'Nur meine']);
    const filtered = page.waitForResponse((r) => r.url().includes('/api/participants?') && r.url().includes('caseManagerId='));
    await filter.selectOption({ label: 'Jana Becker' });
    await filtered;
    await page.waitForFunction(() => !document.querySelector('main table[aria-busy]'));
    const rows = page.locator('main tbody tr');
    assert.equal(await rows.count(), 1, 'only the case handed to Jana Becker');
    await rows.first().getByRole('link', { name: person.familyName }).waitFor();
    await rows.first().getByText('Jana Becker').waitFor();
    await assertNoViolations(page, 'the participants list filtered by a colleague');

    const mine = page.waitForResponse((r) => r.url().includes('/api/participants?') && !r.url().includes(colleagueId));
    await filter.selectOption({ label: 'Nur meine' });
    await mine;
    await page.waitForFunction(() => !document.querySelector('main table[aria-busy]'));
    await page.locator('main tbody tr').first().waitFor();
    assert.equal(await page.locator('main tbody tr', { hasText: 'Jana Becker' }).count(), 0, 'mine are not hers');
    await context.close();
  });

  test('a wrong merge: the case manager merges two records, the admin undoes it from the list of merges', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.goto('/duplicates');
    const pair = page.getByRole('article').filter({ hasText: 'Mohammed Al-Hassan' }).filter({ hasText: 'Muhammad Hassan' });
    await pair.getByRole('button', { name: 'Zusammenführen' }).click();
    await pair.getByRole('button', { name: /zusammenführen$/ }).click();
    await page.getByText('Die Einträge sind zusammengeführt.').waitFor();

    const adminContext = await newContext(browser, server);
    const admin = await adminContext.newPage();
    await logIn(admin, DEMO_USERS.admin);
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zusammenführungen' }).click();
    await admin.locator('main h1', { hasText: 'Zusammengeführte Einträge' }).waitFor();
    const row = admin.locator('main tbody tr').filter({ hasText: 'Mohammed Al-Hassan' }).filter({ hasText: 'Muhammad Hassan' });
    await row.getByText('Fatma Yılmaz').waitFor();
    await assertNoViolations(admin, 'the list of merges');
    await row.getByRole('button', { name: /rückgängig machen/ }).click();
    const dialog = admin.getByRole('dialog', { name: 'Zusammenführung rückgängig machen?' });
    await dialog.waitFor();
    // The dialog fades in; axe measures contrast only once it is there in full.
    await admin.waitForFunction(() =>
      [...document.querySelectorAll('.mantine-Modal-content')].every((el) => getComputedStyle(el).opacity === '1'),
    );
    await assertNoViolations(admin, 'the undo confirmation');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByRole('button', { name: /rückgängig machen/ }).click();
    await dialog.getByRole('button', { name: 'Ja, rückgängig machen' }).click();
    await admin.getByRole('status').filter({ hasText: 'ist rückgängig gemacht' }).waitFor();
    await row.getByText(/rückgängig gemacht am/).waitFor();
    assert.equal(await row.getByRole('button').count(), 0, 'an undone merge cannot be undone again');
    // The dialog fades out; axe would measure its half-transparent title.
    await dialog.waitFor({ state: 'detached' });
    await assertNoViolations(admin, 'the list of merges after the undo');
    await adminContext.close();

    // Both records are back on the case manager's review list.
    await page.reload();
    await pair.waitFor();
    await context.close();
  });

  test('the deadlines page lists the office, and mine', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fristen' }).click();
    await page.locator('main h1', { hasText: 'Fristen' }).waitFor();
    await page.getByText('ganzes Fallmanagement').click();
    await page.getByLabel('Zeitraum').selectOption({ label: 'in 180 Tagen oder früher' });
    await page.locator('main tbody tr td a').first().waitFor();
    await assertNoViolations(page, 'the deadlines page');
    await context.close();
  });
});
