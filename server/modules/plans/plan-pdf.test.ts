import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Invalid } from '../../errors.ts';
import { infoOf, pdfFolder, textOf, wordsOf } from '../../pdf/read-back.ts';
import { renderPlanPdf, type PlanPdfInput } from './plan-pdf.ts';

// The support plan as printed for signature, read back with pdftotext.

const folder = pdfFolder('lotse-plan-pdf-');
after(folder.remove);

const base: PlanPdfInput = {
  language: 'de',
  networkName: 'Netzwerk Partizipation Bergisches Land',
  officeName: 'Fallmanagement Wuppertal',
  participant: { givenNames: 'Jürgen', familyName: 'Müßig-Özdemir', birthDate: '1990-03-07' },
  caseManagerName: 'Anna Schmidt',
  number: 3,
  state: 'current',
  discussedOn: '2026-11-20',
  attendees: 'Jürgen Müßig-Özdemir, Anna Schmidt, Herr Yılmaz (Jobcoaching)',
  goals: [
    {
      title: 'Ausbildung in der Pflege',
      steps: [
        {
          typeLabel: 'Sprachkurs',
          text: 'B2-Kurs an der VHS beginnen; Anmeldung bis Ende des Monats.',
          responsibleOrganisationName: 'Jobcoaching Bergisch e. V.',
          dueOn: '2027-01-15',
          status: 'in_progress',
        },
        {
          typeLabel: 'Bewerbung',
          text: 'Lebenslauf überarbeiten',
          responsibleOrganisationName: 'Fallmanagement Wuppertal',
          dueOn: null,
          status: 'done',
        },
      ],
    },
    { title: 'Führerschein Klasse B', steps: [] },
  ],
};

async function render(input: PlanPdfInput, name: string) {
  return folder.save(await renderPlanPdf(input), name);
}

