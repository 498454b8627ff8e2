export type TextChange = { index: number; remove: number; insert: string };

/**
 * The one edit that turns `before` into `after`, for a textarea whose caret ends at
 * `caret`. Typing "a" into "aa" could be an insert at 0, 1 or 2; the caret says which,
 * so a collaborator's edit next to it lands on the right side. Without a usable caret,
 * the common prefix and suffix decide. Null when nothing changed.
 */
export function textChange(before: string, after: string, caret: number | null = null): TextChange | null {
  if (before === after) return null;
  const grown = after.length - before.length;
  if (caret !== null && caret >= 0 && caret <= after.length) {
    if (grown > 0) {
      // A plain insertion ending at the caret.
      const index = caret - grown;
      if (
        index >= 0 &&
        after.slice(0, index) === before.slice(0, index) &&
        after.slice(caret) === before.slice(index)
      ) {
        return { index, remove: 0, insert: after.slice(index, caret) };
      }
    } else if (grown < 0) {
      // A plain deletion starting at the caret (Backspace leaves the caret at the start, Delete too).
      const removed = -grown;
      if (after.slice(0, caret) === before.slice(0, caret) && after.slice(caret) === before.slice(caret + removed)) {
        return { index: caret, remove: removed, insert: "" };
      }
    }
  }
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Where an index of the old text lands after a change: text inserted at the index itself goes after it. */
export function shiftIndex(
  index: number,
  delta: readonly { retain?: number; insert?: unknown; delete?: number }[],
): number {
  let oldPos = 0;
  let moved = index;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain !== undefined) oldPos += op.retain;
    else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (oldPos < index) moved += length;
    } else if (op.delete !== undefined) {
      const end = oldPos + op.delete;
      moved -= Math.max(0, Math.min(end, index) - oldPos);
      oldPos = end;
    }
  }
  return moved;
}
