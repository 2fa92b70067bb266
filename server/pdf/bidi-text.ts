import { readFile } from 'node:fs/promises';
import bidiModule from 'bidi-js';

// Text in mixed directions for PDFs drawn with pdfkit. pdfkit shapes Arabic through fontkit,
// but lays a string out in one direction only: Latin names and digits inside an Arabic sentence
// would come out reversed. So every paragraph goes through the Unicode bidi algorithm (bidi-js):
// it is wrapped into lines in logical order, each line is cut into runs of one embedding level
// and one font, the runs are put in visual order (rule L2) and drawn one after another from the
// left. Arabic letters and right-to-left neutrals are set in Amiri, everything else in Noto Sans;
// pdfkit embeds a subset of each (server/assets/fonts/README.md says why Amiri).

// ---- fonts -------------------------------------------------------------------------------------

export const FONT_FILES = {
  latin: 'NotoSans-Regular.ttf',
  latinBold: 'NotoSans-Bold.ttf',
  arabic: 'Amiri-Regular.ttf',
  arabicBold: 'Amiri-Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fontData: Promise<[FontName, Buffer][]> | undefined;
export function loadFonts() {
  fontData ??= Promise.all(
    (Object.keys(FONT_FILES) as FontName[]).map(async (name): Promise<[FontName, Buffer]> => [
      name,
      await readFile(new URL(`../assets/fonts/${FONT_FILES[name]}`, import.meta.url)),
    ]),
  ).catch((error: unknown) => {
    fontData = undefined; // try again on the next call
    throw error;
  });
  return fontData;
}

// ---- bidi text lines ---------------------------------------------------------------------------

export type Direction = 'ltr' | 'rtl';
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}
/** A piece of one line in visual order: `text` is what pdfkit gets, `width` its advance. */
export interface Run {
  text: string;
  font: FontName;
  size: number;
  width: number;
}
export interface Line {
  runs: Run[];
  width: number;
}
/** One paragraph direction and how much smaller Latin text is set beside Arabic (Amiri runs small). */
export interface Setting {
  dir: Direction;
  latinScale: number;
}

// bidi-js is CommonJS with types that declare an ES default export: under Node the default import is the factory itself.
export const bidi = (bidiModule as unknown as typeof bidiModule.default)();
export const ARABIC_CHAR = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
/** Marks and isolates steer the bidi algorithm and are never drawn. */
export const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The first character fontkit uses to pick a script (it skips Common and Inherited ones). */
export const SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}]/u;
export const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * Wraps a value that is inserted into a sentence (a name, an address, a date, the form version) in a
 * first-strong isolate, as HTML's <bdi> does: its direction then comes from its own first letter, and
 * neither "e. V." nor "2026-11" is torn apart by the Arabic around it.
 */
export function isolate(value: string) {
  return `\u2068${value}\u2069`;
}

export function fontFor(char: string, level: number, bold: boolean): FontName {
  // Neutrals inside right-to-left text (spaces, colons, brackets, the Arabic comma) take the Arabic font.
  const arabic = ARABIC_CHAR.test(char) || level % 2 === 1;
  if (arabic) return bold ? 'arabicBold' : 'arabic';
  return bold ? 'latinBold' : 'latin';
}

/** fontkit reverses a run it takes for right-to-left script, judged by the run's first script character. */
export function fontkitReverses(text: string) {
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
export function features(font: FontName) {
  const arabic = font === 'arabic' || font === 'arabicBold';
  return arabic ? ({ kern: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[]) : undefined;
}

export function widthOf(doc: PDFKit.PDFDocument, text: string, font: FontName, size: number) {
  return doc
    .font(font)
    .fontSize(size)
    .widthOfString(text, { features: features(font) });
}

/** Wraps one paragraph into lines of at most maxWidth, in logical order, and returns them ready to draw. */
export function layoutParagraph(doc: PDFKit.PDFDocument, text: string, setting: Setting, style: TextStyle, maxWidth: number): Line[] {
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

/**
 * Free text as the user typed it, one paragraph per line, each isolated: a German sentence in an
 * Arabic document keeps its full stop at its end, and an Arabic one in a German document reads right to left.
 */
export function freeText(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(isolate);
}