describe('support plan PDF', () => {
  test('German: headings, the person with umlauts, German dates, steps with type, text, organisation and status', async () => {
    const file = await render(base, 'de');
    const text = textOf(file);
    assert.ok(text.includes('Förderplan · Version 3'), text);
    assert.ok(text.includes('Netzwerk Partizipation Bergisches Land'));
    assert.ok(text.includes('Teilnehmende Person: Jürgen Müßig-Özdemir'));
    assert.ok(text.includes('Geburtsdatum: 07.03.1990'));
    assert.ok(text.includes('Fallmanagement: Anna Schmidt, Fallmanagement Wuppertal'));
    assert.ok(text.includes('Besprochen am: 20.11.2026'));
    assert.ok(text.includes('Beteiligt: Jürgen Müßig-Özdemir, Anna Schmidt, Herr Yılmaz (Jobcoaching)'));
    assert.ok(text.includes('Ziele und Schritte'));
    assert.ok(text.includes('Ziel 1: Ausbildung in der Pflege'));
    for (const column of ['Schritt', 'Verantwortlich', 'Fällig bis', 'Stand']) assert.ok(text.includes(column), column);
    assert.ok(text.includes('Sprachkurs') && text.includes('B2-Kurs an der VHS beginnen;'), 'step type label and free text');
    assert.ok(text.includes('Jobcoaching Bergisch e. V.') && text.includes('15.01.2027'));
    assert.ok(text.includes('in Arbeit') && text.includes('erledigt'), 'statuses in German');
    assert.ok(text.includes('Ziel 2: Führerschein Klasse B') && text.includes('noch keine Schritte'));
    assert.ok(text.includes('Unterschrift der teilnehmenden Person'));
    assert.ok(text.includes('Unterschrift Fallmanagement (Anna Schmidt)'));
    assert.ok(text.includes('Seite 1 von 1'));
  });

  test('a draft is marked as a draft on the page and in the footer; the current version is not', async () => {
    const draft = textOf(await render({ ...base, state: 'draft', discussedOn: null }, 'de-draft'));
    assert.ok(draft.includes('Entwurf – noch nicht vereinbart und nicht zur Unterschrift'), draft);
    assert.ok(draft.includes('Version 3 (Entwurf)'), 'the footer marks the draft');
    assert.ok(draft.includes('Besprochen am: noch nicht besprochen'));
    const current = textOf(await render(base, 'de-current'));
    assert.ok(!current.includes('Entwurf'), 'no draft mark on the current version');
    assert.ok(!current.includes('Nicht mehr gültig'));
    const superseded = textOf(await render({ ...base, state: 'superseded' }, 'de-superseded'));
    assert.ok(superseded.includes('Nicht mehr gültig') && !superseded.includes('Entwurf'));
  });

  test('no personal data in the PDF metadata', async () => {
    const { raw } = infoOf(await render(base, 'de-metadata'));
    assert.match(raw, /^Title:\s+Förderplan$/m);
    assert.match(raw, /^Author:\s+Fallmanagement Wuppertal$/m);
    assert.ok(!raw.includes('Müßig') && !raw.includes('Jürgen') && !raw.includes('Anna Schmidt'), raw);
  });

  test('English: English dates, headings and statuses', async () => {
    const text = textOf(await render({ ...base, language: 'en' }, 'en'));
    assert.ok(text.includes('Support plan · Version 3'));
    assert.ok(text.includes('Date of birth: 7 March 1990'));
    assert.ok(text.includes('Discussed on: 20 November 2026'));
    assert.ok(text.includes('15 January 2027'));
    assert.ok(text.includes('Goal 1: Ausbildung in der Pflege'), 'goal titles as written');
    assert.ok(text.includes('in progress') && text.includes('done'));
    assert.ok(text.includes('Signature of the participant'));
  });

  test('Arabic: shaped headings, Arabic statuses, a Latin name to the left of its Arabic label', async () => {
    const file = await render(
      { ...base, language: 'ar', participant: { givenNames: 'Amal', familyName: 'Al-Haddad', birthDate: '1990-03-07' } },
      'ar',
    );
    const text = textOf(file);
    assert.ok(text.includes('خطة الدعم'), text);
    assert.ok(text.includes('الأهداف والخطوات'));
    assert.ok(text.includes('الشخص المشارك'));
    assert.ok(text.includes('قيد التنفيذ') && text.includes('منجزة'), 'statuses in Arabic');
    assert.ok(text.includes('توقيع الشخص المشارك'));
    assert.ok(text.includes('Sprachkurs') && text.includes('B2-Kurs an der VHS beginnen;'), 'type label and free text as written');
    assert.ok(text.includes('07/03/1990') && !text.includes('1990/03/07'));
    assert.ok(text.includes('15/01/2027') && !text.includes('7202'));

    // The participant line: the label on the right, then the Latin name left to right.
    const words = wordsOf(file);
    const top = (re: RegExp) => {
      const word = words.filter((w) => re.test(w.text)).sort((a, b) => a.yMin - b.yMin)[0];
      assert.ok(word, `no word like ${String(re)}`);
      return word;
    };
    const given = top(/^Amal$/);
    const family = words.find((w) => w.text === 'Al-Haddad' && Math.abs(w.yMin - given.yMin) < 6);
    const label = words.find((w) => Math.abs(w.yMin - given.yMin) < 6 && /[\u0600-\u06ff]/.test(w.text));
    assert.ok(family && label, 'name and label on one line');
    assert.ok(given.xMax < family.xMin, 'given name before family name, left to right');
    assert.ok(family.xMax < label.xMin, 'the Arabic label stands to the right of the name');
    const title = words.filter((w) => w.yMin < 100 && /[\u0600-\u06ff]/.test(w.text));
    assert.ok(Math.max(...title.map((w) => w.xMax)) > 530, 'the Arabic title is set flush right');
  });

  test('Persian: Persian letters (پ چ ژ گ) in labels and free text, year-first dates, right to left', async () => {
    const file = await render(
      {
        ...base,
        language: 'fa',
        state: 'draft',
        goals: [
          {
            title: 'یافتن کار',
            steps: [
              {
                typeLabel: 'پیگیری',
                text: 'پیگیری آگهی‌های شغلی و چاپ رزومه تا ژوئن',
                responsibleOrganisationName: 'Jobcoaching Bergisch e. V.',
                dueOn: '2027-06-30',
                status: 'open',
              },
            ],
          },
        ],
      },
      'fa',
    );
    const text = textOf(file);
    assert.ok(text.includes('برنامه حمایتی'), text);
    assert.ok(text.includes('پیشنویس'), 'the draft mark (پ)');
    assert.ok(text.includes('اهداف و گامها'), 'the goals heading (گ)');
    assert.ok(text.includes('تاریخ گفتگو'));
    assert.ok(text.includes('پیگیری آگهیهای شغلی و چاپ رزومه تا ژوئن'), 'free text with پ چ ژ گ');
    assert.ok(text.includes('امضای شرکتکننده'));
    assert.ok(text.includes('1990/03/07') && text.includes('2027/06/30'), 'Gregorian dates, year first');
    const words = wordsOf(file);
    const title = words.filter((w) => w.yMin < 100 && /[\u0600-\u06ff]/.test(w.text));
    assert.ok(Math.max(...title.map((w) => w.xMax)) > 530, 'the Persian title is set flush right');
  });

  test('Ukrainian: Cyrillic labels and statuses, dates with dots', async () => {
    const text = textOf(await render({ ...base, language: 'uk' }, 'uk'));
    assert.ok(text.includes('План підтримки · Версія 3'), text);
    assert.ok(text.includes('Учасник / учасниця: Jürgen Müßig-Özdemir'));
    assert.ok(text.includes('Дата народження: 07.03.1990'));
    assert.ok(text.includes('Цілі та кроки'));
    assert.ok(text.includes('виконується') && text.includes('виконано'));
    assert.ok(text.includes('Підпис учасника / учасниці'));
    assert.ok(text.includes('Сторінка 1 з 1'));
  });

  test('a long plan (8 goals with 6 steps each) flows over several pages, numbered, with the column headings repeated', async () => {
    const goals = Array.from({ length: 8 }, (_, g) => ({
      title: `Ziel Nummer ${g + 1}`,
      steps: Array.from({ length: 6 }, (_, s) => ({
        typeLabel: 'Praktikum',
        text: `Schritt ${g + 1}.${s + 1}: Praktikumsplatz suchen, Unterlagen zusammenstellen, Vorstellungsgespräch vorbereiten und nachbereiten.`,
        responsibleOrganisationName: 'Qualifizierung und Praktikum gGmbH',
        dueOn: '2027-03-31',
        status: 'open' as const,
      })),
    }));
    const file = await render({ ...base, goals }, 'de-long');
    const { pages } = infoOf(file);
    assert.ok(pages >= 3, `expected several pages, got ${pages}`);
    const text = textOf(file);
    for (let g = 1; g <= 8; g++) {
      assert.ok(text.includes(`Ziel ${g}: Ziel Nummer ${g}`), `goal ${g}`);
      for (let s = 1; s <= 6; s++) assert.ok(text.includes(`Schritt ${g}.${s}:`), `step ${g}.${s}`);
    }
    for (let page = 1; page <= pages; page++) {
      const pageText = textOf(file, page);
      assert.ok(pageText.includes(`Seite ${page} von ${pages}`), `page number on page ${page}`);
      if (page > 1 && page < pages) assert.ok(pageText.includes('Verantwortlich'), `column headings on page ${page}`);
    }
    const last = textOf(file, pages);
    assert.ok(last.includes('Vereinbarung') && last.includes('Unterschrift der teilnehmenden Person'), 'agreement and signatures together');
  });

  test('an impossible date is refused as bad input, named by its field', async () => {
    await assert.rejects(renderPlanPdf({ ...base, discussedOn: '2026-02-30' }), Invalid);
    await assert.rejects(renderPlanPdf({ ...base, participant: { ...base.participant, birthDate: '07.03.1990' } }), Invalid);
    const steps = [{ ...base.goals[0]!.steps[0]!, dueOn: '2027-13-01' }];
    await assert.rejects(renderPlanPdf({ ...base, goals: [{ title: 'Ziel', steps }] }), (error: unknown) => {
      assert.ok(error instanceof Invalid);
      assert.deepEqual(Object.keys(error.fields), ['goals.0.steps.0.dueOn']);
      return true;
    });
  });
});
