import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// For tests: reads rendered PDFs back with poppler's pdftotext and pdfinfo (Debian: poppler-utils),
// as a person copying text out of the PDF or a screen reader would get it.

/** A temporary folder for one test file's PDFs; `save` writes one and returns its path. */
export function pdfFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    save: (bytes: Uint8Array, name: string) => {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, bytes);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The text as pdftotext gives it, without bidi marks and zero-width non-joiners, on one line; optionally of one page only. */
export function textOf(file: string, page?: number) {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', ...pages, file, '-'], { encoding: 'utf8' });
  return raw.replace(/[\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

/** The words pdftotext finds on one page, each with its box (points from the top left corner). */
export function wordsOf(file: string, page = 1) {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4] ?? '',
  }));
}

/** The document information pdfinfo prints: page count, title, author and the rest of the metadata. */
export function infoOf(file: string) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), raw: info };
}
