import { features, layoutParagraph, type Line, type Setting, type TextStyle } from './bidi-text.ts';

// Drawing laid-out lines onto A4 pages: paragraphs, headings, a title, a framed notice, boxes of
// one line and footers. Form fields (ticked boxes, signature lines) are in form-fields.ts, tables in table.ts.

// ---- page writer -------------------------------------------------------------------------------

export const PAGE = { width: 595.28, height: 841.89, marginX: 56.7, top: 50, bottom: 841.89 - 62 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
export const GREY = '#555555';

export interface Writer {
  doc: PDFKit.PDFDocument;
  setting: Setting;
  /** Body size: Amiri is set larger than Noto Sans to read the same size. */
  size: number;
  /** Line height and baseline (from the line's top) as multiples of the size: Arabic needs more room. */
  leading: number;
  baseline: number;
  y: number;
}

export const lineHeight = (w: Writer, size: number) => size * w.leading;

export function ensureRoom(w: Writer, height: number) {
  if (w.y + height <= PAGE.bottom) return;
  w.doc.addPage();
  w.y = PAGE.top;
}

/** Draws a laid-out line between x0 and x0 + width, aligned to the start (or end) side of the writing direction. */
export function drawLine(
  w: Writer,
  line: Line,
  color: string,
  x0: number,
  width: number,
  baseline: number,
  align: 'start' | 'end' = 'start',
) {
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
export function singleLine(
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

export function paragraph(w: Writer, text: string, style: TextStyle, options: { indent?: number; after?: number } = {}) {
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

/** A bold heading, kept on the page with at least `keepWithNext` points of what follows (two body lines unless told). */
export function heading(w: Writer, text: string, keepWithNext = 2 * lineHeight(w, w.size)) {
  const style = { size: w.size * 1.05, bold: true };
  w.y += w.size * 0.5;
  const lines = layoutParagraph(w.doc, text, w.setting, style, CONTENT_WIDTH).length;
  ensureRoom(w, lines * lineHeight(w, style.size) + keepWithNext);
  paragraph(w, text, style);
}

/** The head of a document: who issues it (small, grey), its title and a rule below. */
export function titleBlock(w: Writer, overline: string, title: string) {
  paragraph(w, overline, { size: w.size * 0.85, color: GREY }, { after: 2 });
  paragraph(w, title, { size: w.size * 1.45, bold: true }, { after: 3 });
  w.doc
    .lineWidth(0.6)
    .strokeColor(GREY)
    .moveTo(PAGE.marginX, w.y)
    .lineTo(PAGE.marginX + CONTENT_WIDTH, w.y)
    .stroke();
}

/** A framed notice across the page, e.g. that a document is a draft. */
export function banner(w: Writer, text: string, color = '#b3261e') {
  const style = { size: w.size, bold: true, color };
  const pad = w.size * 0.5;
  const lines = layoutParagraph(w.doc, text, w.setting, style, CONTENT_WIDTH - 2 * pad);
  const height = lines.length * lineHeight(w, style.size) + 2 * pad;
  w.y += w.size * 0.6;
  ensureRoom(w, height);
  w.doc.lineWidth(1.2).strokeColor(color).rect(PAGE.marginX, w.y, CONTENT_WIDTH, height).stroke();
  let top = w.y + pad;
  for (const line of lines) {
    drawLine(w, line, color, PAGE.marginX + pad, CONTENT_WIDTH - 2 * pad, top + style.size * w.baseline);
    top += lineHeight(w, style.size);
  }
  w.y += height;
}

/** On every page: `text` at the start side of the bottom line, "page n of m" at its end. Call when all pages are written. */
export function footers(w: Writer, text: string, page: (page: number, pages: number) => string) {
  const style = { size: w.size * 0.75, color: GREY };
  const { start, count } = w.doc.bufferedPageRange();
  const box = { x: PAGE.marginX, width: CONTENT_WIDTH };
  for (let i = start; i < start + count; i++) {
    w.doc.switchToPage(i);
    singleLine(w, text, style, box, PAGE.height - 36, 'start');
    singleLine(w, page(i - start + 1, count), style, box, PAGE.height - 36, 'end');
  }
}
