/** The CLI's exit codes (issue 3 §4), one place for scripts and docs to agree on. */
import type { ErrorKind } from '../shared/errors';

export const EXIT = {
  ok: 0,
  /** Verification failed, or nothing matched / was found. */
  failed: 1,
  /** Bad input or usage, including an ambiguous query. */
  usage: 2,
  keychain: 3,
  vault: 4,
  /** A bug: an error Tweestap did not expect (EX_SOFTWARE from sysexits.h). */
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_KIND: Record<ErrorKind, ExitCode> = {
  input: EXIT.usage,
  'not-found': EXIT.failed,
  verify: EXIT.failed,
  keychain: EXIT.keychain,
  vault: EXIT.vault,
  internal: EXIT.internal,
};

/** The exit code for a TweestapError of `kind`. */
export function exitCodeFor(kind: ErrorKind): ExitCode {
  return BY_KIND[kind];
}
