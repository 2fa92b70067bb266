// Writing direction of a UI language. Pure, so that it is unit-tested and shared by
// the <html dir> attribute and Mantine's DirectionProvider.

export type Direction = 'ltr' | 'rtl';

/** Languages written right to left that refugees in the network speak, and their neighbours. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'ckb', 'dv', 'yi']);

export function directionOf(locale: string): Direction {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}
