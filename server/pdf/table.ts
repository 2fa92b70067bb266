import { layoutParagraph, type Line, type TextStyle } from './bidi-text.ts';
import { CONTENT_WIDTH, drawLine, GREY, lineHeight, PAGE, type Writer } from './page-writer.ts';

// A table across the content width: a header row in bold, rows whose cells hold one or more
// paragraphs and wrap. The first column is on the start side of the writing direction. A row is
// never split; when it does not fit, it goes to the next page and the header is repeated there.

/** One cell: paragraphs stacked in it, e.g. a bold label over a free text. */
export type Cell = { text: string; bold?: boolean; color?: string }[];

interface LaidRow {
  cells: { line: Line; style: TextStyle; top: number }[][];
  height: number;
  header: boolean;
}
export interface LaidTable {
  widths: number[];
  rows: LaidRow[];
  /** Height of the header and the first row: what a heading above the table keeps with it. */
  lead: number;
}

const padding = (w: Writer) => ({ x: w.size * 0.35, y: w.size * 0.3 });

function layoutRow(w: Writer, widths: number[], cells: Cell[], header: boolean): LaidRow {
  const pad = padding(w);
  const laid = cells.map((cell, i) => {
    const width = (widths[i] ?? 0) * CONTENT_WIDTH - 2 * pad.x;
    const lines: LaidRow['cells'][number] = [];
    let top = pad.y;
    for (const part of cell) {
      const style: TextStyle = { size: w.size, bold: header || part.bold, color: part.color };
      for (const line of layoutParagraph(w.doc, part.text, w.setting, style, width)) {
        lines.push({ line, style, top });
        top += lineHeight(w, style.size);
      }
    }
    return { lines, height: top + pad.y };
  });
  return { cells: laid.map((c) => c.lines), height: Math.max(...laid.map((c) => c.height)), header };
}

/** Lays a table out without drawing it, so that a heading can be kept with its first row. */
export function layoutTable(w: Writer, widths: number[], header: string[], rows: Cell[][]): LaidTable {
  const laid = [
    layoutRow(
      w,
      widths,
      header.map((text) => [{ text }]),
      true,
    ),
    ...rows.map((row) => layoutRow(w, widths, row, false)),
  ];
  return { widths, rows: laid, lead: laid.slice(0, 2).reduce((sum, r) => sum + r.height, 0) };
}

function drawRow(w: Writer, widths: number[], row: LaidRow) {
  const pad = padding(w);
  if (row.header) w.doc.rect(PAGE.marginX, w.y, CONTENT_WIDTH, row.height).fill('#eeeeee');
  let offset = 0;
  row.cells.forEach((lines, i) => {
    const width = (widths[i] ?? 0) * CONTENT_WIDTH;
    const x = w.setting.dir === 'ltr' ? PAGE.marginX + offset : PAGE.marginX + CONTENT_WIDTH - offset - width;
    for (const { line, style, top } of lines)
      drawLine(w, line, style.color ?? 'black', x + pad.x, width - 2 * pad.x, w.y + top + style.size * w.baseline);
    offset += width;
  });
  w.y += row.height;
  w.doc
    .lineWidth(0.5)
    .strokeColor(GREY)
    .moveTo(PAGE.marginX, w.y)
    .lineTo(PAGE.marginX + CONTENT_WIDTH, w.y)
    .stroke();
}

export function drawTable(w: Writer, table: LaidTable) {
  const [header, ...rows] = table.rows;
  if (!header) return;
  if (w.y + table.lead > PAGE.bottom) {
    w.doc.addPage();
    w.y = PAGE.top;
  }
  drawRow(w, table.widths, header);
  for (const row of rows) {
    if (w.y + row.height > PAGE.bottom && w.y > PAGE.top + header.height + 1) {
      w.doc.addPage();
      w.y = PAGE.top;
      drawRow(w, table.widths, header);
    }
    drawRow(w, table.widths, row);
  }
}
