/** Pure list moves used by keyboard, button and drag reordering. */

/** `ids` with the item at `from` moved to index `to` (clamped); the same array when nothing moves. */
export function moveItem<T>(items: readonly T[], from: number, to: number): readonly T[] {
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from < 0 || from >= items.length || from === target) return items;
  const result = items.slice();
  const [item] = result.splice(from, 1) as [T];
  result.splice(target, 0, item);
  return result;
}
