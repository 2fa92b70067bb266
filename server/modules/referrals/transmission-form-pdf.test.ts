import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Invalid } from '../../errors.ts';
import { infoOf, pdfFolder, textOf } from '../../pdf/read-back.ts';
import { renderTransmissionFormPdf, type TransmissionFormPdfInput } from './transmission-form-pdf.ts';

// The transmission form a partner gets with a referral, read back with pdftotext.

const folder = pdfFolder('lotse-transmission-form-pdf-');
after(folder.remove);

const base: TransmissionFormPdfInput = {
  networkName: 'Netzwerk Partizipation Bergisches Land',
  officeName: 'Fallmanagement Wuppertal',
  officeAddress: 'Neumarkt 10, 42103 Wuppertal',
  partnerName: 'Jobcoaching Bergisch e. V.',
  participant: { givenNames: 'Jürgen', familyName: 'Müßig-Özdemir', birthDate: '1990-03-07' },
  contact: { name: 'Anna Schmidt', phone: '0202 563-1234', email: 'anna.schmidt@wuppertal.example' },
  startsOn: '2026-12-01',
  endsOn: '2027-05-31',
  categories: ['plan_progress', 'contact', 'education_work'],
  consent: { givenOn: '2026-11-22', expiresOn: '2027-11-21', formVersion: '2026-11' },
  overrideReason: null,
  message: 'Hallo Herr Yılmaz,\nbitte melden Sie sich bei Herrn Müßig-Özdemir.',
  tasks: [
    { typeLabel: 'Bewerbungstraining', text: 'Lebenslauf erstellen und Anschreiben üben', dueOn: '2026-12-15' },
    { typeLabel: 'Praktikum', text: 'Praktikumsplatz in der Pflege suchen', dueOn: null },
    { typeLabel: 'Sprachförderung', text: 'Berufsbezogenen Deutschkurs B2 vermitteln', dueOn: '2027-02-01' },
  ],
  state: 'sent',
  sentOn: '2026-11-23',
};

async function render(input: TransmissionFormPdfInput, name: string) {
  return folder.save(await renderTransmissionFormPdf(input), name);
}

