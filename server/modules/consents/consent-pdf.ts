import PDFDocument from 'pdfkit';
import { isolate, loadFonts } from '../../pdf/bidi-text.ts';
import {
  checkedItem,
  CONTENT_WIDTH,
  ensureRoom,
  GREY,
  heading,
  lineHeight,
  PAGE,
  paragraph,
  singleLine,
  type Writer,
} from '../../pdf/page-writer.ts';
import { Invalid } from '../../errors.ts';
import { CONSENT_TEXTS, type ConsentTexts } from './consent-texts.ts';
import { CONSENT_CATEGORIES, type CONSENT_FORM_LANGUAGES, type ConsentCategory } from './consents.schemas.ts';

// The consent form a participant signs (Einwilligung und Schweigepflichtentbindung), as an A4 PDF
// in German, English or Arabic.
// Text layout in both directions is server/pdf/bidi-text.ts; drawing it is server/pdf/page-writer.ts.

export type ConsentPdfLanguage = (typeof CONSENT_FORM_LANGUAGES)[number];
export type { ConsentCategory };

export interface ConsentPdfInput {
  language: ConsentPdfLanguage;
  /** e.g. 'Netzwerk Partizipation Bergisches Land' */
  networkName: string;
  /** The case management office that asks, e.g. 'Fallmanagement Wuppertal'. */
  officeName: string;
  officeAddress: string | null;
  /** birthDate as an ISO date (yyyy-mm-dd). */
  participant: { givenNames: string; familyName: string; birthDate: string | null };
  /** The partner organisation the data may be passed to. */
  recipientName: string;
  /** At least one; printed in the order of CONSENT_CATEGORIES. */
  categories: ConsentCategory[];
  /** e.g. '2026-11' */
  formVersion: string;
  /** ISO date the consent was given on; null prints a blank form to be dated and signed. */
  givenOn: string | null;
  /** ISO date; null: valid until withdrawn. */
  expiresOn: string | null;
}

/** Place/date and signature lines side by side; the date is printed when the consent is dated already. */
function signatureLines(w: Writer, t: ConsentTexts, date: string | null) {
  const small = { size: w.size * 0.85, color: GREY };
  const height = w.size * 3 + lineHeight(w, small.size);
  ensureRoom(w, height);
  const lineY = w.y + w.size * 3;
  const first = { x: PAGE.marginX, width: CONTENT_WIDTH * 0.4 };
  const second = { x: PAGE.marginX + CONTENT_WIDTH * 0.48, width: CONTENT_WIDTH * 0.52 };
  const [placeDate, signature] = w.setting.dir === 'ltr' ? [first, second] : [second, first];
  w.doc.lineWidth(0.6).strokeColor('black');
  for (const part of [placeDate, signature])
    w.doc
      .moveTo(part.x, lineY)
      .lineTo(part.x + part.width, lineY)
      .stroke();
  if (date) singleLine(w, date, { size: w.size }, placeDate, lineY - w.size * 0.5, 'end');
  singleLine(w, t.placeDate, small, placeDate, lineY + small.size * 1.3, 'start');
  singleLine(w, t.signature, small, signature, lineY + small.size * 1.3, 'start');
  w.y += height;
}

function footers(w: Writer, t: ConsentTexts, text: string) {
  const style = { size: w.size * 0.75, color: GREY };
  const { start, count } = w.doc.bufferedPageRange();
  const box = { x: PAGE.marginX, width: CONTENT_WIDTH };
  for (let i = start; i < start + count; i++) {
    w.doc.switchToPage(i);
    singleLine(w, text, style, box, PAGE.height - 36, 'start');
    singleLine(w, t.page(i - start + 1, count), style, box, PAGE.height - 36, 'end');
  }
}

// ---- the form ----------------------------------------------------------------------------------

