import { readFile } from 'node:fs/promises';
import bidiModule from 'bidi-js';
import PDFDocument from 'pdfkit';
import { Invalid } from '../../errors.ts';
import { CONSENT_TEXTS, type ConsentTexts } from './consent-texts.ts';
import { CONSENT_CATEGORIES, type CONSENT_FORM_LANGUAGES, type ConsentCategory } from './consents.schemas.ts';

// The consent form a participant signs (Einwilligung und Schweigepflichtentbindung), as an A4 PDF
// in German, English or Arabic.
//
// pdfkit shapes Arabic through fontkit, but lays a string out in one direction only: Latin names
// and digits inside an Arabic sentence would come out reversed. So every paragraph goes through
// the Unicode bidi algorithm (bidi-js) here: it is wrapped into lines in logical order, each line
// is cut into runs of one embedding level and one font, the runs are put in visual order (rule L2)
// and drawn one after another from the left. Arabic letters and right-to-left neutrals are set in
// Amiri, everything else in Noto Sans; pdfkit embeds a subset of each (server/assets/fonts/README.md
// says why Amiri).

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

// ---- fonts -------------------------------------------------------------------------------------

const FONT_FILES = {
  latin: 'NotoSans-Regular.ttf',
  latinBold: 'NotoSans-Bold.ttf',
  arabic: 'Amiri-Regular.ttf',
  arabicBold: 'Amiri-Bold.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fontData: Promise<[FontName, Buffer][]> | undefined;
function loadFonts() {
  fontData ??= Promise.all(
    (Object.keys(FONT_FILES) as FontName[]).map(async (name): Promise<[FontName, Buffer]> => [
      name,
      await readFile(new URL(`../../assets/fonts/${FONT_FILES[name]}`, import.meta.url)),
    ]),
  ).catch((error: unknown) => {
    fontData = undefined; // try again on the next call
    throw error;
  });
  return fontData;
}

// ---- bidi text lines ---------------------------------------------------------------------------

type Direction = 'ltr' | 'rtl';
interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}
/** A piece of one line in visual order: `text` is what pdfkit gets, `width` its advance. */
interface Run {
  text: string;
  font: FontName;
  size: number;
  width: number;
}
interface Line {
  runs: Run[];
  width: number;
}
/** One paragraph direction and how much smaller Latin text is set beside Arabic (Amiri runs small). */
interface Setting {
  dir: Direction;
  latinScale: number;
}

// bidi-js is CommonJS with types that declare an ES default export: under Node the default import is the factory itself.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();
const ARABIC_CHAR = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
/** Marks and isolates steer the bidi algorithm and are never drawn. */
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The first character fontkit uses to pick a script (it skips Common and Inherited ones). */
const SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * Wraps a value that is inserted into a sentence (a name, an address, a date, the form version) in a
 * first-strong isolate, as HTML's <bdi> does: its direction then comes from its own first letter, and
 * neither "e. V." nor "2026-11" is torn apart by the Arabic around it.
 */
function isolate(value: string) {
  return `\u2068${value}\u2069`;
}

function fontFor(char: string, level: number, bold: boolean): FontName {
  // Neutrals inside right-to-left text (spaces, colons, brackets, the Arabic comma) take the Arabic font.
  const arabic = ARABIC_CHAR.test(char) || level % 2 === 1;
  if (arabic) return bold ? 'arabicBold' : 'arabic';
  return bold ? 'latinBold' : 'latin';
}

/** fontkit reverses a run it takes for right-to-left script, judged by the run's first script character. */
function fontkitReverses(text: string) {
  const first = SCRIPT_CHAR.exec(text)?.[0];
  return first !== undefined && RTL_SCRIPT.test(first);
}

