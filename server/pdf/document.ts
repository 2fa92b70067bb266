import PDFDocument from 'pdfkit';
import { loadFonts, type Direction } from './bidi-text.ts';
import { PAGE, type Writer } from './page-writer.ts';

// An A4 document with Lotse's fonts registered, a writer at the top of its first page, and its
// bytes collected in memory. Pages stay buffered so that footers can count them at the end.

export interface DocumentOptions {
  language: string;
  dir: Direction;
  /** The document's kind, never a person's name: the metadata carries no personal data. */
  title: string;
  /** The office that issues it. */
  author: string;
}

export async function openDocument(options: DocumentOptions): Promise<{ w: Writer; finish: () => Promise<Uint8Array> }> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    bufferPages: true,
    lang: options.language,
    displayTitle: true,
    info: { Title: options.title, Author: options.author, Creator: 'Lotse' },
  });
  for (const [name, data] of await loadFonts()) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));

  // Amiri is set larger than Noto Sans to read the same size, with more room between lines.
  const w: Writer =
    options.dir === 'rtl'
      ? { doc, setting: { dir: 'rtl', latinScale: 0.8 }, size: 11.5, leading: 1.4, baseline: 1.05, y: PAGE.top }
      : { doc, setting: { dir: 'ltr', latinScale: 1 }, size: 9.5, leading: 1.38, baseline: 1.0, y: PAGE.top };

  const finish = () => {
    const done = new Promise<Uint8Array>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.end();
    return done;
  };
  return { w, finish };
}
