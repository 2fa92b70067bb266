import { isolate } from '../../pdf/bidi-text.ts';
import { printDate } from '../../pdf/dates.ts';
import { openDocument } from '../../pdf/document.ts';
import { checkedItem, signatureLines } from '../../pdf/form-fields.ts';
import { ensureRoom, footers, heading, lineHeight, paragraph, titleBlock } from '../../pdf/page-writer.ts';
import { Invalid } from '../../errors.ts';
import { CONSENT_TEXTS } from './consent-texts.ts';
import { CONSENT_CATEGORIES, type CONSENT_FORM_LANGUAGES, type ConsentCategory } from './consents.schemas.ts';

// The consent form a participant signs (Einwilligung und Schweigepflichtentbindung), as an A4 PDF
// in German, English or Arabic.
// Text layout in both directions is server/pdf/bidi-text.ts; drawing it is the rest of server/pdf/.

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

// ---- the form ----------------------------------------------------------------------------------

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
  const birthDate = input.participant.birthDate ? printDate(t.date, input.participant.birthDate, 'birthDate') : '______________';
  const givenOn = input.givenOn ? printDate(t.date, input.givenOn, 'givenOn') : null;
  const expiresOn = input.expiresOn ? printDate(t.date, input.expiresOn, 'expiresOn') : null;

  const { w, finish } = await openDocument({
    language: input.language,
    dir: input.language === 'ar' ? 'rtl' : 'ltr',
    title: t.title,
    author: input.officeName,
  });
  const body = { size: w.size };
  const bold = { size: w.size, bold: true };

  titleBlock(w, network, t.title);

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
  signatureLines(w, [
    { label: t.placeDate, width: 0.4, value: givenOn },
    { label: t.signature, width: 0.52 },
  ]);
  footers(w, `${t.formVersion(isolate(input.formVersion))} · ${network}`, t.page);
  return finish();
}
