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
