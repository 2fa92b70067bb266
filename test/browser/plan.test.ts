import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PlanVersionView } from '../../server/modules/plans/plans.schemas.ts';
import { pdfFolder, textOf } from '../../server/pdf/read-back.ts';
import { accessibilityViolations, DEMO_USERS, launchBrowser, logIn, newContext, startTestServer, type TestServer } from './support.ts';

// The case manager draws up the support plan with a participant: two goals, one step the
// job coaching partner is responsible for; agrees it, records progress, agrees a second
// version with a changed step and sees the change; prints both in German and Arabic.
// Then she refers the person to the qualification partner, for which there is no
// consent: sending is refused until she gives a reason; the referral to the job coaching
// partner, which the person consented to, goes out without one. Both tabs pass axe.

const JOB_COACHING = 'Jobcoaching Bergisch Land e.V.';
const QUALIFICATION = 'Qualifizierung & Praktikum gGmbH';

describe('support plan and referrals', () => {
  let server: TestServer;
  let browser: Browser;
  const folder = pdfFolder('lotse-plan-browser-');

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    folder.remove();
  });

  async function assertNoViolations(page: Page, where: string) {
    assert.deepEqual(await accessibilityViolations(page), [], `axe violations on ${where}`);
  }

  /**
   * An active participant of the office without a plan or referral (the demo plays the cycle
   * through for some), with consent to share with the job coaching partner: the demo's, or
   * recorded here as the consent tab would.
   */
  async function participantWithJobCoachingConsent(page: Page): Promise<string> {
    const get = async <T>(path: string) => (await (await page.request.get(path)).json()) as T;
    const list = await get<{ items: { id: string }[] }>('/api/participants?status=active&pageSize=50');
    let fresh: string | undefined;
    for (const { id } of list.items) {
      const plan = await get<{ versions: unknown[] }>(`/api/participants/${id}/plan`);
      const referrals = await get<unknown[]>(`/api/referrals?participantId=${id}`);
      if (plan.versions.length > 0 || referrals.length > 0) continue;
      fresh ??= id;
      const consents = await get<{ recipientName: string; status: string }[]>(`/api/participants/${id}/consents`);
      if (consents.some((c) => c.recipientName === JOB_COACHING && c.status === 'active')) return id;
    }
    assert.ok(fresh, 'no demo participant without a plan');
    const recipients = await get<{ id: string; name: string }[]>('/api/consent-recipients');
    const { csrfToken } = await get<{ csrfToken: string }>('/api/me');
    const recorded = await page.request.post(`/api/participants/${fresh}/consents`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        recipientOrganisationId: recipients.find((r) => r.name === JOB_COACHING)!.id,
        categories: ['contact', 'education_work', 'plan_progress'],
        language: 'ar',
        givenOn: new Date().toISOString().slice(0, 10),
        method: 'signed_form',
      },
    });
    assert.equal(recorded.status(), 201, await recorded.text());
    return fresh;
  }

  /** Another case manager saves the open draft, renaming its first goal. */
  async function saveDraftAsColleague(page: Page, participantId: string, title: string) {
    const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    const { draft } = (await (await page.request.get(`/api/participants/${participantId}/plan`)).json()) as { draft: PlanVersionView };
    const goals = draft.goals.map((g, index) => ({
      lineageId: g.lineageId,
      title: index === 0 ? title : g.title,
      steps: g.steps.map(({ lineageId, stepTypeId, text, responsibleOrganisationId, dueOn, status, statusNote }) => ({
        lineageId,
        stepTypeId,
        text,
        responsibleOrganisationId,
        dueOn,
        status,
        statusNote,
      })),
    }));
    const saved = await page.request.put(`/api/plan-versions/${draft.id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: draft.version, goals },
    });
    assert.equal(saved.status(), 200, await saved.text());
  }

  async function pdfText(page: Page, link: Locator, name: string): Promise<string> {
    const response = await page.request.get((await link.getAttribute('href'))!);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    return textOf(folder.save(await response.body(), name));
  }

  async function finalise(page: Page, attendees: string) {
    await page.getByRole('button', { name: 'Mit der teilnehmenden Person abschließen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Förderplan abschließen' });
    await dialog.getByLabel('Beteiligt').fill(attendees);
    // axe measures contrast as the eye sees it: only once the dialog has faded in.
    await page.waitForFunction(() => {
      for (let e = document.querySelector('[role="dialog"]'); e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
      return true;
    });
    await assertNoViolations(page, 'the finalise dialog');
    await dialog.getByRole('button', { name: 'Abschließen' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  test('plan: draft, finalise, progress, second version, diff, printed in German and Arabic', async () => {
    const context = await newContext(browser, server);
    const page = await context.newPage();
    await logIn(page, DEMO_USERS.caseManager);
    const id = await participantWithJobCoachingConsent(page);

    await page.goto(`/participants/${id}`);
    await page.getByRole('tab', { name: 'Förderplan' }).click();
    await page.getByText('Es gibt noch keinen vereinbarten Förderplan.').waitFor();
    await assertNoViolations(page, 'the empty plan tab');

    await page.getByRole('button', { name: 'Förderplan entwerfen' }).click();
    const draft = page.getByRole('region', { name: /Entwurf der nächsten Version/ });
    await draft.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await draft.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    await draft.getByLabel('Ziel 1: Titel').fill('Arbeit in der Lagerlogistik');
    await draft.getByLabel('Ziel 2: Titel').fill('Deutsch auf B1');

    await draft.getByRole('button', { name: 'Schritt zu Ziel 1 hinzufügen' }).click();
    const goal1 = draft.getByRole('group', { name: 'Ziel 1', exact: true });
    const step11 = goal1.getByRole('group', { name: 'Schritt 1', exact: true });
    await step11.getByLabel('Art des Schritts').selectOption({ label: 'Bewerbungsmappe' });
    await step11.getByLabel('Verantwortlich').selectOption({ label: JOB_COACHING });
    await step11.getByLabel('Fällig bis').fill('2027-01-15');
    await step11.getByLabel('Beschreibung').fill('Lebenslauf mit dem Jobcoach überarbeiten');

    await draft.getByRole('button', { name: 'Schritt zu Ziel 2 hinzufügen' }).click();
    const step21 = draft.getByRole('group', { name: 'Ziel 2', exact: true }).getByRole('group', { name: 'Schritt 1', exact: true });
    await step21.getByLabel('Art des Schritts').selectOption({ label: 'Sprachkurs' });
    await step21.getByLabel('Beschreibung').fill('B1-Kurs an der VHS');
    await assertNoViolations(page, 'the draft editor');
    await draft.getByRole('button', { name: 'Entwurf speichern' }).click();
    await draft.getByText('Der Entwurf ist gespeichert.').waitFor();

    await finalise(page, 'Teilnehmende, Fallmanagerin, Dolmetscher (Arabisch)');
    await page.getByText('Version 1 ist jetzt der aktuelle Förderplan.').waitFor();
    const current = page.getByRole('region', { name: /Aktueller Förderplan/ });
    await current.getByRole('cell', { name: JOB_COACHING }).waitFor();
    await current.getByText('Lebenslauf mit dem Jobcoach überarbeiten').waitFor();
    await assertNoViolations(page, 'the plan tab with the current plan');

    // Progress on a step of the current plan, in place.
    await current.getByRole('button', { name: 'Stand ändern: Lebenslauf mit dem Jobcoach überarbeiten' }).click();
    const progress = current.getByRole('form', { name: 'Stand ändern: Lebenslauf mit dem Jobcoach überarbeiten' });
    await progress.getByLabel('Stand', { exact: true }).selectOption({ label: 'in Arbeit' });
    await progress.getByLabel('Notiz zum Stand').fill('Erster Termin war am Montag');
    await progress.getByRole('button', { name: 'Speichern' }).click();
    await current.getByText('in Arbeit', { exact: true }).waitFor();
    await current.getByText('Notiz zum Stand: Erster Termin war am Montag').waitFor();

    // The second version: a copy of the first, one step changed.
    await page.getByRole('button', { name: 'Neue Version entwerfen' }).click();
    const second = page.getByRole('region', { name: /Entwurf der nächsten Version · Version 2/ });
    const changed = second.getByRole('group', { name: 'Ziel 2', exact: true }).getByRole('group', { name: 'Schritt 1', exact: true });
    // A colleague saves the same draft meanwhile: saving here is refused, nothing is overwritten.
    await changed.getByLabel('Beschreibung').fill('wird verworfen');
    await saveDraftAsColleague(page, id, 'Arbeit in der Lagerlogistik oder im Versand');
    await second.getByRole('button', { name: 'Entwurf speichern' }).click();
    await second.getByText('Jemand anderes hat diesen Eintrag inzwischen geändert').waitFor();
    await assertNoViolations(page, 'the draft with a conflict');
    await second.getByRole('button', { name: 'Gespeicherten Stand laden (Ihre Eingaben verwerfen)' }).click();
    assert.equal(await second.getByLabel('Ziel 1: Titel').inputValue(), 'Arbeit in der Lagerlogistik oder im Versand');
    assert.equal(await changed.getByLabel('Beschreibung').inputValue(), 'B1-Kurs an der VHS');
    await changed.getByLabel('Beschreibung').fill('B1-Kurs an der VHS, Abendkurs');
    await changed.getByLabel('Fällig bis').fill('2027-03-31');
    await finalise(page, 'Teilnehmende, Fallmanagerin');
    await page.getByText('Version 2 ist jetzt der aktuelle Förderplan.').waitFor();

    const versions = page.getByRole('region', { name: 'Versionen' });
    await versions.getByRole('button', { name: 'Mit Version 1 vergleichen' }).click();
    const diff = versions.getByRole('region', { name: 'Änderungen von Version 1 zu Version 2' });
    await diff.getByText('Beschreibung: B1-Kurs an der VHS → B1-Kurs an der VHS, Abendkurs').waitFor();
    await diff.getByText('Fällig bis: leer → 31.03.2027').waitFor();
    await diff.getByText('Titel: Arbeit in der Lagerlogistik → Arbeit in der Lagerlogistik oder im Versand').waitFor();
    assert.ok((await diff.getByText('geändert', { exact: true }).count()) >= 2, 'the goal and its step are marked as changed in words');
    await assertNoViolations(page, 'the plan tab with the diff open');

    const german = await pdfText(page, versions.getByRole('link', { name: 'Deutsch – PDF der Version 2' }), 'plan-de');
    assert.ok(german.includes('Förderplan · Version 2'), german);
    assert.ok(german.includes('Ziel 1: Arbeit in der Lagerlogistik'), german);
    assert.ok(german.includes('B1-Kurs an der VHS, Abendkurs') && german.includes('31.03.2027'), german);
    assert.ok(german.includes(JOB_COACHING) && german.includes('in Arbeit'), german);
    const arabic = await pdfText(page, versions.getByRole('link', { name: 'العربية – PDF der Version 2' }), 'plan-ar');
    assert.ok(arabic.includes('خطة الدعم') && arabic.includes('الأهداف والخطوات'), arabic);
    assert.ok(arabic.includes('B1-Kurs an der VHS, Abendkurs') && arabic.includes('31/03/2027'), arabic);

    // Referrals: to the qualification partner there is no consent.
    await page.getByRole('tab', { name: 'Überleitungen' }).click();
    await page.getByText('Noch keine Überleitungen.').waitFor();
    await assertNoViolations(page, 'the empty referrals tab');
    await page.getByRole('button', { name: 'Neue Überleitung' }).click();
    const form = page.getByRole('form', { name: 'Neue Überleitung an eine Partnerorganisation' });
    await form.getByLabel(/^Partnerorganisation/).selectOption({ label: QUALIFICATION });
    await form.getByRole('checkbox', { name: 'Kontaktdaten' }).check();
    await form.getByRole('checkbox', { name: 'Bildung und Beruf' }).check();
    await form.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await form.getByText('Wählen Sie mindestens eine Aufgabe aus dem Förderplan oder fügen Sie eine hinzu.').waitFor();
    await form.getByRole('checkbox', { name: /Sprachkurs – B1-Kurs an der VHS, Abendkurs/ }).check();
    await form.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    await form.getByLabel('Art der Aufgabe 1').selectOption({ label: 'Praktikum' });
    await form.getByLabel('Beschreibung der Aufgabe 1').fill('Praktikum im Lager finden');
    await assertNoViolations(page, 'the new referral form');
    await form.getByRole('button', { name: 'Entwurf anlegen' }).click();

    const toQualification = page.getByRole('article', { name: `${QUALIFICATION} (Entwurf)` });
    await toQualification.getByText('Es fehlt eine gültige Einwilligung für: Kontaktdaten, Bildung und Beruf').waitFor();
    await toQualification.getByRole('button', { name: 'Senden', exact: true }).click();
    await toQualification
      .getByText('Nicht gesendet: Keine gültige Einwilligung deckt diese Partnerorganisation und diese Datenkategorien ab.')
      .waitFor();
    await assertNoViolations(page, 'the refused referral');
    await toQualification.getByLabel('Begründung für das Senden ohne Einwilligung').fill('zu kurz');
    await toQualification.getByRole('button', { name: 'Ohne Einwilligung senden' }).click();
    await toQualification.getByText('Bitte begründen Sie in mindestens 20 Zeichen.').waitFor();
    await toQualification
      .getByLabel('Begründung für das Senden ohne Einwilligung')
      .fill('Mündlich mit Dolmetscher zugestimmt, Formular wird nachgereicht');
    await toQualification.getByRole('button', { name: 'Ohne Einwilligung senden' }).click();
    const sentWithout = page.getByRole('article', { name: `${QUALIFICATION} (gesendet)` });
    await sentWithout.getByText('Ohne Einwilligung gesendet. Begründung: Mündlich mit Dolmetscher zugestimmt').waitFor();
    assert.equal(await sentWithout.getByRole('link', { name: QUALIFICATION }).getAttribute('href'), await hrefOfOpen(sentWithout));

    // To the job coaching partner the person consented: it goes out without a reason.
    await page.getByRole('button', { name: 'Neue Überleitung' }).click();
    await form.getByLabel(/^Partnerorganisation/).selectOption({ label: JOB_COACHING });
    await form.getByRole('checkbox', { name: 'Kontaktdaten' }).check();
    await form.getByRole('checkbox', { name: 'Bildung und Beruf' }).check();
    const offered = form.getByRole('checkbox', { name: /Bewerbungsmappe – Lebenslauf mit dem Jobcoach überarbeiten/ });
    assert.ok(await offered.isChecked(), "the plan's open step the partner is responsible for is offered as its task");
    await form.getByRole('button', { name: 'Entwurf anlegen' }).click();
    const toJobCoaching = page.getByRole('article', { name: `${JOB_COACHING} (Entwurf)` });
    await toJobCoaching
      .getByText('Eine gültige Einwilligung deckt diese Partnerorganisation und alle gewählten Datenkategorien ab.')
      .waitFor();
    await assertNoViolations(page, 'the referrals tab with a draft');
    await toJobCoaching.getByRole('button', { name: 'Senden', exact: true }).click();
    const sent = page.getByRole('article', { name: `${JOB_COACHING} (gesendet)` });
    await sent.getByText('1 offene Aufgabe').waitFor();
    assert.equal(await sent.getByText(/Ohne Einwilligung gesendet/).count(), 0);
    const transmission = await page.request.get((await sent.getByRole('link', { name: 'Übermittlungsbogen (PDF)' }).getAttribute('href'))!);
    assert.equal(transmission.headers()['content-type'], 'application/pdf');

    // The referral sent without consent is revoked again.
    await sentWithout.getByRole('button', { name: 'Zurückziehen' }).click();
    await sentWithout.getByLabel('Grund für das Zurückziehen').fill('Einwilligung wurde doch nicht gegeben');
    await sentWithout.getByRole('button', { name: 'Überleitung zurückziehen' }).click();
    await page.getByRole('article', { name: `${QUALIFICATION} (zurückgezogen)` }).waitFor();
    await assertNoViolations(page, 'the referrals tab');

    await page.getByRole('tab', { name: 'Verlauf' }).click();
    await page.getByText('Förderplan vereinbart').first().waitFor();
    await page.getByText('Überleitung gesendet').first().waitFor();
    await page.getByText('Überleitung zurückgezogen').first().waitFor();
    await context.close();
  });
});

async function hrefOfOpen(article: Locator): Promise<string | null> {
  return article.getByRole('link', { name: 'Überleitung öffnen' }).getAttribute('href');
}