/**
 * Shaping features for a run, handed to fontkit through pdfkit (which types them as a list, though
 * fontkit also takes an object that switches features off). A fresh object each time: fontkit fills it in.
 * Kerning is off for Arabic: text extractors (poppler) read kerning gaps inside a word as spaces.
 * Giving features at all also makes pdfkit shape the run as a whole; without them it shapes word by
 * word, which keeps the words of a right-to-left run in logical order. Latin runs go without: pdfkit
 * then caches the words' layouts.
 */
function features(font: FontName) {
  const arabic = font === 'arabic' || font === 'arabicBold';
  return arabic ? ({ kern: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[]) : undefined;
}

function widthOf(doc: PDFKit.PDFDocument, text: string, font: FontName, size: number) {
  return doc
    .font(font)
    .fontSize(size)
    .widthOfString(text, { features: features(font) });
}

/** Wraps one paragraph into lines of at most maxWidth, in logical order, and returns them ready to draw. */
function layoutParagraph(doc: PDFKit.PDFDocument, text: string, setting: Setting, style: TextStyle, maxWidth: number): Line[] {
  const { levels } = bidi.getEmbeddingLevels(text, setting.dir);
  const sizeOf = (font: FontName) => (font === 'latin' || font === 'latinBold' ? style.size * setting.latinScale : style.size);

  // Logical runs of one level and one font between start and end, without the bidi controls.
  const runsOf = (start: number, end: number) => {
    const runs: { text: string; level: number; font: FontName }[] = [];
    for (let i = start; i < end; i++) {
      const char = text[i] ?? '';
      if (BIDI_CONTROL.test(char)) continue;
      const level = levels[i] ?? 0;
      const font = fontFor(char, level, style.bold ?? false);
      const last = runs.at(-1);
      if (last && last.level === level && last.font === font) last.text += char;
      else runs.push({ text: char, level, font });
    }
    return runs;
  };
  const measure = (start: number, end: number) =>
    runsOf(start, end).reduce((sum, r) => sum + widthOf(doc, r.text, r.font, sizeOf(r.font)), 0);

  // Greedy wrapping at spaces. A word longer than the line stays whole and overflows.
  const spans: [number, number][] = [];
  let lineStart = -1;
  let lineEnd = 0;
  let width = 0;
  for (const word of text.matchAll(/\S+\s*/g)) {
    const start = word.index;
    const trimmedEnd = start + word[0].trimEnd().length;
    if (lineStart >= 0 && width + measure(start, trimmedEnd) > maxWidth) {
      spans.push([lineStart, lineEnd]);
      lineStart = -1;
      width = 0;
    }
    if (lineStart < 0) lineStart = start;
    width += measure(start, start + word[0].length);
    lineEnd = trimmedEnd;
  }
  if (lineStart >= 0) spans.push([lineStart, lineEnd]);

  return spans.map(([start, end]) => {
    const runs = runsOf(start, end);
    // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
    const lineLevels = runs.map((r) => r.level);
    const lowest = Math.min(...lineLevels);
    for (let level = Math.max(...lineLevels); level >= (lowest % 2 === 1 ? lowest : lowest + 1); level--) {
      for (let i = 0; i < runs.length; i++) {
        if ((runs[i]?.level ?? 0) < level) continue;
        let j = i;
        while (j + 1 < runs.length && (runs[j + 1]?.level ?? 0) >= level) j++;
        runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
        i = j;
      }
    }
    const visual = runs.map((r): Run => {
      const rtl = r.level % 2 === 1;
      // Rule L4: brackets and the like are mirrored in right-to-left runs (the fonts' rtlm does not cover them).
      let t = rtl ? Array.from(r.text, (c) => bidi.getMirroredCharacter(c) ?? c).join('') : r.text;
      // fontkit shapes and reverses Arabic runs itself; runs it would get wrong (right-to-left
      // punctuation only, left-to-right Arabic-Indic digits) are handed over already reversed.
      if (rtl !== fontkitReverses(t)) t = Array.from(t).reverse().join('');
      const size = sizeOf(r.font);
      return { text: t, font: r.font, size, width: widthOf(doc, t, r.font, size) };
    });
    return { runs: visual, width: visual.reduce((sum, r) => sum + r.width, 0) };
  });
}

// ---- page writer -------------------------------------------------------------------------------

const PAGE = { width: 595.28, height: 841.89, marginX: 56.7, top: 50, bottom: 841.89 - 62 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const GREY = '#555555';

interface Writer {
  doc: PDFKit.PDFDocument;
  setting: Setting;
  /** Body size: Amiri is set larger than Noto Sans to read the same size. */
  size: number;
  /** Line height and baseline (from the line's top) as multiples of the size: Arabic needs more room. */
  leading: number;
  baseline: number;
  y: number;
}

const lineHeight = (w: Writer, size: number) => size * w.leading;

function ensureRoom(w: Writer, height: number) {
  if (w.y + height <= PAGE.bottom) return;
  w.doc.addPage();
  w.y = PAGE.top;
}

/** Draws a laid-out line between x0 and x0 + width, aligned to the start (or end) side of the writing direction. */
function drawLine(w: Writer, line: Line, color: string, x0: number, width: number, baseline: number, align: 'start' | 'end' = 'start') {
  const alignRight = (w.setting.dir === 'rtl') === (align === 'start');
  let x = alignRight ? x0 + width - line.width : x0;
  for (const run of line.runs) {
    w.doc
      .font(run.font)
      .fontSize(run.size)
      .fillColor(color)
      .text(run.text, x, baseline, { lineBreak: false, features: features(run.font), baseline: 'alphabetic' });
    x += run.width;
  }
}

/** One line of text in a box, e.g. a label under a signature line; what does not fit is dropped. */
function singleLine(
  w: Writer,
  text: string,
  style: TextStyle,
  box: { x: number; width: number },
  baseline: number,
  align: 'start' | 'end',
) {
  const [line] = layoutParagraph(w.doc, text, w.setting, style, box.width);
  if (line) drawLine(w, line, style.color ?? 'black', box.x, box.width, baseline, align);
}

function paragraph(w: Writer, text: string, style: TextStyle, options: { indent?: number; after?: number } = {}) {
  const indent = options.indent ?? 0;
  const x0 = PAGE.marginX + (w.setting.dir === 'ltr' ? indent : 0);
  const height = lineHeight(w, style.size);
  for (const line of layoutParagraph(w.doc, text, w.setting, style, CONTENT_WIDTH - indent)) {
    ensureRoom(w, height);
    drawLine(w, line, style.color ?? 'black', x0, CONTENT_WIDTH - indent, w.y + style.size * w.baseline);
    w.y += height;
  }
  w.y += options.after ?? 0;
}

function heading(w: Writer, text: string) {
  w.y += w.size * 0.5;
  ensureRoom(w, 3 * lineHeight(w, w.size)); // keeps a heading with its first lines
  paragraph(w, text, { size: w.size * 1.05, bold: true });
}

/** A ticked box on the start side, the category in bold and its explanation below it. */
function checkedItem(w: Writer, label: string, explanation: string) {
  const box = w.size * 0.8;
  const indent = box + w.size * 0.7;
  ensureRoom(w, 2 * lineHeight(w, w.size));
  const x = w.setting.dir === 'ltr' ? PAGE.marginX : PAGE.marginX + CONTENT_WIDTH - box;
  const top = w.y + w.size * w.baseline - box;
  w.doc.lineWidth(0.8).strokeColor('black').rect(x, top, box, box).stroke();
  w.doc
    .lineWidth(1.2)
    .moveTo(x + box * 0.2, top + box * 0.55)
    .lineTo(x + box * 0.42, top + box * 0.8)
    .lineTo(x + box * 0.85, top + box * 0.2)
    .stroke();
  paragraph(w, label, { size: w.size, bold: true }, { indent });
  paragraph(w, explanation, { size: w.size }, { indent, after: w.size * 0.2 });
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
