/**
 * How many random cases each property gets in `npm test` (the security project stays under about
 * a minute). `npm run bench:security` runs the parser properties with 100,000 cases each.
 */
export const FUZZ_RUNS = {
  /** Per API method, and for the sender check. */
  ipcPerMethod: 150,
  /** Per text/bytes parser (otpauth, migration, backup reader). */
  parser: 3000,
  /** Image decoder cases (each decodes an image, so fewer). */
  image: 300,
} as const;

/**
 * `npm test` runs the parser properties with this fixed seed, so a run repeats exactly and a red
 * test is a change in the code, not luck; `npm run bench:security` draws a new seed each run (and
 * prints it). Known bugs the bench found are pinned as regression cases in parsers.test.ts.
 */
export const FUZZ_SEED = 20260115;