function formatDate(t: ConsentTexts, value: string, field: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const valid = m !== null && new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === value;
  if (!valid) throw new Invalid(`${field} is not a date`, { [field]: ['Not a date (yyyy-mm-dd)'] });
  return isolate(t.date(year, month, day));
}

export async function renderConsentPdf(input: ConsentPdfInput): Promise<Uint8Array> {
  const t = CONSENT_TEXTS[input.language];
  const categories = CONSENT_CATEGORIES.filter((c) => input.categories.includes(c));
  if (categories.length === 0) throw new Invalid('A consent names at least one data category', { categories: ['Choose at least one'] });
  // Every value that goes into a sentence is isolated, so that the bidi pass keeps it whole.
  const network = isolate(input.networkName);
  const office = isolate(input.officeName);
  const officeWithAddress = input.officeAddress ? isolate(`${input.officeName}, ${input.officeAddress}`) : office;
  const recipient = isolate(input.recipientName);
  const person = isolate(`${input.participant.givenNames} ${input.participant.familyName}`);
  const birthDate = input.participant.birthDate ? formatDate(t, input.participant.birthDate, 'birthDate') : '______________';
  const givenOn = input.givenOn ? formatDate(t, input.givenOn, 'givenOn') : null;
  const expiresOn = input.expiresOn ? formatDate(t, input.expiresOn, 'expiresOn') : null;

  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    bufferPages: true,
    lang: input.language,
    displayTitle: true,
    info: { Title: t.title, Author: input.officeName, Creator: 'Lotse' }, // no personal data in the metadata
  });
  for (const [name, data] of await loadFonts()) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w: Writer =
    input.language === 'ar'
      ? { doc, setting: { dir: 'rtl', latinScale: 0.8 }, size: 11.5, leading: 1.4, baseline: 1.05, y: PAGE.top }
      : { doc, setting: { dir: 'ltr', latinScale: 1 }, size: 9.5, leading: 1.38, baseline: 1.0, y: PAGE.top };
  const body = { size: w.size };
  const bold = { size: w.size, bold: true };

  paragraph(w, network, { size: w.size * 0.85, color: GREY }, { after: 2 });
  paragraph(w, t.title, { size: w.size * 1.45, bold: true }, { after: 3 });
  doc
    .lineWidth(0.6)
    .strokeColor(GREY)
    .moveTo(PAGE.marginX, w.y)
    .lineTo(PAGE.marginX + CONTENT_WIDTH, w.y)
    .stroke();

  heading(w, t.requestedByHeading);
  paragraph(w, officeWithAddress, body);
  paragraph(w, t.networkLine(network), body);

  heading(w, t.personHeading);
  paragraph(w, `${t.nameLabel}: ${person}`, body);
  paragraph(w, `${t.birthDateLabel}: ${birthDate}`, body);

  heading(w, t.recipientHeading);
  paragraph(w, recipient, bold);
  paragraph(w, t.recipient(office, recipient), body);

  heading(w, t.categoriesHeading);
  for (const c of categories) checkedItem(w, t.categories[c].label, t.categories[c].explanation);

  const sections: [string, string][] = [
    [t.purposeHeading, t.purpose(office, recipient, network)],
    [t.voluntaryHeading, t.voluntary(recipient)],
    [t.withdrawalHeading, t.withdrawal(officeWithAddress)],
    [t.validityHeading, expiresOn ? t.validUntil(expiresOn) : t.noExpiry],
    [t.legalBasisHeading, t.legalBasis],
  ];
  for (const [title, text] of sections) {
    heading(w, title);
    paragraph(w, text, body);
  }

  // The declaration stays on one page with the lines it is signed on.
  w.y += w.size * 0.8;
  ensureRoom(w, 3 * lineHeight(w, w.size) + w.size * 3 + lineHeight(w, w.size * 0.85));
  paragraph(w, t.declaration, bold);
  signatureLines(w, t, givenOn);
  footers(w, t, `${t.formVersion(isolate(input.formVersion))} · ${network}`);

  doc.end();
  return done;
}
