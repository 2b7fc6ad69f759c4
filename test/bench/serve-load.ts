/**
 * Section 5 of `npm run bench`: `tweestap serve` under load. 8 clients for 10 s each phase
 * against a vault of 300 accounts:
 *   plain  GET /v1/codes?query=<one>             requests per second, p50/p99;
 *   fresh  GET /v1/codes?query=<one>&fresh=1&maxWait=0   the same, 200 (a fresh step) or 409
 *          (the step is taken; no waiting).
 * Every code is checked against the otpauth library (another implementation), and every
 * (account, step) handed out by `fresh` must be unique.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import * as OTPAuth from 'otpauth';
import { createKeychainStore } from '../../node/keychain/keychain';
import { Vault, type VaultAccount } from '../../node/vault';
import { secretFromBytes } from '../../shared/otp';
import { ALGORITHMS, DIGITS, type OtpParams } from '../../shared/otp/types';
import { CLI } from '../unit/cli/run-cli';

const ACCOUNTS = 300;
const CLIENTS = 8;
const SECONDS = 10;

interface Row {
  id: string;
  step: number;
  code: string;
}

function account(i: number): OtpParams {
  const bytes = Buffer.alloc(20, i + 1);
  return {
    type: 'totp',
    issuer: `Load ${i % 11}`,
    account: `load${i}@example.com`,
    secret: secretFromBytes(bytes),
    algorithm: ALGORITHMS[i % ALGORITHMS.length]!,
    digits: DIGITS[i % DIGITS.length]!,
    period: [20, 30][i % 2]!,
    counter: 0,
  };
}

/** The code of `step` by the otpauth library, not by Tweestap's own code. */
function expected(p: OtpParams, step: number): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(p.secret), algorithm: p.algorithm, digits: p.digits, period: p.period });
  return totp.generate({ timestamp: step * p.period * 1000 });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function phase(name: string, url: string, token: string, accounts: OtpParams[], ids: string[], extra: string): Promise<void> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const handedOut = new Set<string>();
  let wrong = 0;
  let twice = 0;
  const end = performance.now() + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const i = Math.floor(Math.random() * accounts.length);
      const start = performance.now();
      const response = await fetch(`${url}/v1/codes?query=${encodeURIComponent(accounts[i]!.account)}${extra}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as Row[];
      latencies.push(performance.now() - start);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status !== 200) continue;
      const row = body[0]!;
      if (row.id !== ids[i] || row.code !== expected(accounts[i]!, row.step)) wrong += 1;
      if (extra.includes('fresh')) {
        const key = `${row.id}:${row.step}`;
        if (handedOut.has(key)) twice += 1;
        handedOut.add(key);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const counts = [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
  console.log(
    `   ${name.padEnd(6)} ${Math.round(latencies.length / seconds)} req/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (${counts}); wrong codes: ${wrong}${extra.includes('fresh') ? `, steps handed out twice: ${twice}` : ''}`,
  );
}

export async function benchServe(root: string, keychainService: string): Promise<void> {
  const home = path.join(root, 'serve');
  const service = `${keychainService}-serve`;
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => account(i));
  const store = createKeychainStore({ service });
  const stored: VaultAccount[] = [];
  for (const [i, { secret, ...settings }] of accounts.entries()) {
    await store.set(`load${i}`, secret);
    stored.push({ id: `load${i}`, ...settings, addedAt: new Date(0).toISOString() });
  }
  await new Vault(home).update((list) => void list.push(...stored));
  const ids = stored.map((a) => a.id);

  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: service }, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve) => createInterface({ input: server.stdout }).once('line', resolve));
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  console.log(`5. tweestap serve under load: ${CLIENTS} clients × ${SECONDS} s per phase, ${ACCOUNTS} accounts, one serve process`);
  await phase('plain', url, token, accounts, ids, '');
  await phase('fresh', url, token, accounts, ids, '&fresh=1&maxWait=0');
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  console.log(`   SIGTERM: serve exited with ${await exited}`);
}
