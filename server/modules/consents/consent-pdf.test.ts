import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Invalid } from '../../errors.ts';
import { renderConsentPdf, type ConsentPdfInput } from './consent-pdf.ts';

// Reads the rendered forms back with poppler's pdftotext (Debian: poppler-utils), as a person
// copying text out of the PDF or a screen reader would get it.

const dir = mkdtempSync(join(tmpdir(), 'lotse-consent-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const base: ConsentPdfInput = {
  language: 'de',
  networkName: 'Netzwerk Partizipation Bergisches Land',
  officeName: 'Fallmanagement Wuppertal',
  officeAddress: 'Neumarkt 10, 42103 Wuppertal',
  participant: { givenNames: 'Jürgen', familyName: 'Müßig-Özdemir', birthDate: '1990-03-07' },
  recipientName: 'Jobcoaching Bergisch e. V.',
  categories: ['contact', 'education_work', 'plan_progress'],
  formVersion: '2026-11',
  givenOn: '2026-11-22',
  expiresOn: '2027-11-21',
};

async function render(input: ConsentPdfInput, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderConsentPdf(input));
  return file;
}

/** The text as pdftotext gives it, without its bidi marks, on one line. */
function textOf(file: string) {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return raw.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

/** The words pdftotext finds, each with its box on the page (points from the left edge). */
function wordsOf(file: string) {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4] ?? '',
  }));
}

describe('consent form PDF', () => {
  test('German: title, umlauts and ß in the name, recipient, German dates, only the chosen categories', async () => {
    const text = textOf(await render(base, 'de'));
    assert.ok(text.includes('Einwilligung in die Datenübermittlung und Entbindung von der Schweigepflicht'), text);
    assert.ok(text.includes('Name: Jürgen Müßig-Özdemir'));
    assert.ok(text.includes('Geburtsdatum: 07.03.1990'));
    assert.ok(text.includes('Jobcoaching Bergisch e. V.'));
    assert.ok(text.includes('Fallmanagement Wuppertal, Neumarkt 10, 42103 Wuppertal'));
    assert.ok(text.includes('gilt bis zum 21.11.2027'));
    assert.ok(text.includes('22.11.2026'), 'the date the consent was given is printed above the line');
    assert.ok(text.includes('Art. 7 Abs. 3 DSGVO') && text.includes('Art. 6 Abs. 1 Buchst. a DSGVO'));
    assert.ok(text.includes('Formular 2026-11'));
    for (const line of [
      'Kontaktdaten',
      'Name, Anschrift, Telefonnummer und E-Mail-Adresse',
      'Schule, Ausbildung und Beruf',
      'Förderplan und Fortschritte',
    ]) {
      assert.ok(text.includes(line), `chosen category line missing: ${line}`);
    }
    for (const line of ['Persönliche Angaben', 'Staatsangehörigkeit', 'Aufenthalt und Arbeitserlaubnis', 'Aufenthaltsstatus']) {
      assert.ok(!text.includes(line), `a category that was not chosen is on the form: ${line}`);
    }
  });

  test('English: a blank form without expiry, English dates, only the chosen categories', async () => {
    const text = textOf(
      await render(
        {
          ...base,
          language: 'en',
          participant: { givenNames: 'Amal', familyName: 'Al-Haddad', birthDate: '1998-11-22' },
          categories: ['residence', 'personal'],
          givenOn: null,
          expiresOn: null,
        },
        'en',
      ),
    );
    assert.ok(text.includes('Consent to the transfer of data and release from confidentiality'));
    assert.ok(text.includes('Name: Amal Al-Haddad'));
    assert.ok(text.includes('Date of birth: 22 November 1998'));
    assert.ok(text.includes('Jobcoaching Bergisch e. V.'));
    assert.ok(text.includes('has no end date'));
    assert.ok(text.includes('Art. 7(3) GDPR') && text.includes('Art. 9(2)(a) GDPR'));
    assert.ok(text.includes('Personal details') && text.includes('nationality, languages and family situation'));
    assert.ok(text.includes('Residence and work permission') && text.includes('residence status and permission to work'));
    for (const line of ['Contact details', 'School, training and work', 'Support plan and progress']) {
      assert.ok(!text.includes(line), `a category that was not chosen is on the form: ${line}`);
    }
  });

  test('Arabic: shaped text reads back in logical order, with Latin names and digits the right way round', async () => {
    const file = await render(
      {
        ...base,
        language: 'ar',
        participant: { givenNames: 'Amal', familyName: 'Al-Haddad', birthDate: '1990-03-07' },
        categories: ['contact', 'plan_progress'],
        givenOn: '2026-11-22',
      },
      'ar',
    );
    const text = textOf(file);
    assert.ok(text.includes('الموافقة على نقل البيانات'), text);
    assert.ok(text.includes('واجب الحفاظ على السرية'));
    assert.ok(text.includes('بيانات الشخص'));
    assert.ok(text.includes('Amal Al-Haddad'));
    assert.ok(text.includes('Jobcoaching Bergisch e. V.'));
    assert.ok(text.includes('07/03/1990') && !text.includes('1990/03/07'));
    assert.ok(text.includes('22/11/2026') && !text.includes('6202'));
    // "2026-11" after Arabic letters is where an Arabic-number run would flip it to "11-2026".
    assert.ok(text.includes('2026-11') && !text.includes('11-2026'));
    assert.ok(text.includes('خطة الدعم والتقدم فيها'));
    assert.ok(!text.includes('الإقامة'), 'residence was not chosen');

    // On the page: the label on the right, then the Latin name left to right.
    const words = wordsOf(file);
    const find = (re: RegExp) => {
      const word = words.find((w) => re.test(w.text));
      assert.ok(word, `no word like ${String(re)}`);
      return word;
    };
    const given = find(/^Amal$/);
    const family = find(/^Al-Haddad$/);
    const label = words.find((w) => Math.abs(w.yMin - given.yMin) < 6 && /[\u0600-\u06ff]/.test(w.text));
    assert.ok(label, 'the name label is on the line of the name');
    assert.ok(given.xMax < family.xMin, 'given name before family name, left to right');
    assert.ok(family.xMax < label.xMin, 'the Arabic label stands to the right of the name');
    const title = words.filter((w) => w.yMin < 120 && /[\u0600-\u06ff]/.test(w.text));
    assert.ok(Math.max(...title.map((w) => w.xMax)) > 530, 'the Arabic title is set flush right');
  });

  test('a consent without any data category or with an impossible date is refused', async () => {
    await assert.rejects(renderConsentPdf({ ...base, categories: [] }), Invalid);
    await assert.rejects(renderConsentPdf({ ...base, expiresOn: '2027-02-30' }), Invalid);
  });
});