describe('transmission form PDF', () => {
  test('from office to partner, the person, the contact, the period, the consent and a space for the answer', async () => {
    const file = await render(base, 'sent');
    const text = textOf(file);
    assert.ok(text.includes('Übermittlungsbogen'), text);
    assert.ok(text.includes('Von: Fallmanagement Wuppertal, Neumarkt 10, 42103 Wuppertal'));
    assert.ok(text.includes('An: Jobcoaching Bergisch e. V.'));
    assert.ok(text.includes('Übermittelt am: 23.11.2026'));
    assert.ok(text.includes('Name: Jürgen Müßig-Özdemir'));
    assert.ok(text.includes('Geburtsdatum: 07.03.1990'));
    assert.ok(text.includes('Anna Schmidt') && text.includes('Telefon: 0202 563-1234'));
    assert.ok(text.includes('E-Mail: anna.schmidt@wuppertal.example'));
    assert.ok(text.includes('Zusammenarbeit vom 01.12.2026 bis 31.05.2027'));
    assert.ok(text.includes('Einwilligung der teilnehmenden Person vom 22.11.2026, gültig bis 21.11.2027 (Formular 2026-11).'));
    assert.ok(!text.includes('Ohne Einwilligung'));
    assert.ok(text.includes('Hallo Herr Yılmaz, bitte melden Sie sich bei Herrn Müßig-Özdemir.'), 'the message');
    assert.ok(text.includes('Antwort des Partners'));
    for (const field of ['Angenommen', 'Abgelehnt', 'Bearbeitet von (Name)', 'Datum', 'Unterschrift'])
      assert.ok(text.includes(field), `answer field: ${field}`);
    assert.ok(text.includes('Seite 1 von 1'));
    assert.ok(!text.includes('Entwurf'), 'a sent form is no draft');
  });

  test('after the answer, the form says who accepted it and when, or why it was declined', async () => {
    const accepted = textOf(
      await render(
        { ...base, state: 'accepted', answer: { accepted: true, on: '2026-11-24', caseworkerName: 'Jonas Becker', declineReason: null } },
        'accepted',
      ),
    );
    assert.ok(accepted.includes('Angenommen am 24.11.2026. Betreuungskraft: Jonas Becker'), accepted);
    assert.ok(!accepted.includes('Unterschrift'), 'no lines to sign once answered');
    const declined = textOf(
      await render(
        {
          ...base,
          state: 'declined',
          answer: { accepted: false, on: '2026-11-24', caseworkerName: null, declineReason: 'Keine Plätze frei' },
        },
        'declined',
      ),
    );
    assert.ok(declined.includes('Abgelehnt am 24.11.2026. Begründung: Keine Plätze frei'), declined);
  });

  test('every task as a numbered item with its type, text and due date, in order', async () => {
    const text = textOf(await render(base, 'tasks'));
    const positions = base.tasks.map((task, i) => {
      const at = text.indexOf(`${i + 1}. ${task.typeLabel} ${task.text}`);
      assert.ok(at >= 0, `task ${i + 1} missing: ${text}`);
      return at;
    });
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
      'tasks in the given order',
    );
    assert.ok(text.includes('15.12.2026') && text.includes('01.02.2027'), 'due dates');
  });

  test('the data categories shared, with their German names in the fixed order, and no others', async () => {
    const text = textOf(await render(base, 'categories'));
    const names = ['Kontaktdaten', 'Bildung und Berufserfahrung', 'Förderplan und Fortschritt'];
    const positions = names.map((name) => text.indexOf(name));
    assert.ok(
      positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? 0))),
      `categories in order: ${positions.join(', ')}`,
    );
    assert.ok(!text.includes('Angaben zur Person') && !text.includes('Aufenthaltsstatus'), 'categories not shared are not listed');
    const all = textOf(await render({ ...base, categories: ['residence', 'personal'] }, 'categories-other'));
    assert.ok(all.includes('Angaben zur Person') && all.includes('Aufenthaltsstatus') && !all.includes('Kontaktdaten'));
  });

  test('sent without consent: the reason is printed instead of the consent', async () => {
    const text = textOf(
      await render(
        { ...base, consent: null, overrideReason: 'Gefahr im Verzug: Die Wohnung wird in zwei Wochen geräumt.' },
        'without-consent',
      ),
    );
    assert.ok(text.includes('Ohne Einwilligung übermittelt. Begründung: Gefahr im Verzug: Die Wohnung wird in zwei Wochen geräumt.'), text);
    assert.ok(!text.includes('Einwilligung der teilnehmenden Person vom'));
  });

  test('a consent without end date, a draft, no tasks and no message', async () => {
    const text = textOf(
      await render(
        { ...base, consent: { ...base.consent!, expiresOn: null }, state: 'draft', sentOn: null, tasks: [], message: null },
        'draft',
      ),
    );
    assert.ok(text.includes('gültig bis auf Widerruf'), text);
    assert.ok(text.includes('Entwurf – noch nicht übermittelt'));
    assert.ok(text.includes('Es sind keine Aufgaben eingetragen.'));
    assert.ok(!text.includes('Übermittelt am') && !text.includes('Nachricht'));
  });

  test('no personal data in the PDF metadata', async () => {
    const { raw } = infoOf(await render(base, 'metadata'));
    assert.match(raw, /^Title:\s+Übermittlungsbogen$/m);
    assert.ok(!raw.includes('Müßig') && !raw.includes('Jürgen') && !raw.includes('Anna Schmidt'), raw);
  });

  test('an impossible date or an unknown data category is refused as bad input', async () => {
    await assert.rejects(renderTransmissionFormPdf({ ...base, endsOn: '2027-02-29' }), Invalid);
    await assert.rejects(renderTransmissionFormPdf({ ...base, consent: { ...base.consent!, givenOn: '22.11.2026' } }), Invalid);
    await assert.rejects(
      renderTransmissionFormPdf({ ...base, tasks: [{ typeLabel: 'Praktikum', text: 'x', dueOn: '2027-04-31' }] }),
      Invalid,
    );
    await assert.rejects(renderTransmissionFormPdf({ ...base, categories: ['contact', 'health'] }), Invalid);
    await assert.rejects(renderTransmissionFormPdf({ ...base, categories: ['toString'] }), Invalid);
  });
});
