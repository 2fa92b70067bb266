import { layoutParagraph } from './bidi-text.ts';
import { CONTENT_WIDTH, drawLine, ensureRoom, GREY, lineHeight, PAGE, paragraph, singleLine, type Writer } from './page-writer.ts';

// What a printed form is filled in with: boxes to tick (or ticked already) and lines to sign on.
// Everything is laid out from the start side of the writing direction.

/** A square box whose top edge is at `top`, with a tick in it when `ticked`. */
function box(w: Writer, x: number, top: number, size: number, ticked: boolean) {
  w.doc.lineWidth(0.8).strokeColor('black').rect(x, top, size, size).stroke();
  if (!ticked) return;
  w.doc
    .lineWidth(1.2)
    .moveTo(x + size * 0.2, top + size * 0.55)
    .lineTo(x + size * 0.42, top + size * 0.8)
    .lineTo(x + size * 0.85, top + size * 0.2)
    .stroke();
}

/** A ticked box on the start side, the label in bold and, if given, its explanation below it. */
export function checkedItem(w: Writer, label: string, explanation?: string) {
  const size = w.size * 0.8;
  const indent = size + w.size * 0.7;
  ensureRoom(w, (explanation === undefined ? 1 : 2) * lineHeight(w, w.size));
  const x = w.setting.dir === 'ltr' ? PAGE.marginX : PAGE.marginX + CONTENT_WIDTH - size;
  box(w, x, w.y + w.size * w.baseline - size, size, true);
  paragraph(w, label, { size: w.size, bold: true }, { indent, after: explanation === undefined ? w.size * 0.2 : 0 });
  if (explanation !== undefined) paragraph(w, explanation, { size: w.size }, { indent, after: w.size * 0.2 });
}

/** Empty boxes side by side on one line, each followed by its label, for the reader to tick one. */
export function choices(w: Writer, labels: string[]) {
  const size = w.size * 0.8;
  const style = { size: w.size };
  const height = lineHeight(w, w.size);
  ensureRoom(w, height);
  const baseline = w.y + w.size * w.baseline;
  let offset = 0; // from the start side
  for (const label of labels) {
    const [line] = layoutParagraph(w.doc, label, w.setting, style, CONTENT_WIDTH);
    const labelWidth = line?.width ?? 0;
    const span = size + w.size * 0.5 + labelWidth;
    const start = w.setting.dir === 'ltr' ? PAGE.marginX + offset : PAGE.marginX + CONTENT_WIDTH - offset - span;
    const boxX = w.setting.dir === 'ltr' ? start : start + span - size;
    box(w, boxX, baseline - size, size, false);
    const labelX = w.setting.dir === 'ltr' ? start + size + w.size * 0.5 : start;
    if (line) drawLine(w, line, 'black', labelX, labelWidth, baseline);
    offset += span + w.size * 2.5;
  }
  w.y += height;
}

export interface SignatureField {
  /** Printed small under the line, e.g. "Place, date". */
  label: string;
  /** Share of the content width. The fields are spread over the whole width with even gaps. */
  width: number;
  /** Printed above the line when known already, e.g. the date. */
  value?: string | null;
}

/** Lines to write or sign on, side by side, the first on the start side. */
export function signatureLines(w: Writer, fields: SignatureField[]) {
  const small = { size: w.size * 0.85, color: GREY };
  const height = w.size * 3 + lineHeight(w, small.size);
  ensureRoom(w, height);
  const lineY = w.y + w.size * 3;
  const gap = fields.length > 1 ? ((1 - fields.reduce((sum, f) => sum + f.width, 0)) / (fields.length - 1)) * CONTENT_WIDTH : 0;
  let offset = 0;
  w.doc.lineWidth(0.6).strokeColor('black');
  for (const field of fields) {
    const width = field.width * CONTENT_WIDTH;
    const part = { x: w.setting.dir === 'ltr' ? PAGE.marginX + offset : PAGE.marginX + CONTENT_WIDTH - offset - width, width };
    w.doc
      .moveTo(part.x, lineY)
      .lineTo(part.x + part.width, lineY)
      .stroke();
    if (field.value) singleLine(w, field.value, { size: w.size }, part, lineY - w.size * 0.5, 'end');
    singleLine(w, field.label, small, part, lineY + small.size * 1.3, 'start');
    offset += width + gap;
  }
  w.y += height;
}
