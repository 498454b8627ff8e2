export type VisibleRange = { start: number; end: number };

/**
 * The rows to draw for a scrolled list of fixed-height rows: those on screen plus
 * `overscan` on either side, so a fast scroll does not show blank space before the next
 * frame. `end` is exclusive. Drawing only these keeps 50,000 rows as cheap as 50.
 */
export function visibleRange(options: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan?: number;
}): VisibleRange {
  const { scrollTop, viewportHeight, rowHeight, count } = options;
  const overscan = options.overscan ?? 8;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}
