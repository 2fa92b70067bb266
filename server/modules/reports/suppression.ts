// Small numbers identify people: a cell below the threshold is suppressed, and so
// is a second cell wherever a single suppressed one could be worked out by
// subtracting the others from the total shown beside them.

export const DEFAULT_THRESHOLD = 5;

export interface Cell {
  key: string;
  /** null: suppressed. */
  count: number | null;
}

export function suppress(counts: Record<string, number>, threshold = DEFAULT_THRESHOLD): Cell[] {
  const cells = Object.entries(counts).map(([key, count]) => ({ key, count, hidden: count > 0 && count < threshold }));
  const hidden = cells.filter((c) => c.hidden);
  if (hidden.length === 1) {
    // Hide the smallest other non-zero cell too, so the first cannot be derived.
    const next = cells.filter((c) => !c.hidden && c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (next) next.hidden = true;
  }
  return cells.map((c) => ({ key: c.key, count: c.hidden ? null : c.count }));
}

/** A total is shown only when it is itself above the threshold (or zero). */
export function suppressTotal(total: number, threshold = DEFAULT_THRESHOLD): number | null {
  return total > 0 && total < threshold ? null : total;
}

/**
 * Cells linked by sums: each line lists cells of which one is the sum of the others (a
 * total and its parts). A cell of 1 to threshold − 1 is hidden; then, as long as a line
 * has exactly one hidden cell (which its others would reveal by subtraction), the
 * smallest non-zero visible cell of that line is hidden too. Cells that are never shown
 * (the "rest" of a subset) may take part: they are hidden like the others, which hides a
 * shown cell of their line. Returns the hidden keys. This protects against subtraction
 * along each line; it is not a full linear-programming audit (see decision 0019).
 */
export function suppressLinked(
  counts: ReadonlyMap<string, number>,
  lines: readonly string[][],
  threshold = DEFAULT_THRESHOLD,
  /** Cells shown only at or above the threshold: a zero is hidden too (special-category data). */
  showOnlyAbove: ReadonlySet<string> = new Set(),
): Set<string> {
  const small = (key: string, n: number) => n < threshold && (n > 0 || showOnlyAbove.has(key));
  const hidden = new Set([...counts].filter(([key, n]) => small(key, n)).map(([key]) => key));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter((key) => hidden.has(key)).length !== 1) continue;
      const next = line
        .filter((key) => !hidden.has(key) && (counts.get(key) ?? 0) > 0)
        .sort((a, b) => counts.get(a)! - counts.get(b)! || a.localeCompare(b))[0];
      if (next === undefined) continue;
      hidden.add(next);
      changed = true;
    }
  }
  return hidden;
}

export interface TwoWayTable {
  /** Interior cells, row key → column key → count. */
  cells: Record<string, Record<string, number | null>>;
  rowTotals: Record<string, number | null>;
  columnTotals: Record<string, number | null>;
  total: number | null;
}

/**
 * A two-way table (e.g. indicator × gender) with its row totals, column totals and grand
 * total, all shown: every row and every column, totals included, is a line of
 * `suppressLinked`. Hidden cells come back as null.
 */
export function suppressTwoWay(cells: Record<string, Record<string, number>>, threshold = DEFAULT_THRESHOLD): TwoWayTable {
  const rows = Object.keys(cells);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(cells[r]!)))];
  const at = (r: string, c: string) => cells[r]?.[c] ?? 0;
  const counts = new Map<string, number>();
  for (const r of rows) for (const c of columns) counts.set(`${r}|${c}`, at(r, c));
  for (const r of rows)
    counts.set(
      `${r}|*`,
      columns.reduce((s, c) => s + at(r, c), 0),
    );
  for (const c of columns)
    counts.set(
      `*|${c}`,
      rows.reduce((s, r) => s + at(r, c), 0),
    );
  counts.set(
    '*|*',
    [...rows].reduce((s, r) => s + counts.get(`${r}|*`)!, 0),
  );
  const lines = [
    ...[...rows, '*'].map((r) => [...columns, '*'].map((c) => `${r}|${c}`)),
    ...[...columns, '*'].map((c) => [...rows, '*'].map((r) => `${r}|${c}`)),
  ];
  const hidden = suppressLinked(counts, lines, threshold);
  const shown = (key: string) => (hidden.has(key) ? null : counts.get(key)!);
  return {
    cells: Object.fromEntries(rows.map((r) => [r, Object.fromEntries(columns.map((c) => [c, shown(`${r}|${c}`)]))])),
    rowTotals: Object.fromEntries(rows.map((r) => [r, shown(`${r}|*`)])),
    columnTotals: Object.fromEntries(columns.map((c) => [c, shown(`*|${c}`)])),
    total: shown('*|*'),
  };
}
