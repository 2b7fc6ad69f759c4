/**
 * Issue 12.6's speed figures for `npm run bench:security`: how long one key derivation takes at
 * the cost Tweestap writes and at the cap a file may ask for (SCRYPT_LIMITS: the cap is meant to
 * stay under about 2 s on a slow PC), how long the event loop waits meanwhile (scrypt runs off
 * it), and how fast the hostile header of the report is refused. Measurements, not assertions:
 * a busy machine is slower, so only the printed figures are the result.
 */
import { randomBytes } from 'node:crypto';
import { encryptBackup, readBackupEnvelope } from '../../node/backup';
import { deriveScryptKey, SCRYPT_LIMITS, type ScryptParams } from '../../node/encryption';

const BUDGET_MS = 2000;

/** Milliseconds of one derivation, and the longest gap between 1 ms timer ticks meanwhile. */
async function timeDerivation(params: ScryptParams): Promise<{ ms: number; maxLoopGapMs: number }> {
  let last = performance.now();
  let maxLoopGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxLoopGapMs = Math.max(maxLoopGapMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await deriveScryptKey('a password', randomBytes(32), params);
  const ms = performance.now() - started;
  clearInterval(ticker);
  return { ms, maxLoopGapMs };
}

export async function benchKdfCost(): Promise<string[]> {
  const lines = [`KDF cost (cap: ${SCRYPT_LIMITS.maxTotalWork / 2 ** 20} MiB of 128·N·r·p per file, budget ${BUDGET_MS} ms)`];
  for (const [name, params] of [
    ['a Tweestap backup (N 2^17, r 8, p 1)', { N: 2 ** 17, r: 8, p: 1 }],
    ['the cap (N 2^17, r 8, p 2)', { N: 2 ** 17, r: 8, p: 2 }],
  ] as const) {
    const { ms, maxLoopGapMs } = await timeDerivation(params);
    const verdict = ms <= BUDGET_MS ? 'within budget' : 'OVER BUDGET on this machine';
    lines.push(`  ${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  (${verdict}; event loop never waited more than ${maxLoopGapMs.toFixed(1)} ms)`);
  }
  const file = await encryptBackup([], 'pw', { scryptN: 2 ** 14 });
  const header = JSON.parse(file.subarray(0, file.indexOf(0x0a)).toString('ascii')) as { kdf: Record<string, number> };
  Object.assign(header.kdf, { N: 2 ** 20, r: 8, p: 16 });
  const hostile = Buffer.concat([Buffer.from(JSON.stringify(header), 'ascii'), file.subarray(file.indexOf(0x0a))]);
  const started = performance.now();
  try {
    readBackupEnvelope(hostile);
    lines.push('  hostile header N 2^20, r 8, p 16: ACCEPTED (regression)');
  } catch {
    lines.push(`  hostile header N 2^20, r 8, p 16 refused in ${(performance.now() - started).toFixed(2)} ms (was 47.6 s and 1.1 GB)`);
  }
  return lines;
}
