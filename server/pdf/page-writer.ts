import { features, layoutParagraph, type Line, type Setting, type TextStyle } from './bidi-text.ts';

// Drawing laid-out lines onto A4 pages: paragraphs, headings, ticked items, boxes of one line.

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

export function heading(w: Writer, text: string) {
  w.y += w.size * 0.5;
  ensureRoom(w, 3 * lineHeight(w, w.size)); // keeps a heading with its first lines
  paragraph(w, text, { size: w.size * 1.05, bold: true });
}

/** A ticked box on the start side, the category in bold and its explanation below it. */
export function checkedItem(w: Writer, label: string, explanation: string) {
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
