/** How codes and times are written for reading aloud and typing over. */

/** Groups a code for reading: `123 456`, `1234 5678`, `123 4567`. */
export function groupCode(code: string): string {
  const half = Math.floor(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/** Whole seconds left until `until`, counting the current partial second (1…period). */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
