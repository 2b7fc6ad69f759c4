/**
 * Which code to copy at once after a scan: the current one, or, when it has less than
 * NEXT_CODE_SECONDS left (too little to switch windows, click and paste), the next one.
 */
import type { CodeView } from '../../../shared/api';
import { secondsLeft } from '../accounts/format';
import { NEXT_CODE_SECONDS } from '../accounts/LiveCode';

export interface FirstCopy {
  /** The renderer-clock moment to pass to copyCode (its code is the one to copy). */
  at: number;
  /** True when the next code is copied. */
  next: boolean;
  /** When the copied code becomes valid (shifted clock, Unix ms). */
  validFrom: number;
  /** Whole seconds until it is valid; 0 for the current code. */
  secondsUntilValid: number;
}

/** A margin past the step boundary, so main surely computes the next step. */
const PAST_BOUNDARY_MS = 50;

/** `now`: the renderer clock; `offsetMs`: the tester clock offset that codes are valid on. */
export function planFirstCopy(code: CodeView, now: number, offsetMs: number): FirstCopy {
  const shifted = now + offsetMs;
  const current = shifted < code.validUntil ? code : code.next;
  const left = current.validUntil - shifted;
  if (left >= NEXT_CODE_SECONDS * 1000) return { at: now, next: false, validFrom: current.validFrom, secondsUntilValid: 0 };
  return { at: now + left + PAST_BOUNDARY_MS, next: true, validFrom: current.validUntil, secondsUntilValid: secondsLeft(current.validUntil, shifted) };
}
