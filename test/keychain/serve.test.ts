/**
 * `tweestap serve` (issue 13.3) as a real process on a real vault and keychain: the first line,
 * the token, the Host/Origin guard, GET /v1/codes answering what `code --json` prints, the
 * ledger shared with the CLI, JSON errors, read-only, clean shutdown and a port in use.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI, json, tweestap } from '../unit/cli/run-cli';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CANARY = Array.from(randomBytes(20), (b) => BASE32[b % 32]).join('');
const URI = `otpauth://totp/Nse-Portal:alice%40example.com?secret=${CANARY}&issuer=Nse-Portal&period=20`;
const T = 1_735_689_600;

let root: string;
let env: Record<string, string>;
const servers: ChildProcessWithoutNullStreams[] = [];

beforeAll(() => {
  buildCli();
  root = mkdtempSync(path.join(os.tmpdir(), 'tweestap-serve-'));
  env = { TWEESTAP_HOME: path.join(root, 'home'), TWEESTAP_KEYCHAIN_SERVICE: `tweestap-serve-test-${process.pid}` };
  expect(tweestap(['add', '-'], env, URI).status).toBe(0);
  expect(tweestap(['add', '-'], env, URI.replace('alice', 'bob').replace(CANARY, 'JBSWY3DPEHPK3PXP')).status).toBe(0);
}, 60_000);
afterEach(() => {
  for (const server of servers.splice(0)) server.kill('SIGKILL');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Served {
  child: ChildProcessWithoutNullStreams;
  first: { url: string; token?: string };
  stderr: () => string;
}

/** Starts `tweestap serve ...args` and reads its first stdout line. */
async function serve(args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { env: { ...process.env, LANG: '', LC_ALL: '', ...env } });
  servers.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, first: JSON.parse(line) as Served['first'], stderr: () => stderr };
}

/** One HTTP request with exactly the headers given (fetch would set Host and Origin itself). */
function get(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, setHost: !('host' in headers) }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
}

describe('tweestap serve', () => {
  it('prints {url, token} first, answers like code --json, and guards token, Host and Origin', async () => {
    const { first } = await serve();
    expect(Object.keys(first).sort()).toEqual(['token', 'url']);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const auth = { authorization: `Bearer ${first.token}` };
    const codes = `${first.url}/v1/codes?query=alice&at=@${T}`;

    const ok = await get(codes, auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(json(tweestap(['code', 'alice', '--at', `@${T}`, '--json'], env)));
    expect((ok.body as Array<{ code: string }>)[0]!.code).toBe(
      execFileSync('oathtool', ['--totp', '--time-step-size=20s', `--now=@${T}`, '-b', CANARY], { encoding: 'utf8' }).trim(),
    );

    expect((await get(codes, {})).status).toBe(401);
    expect(await get(codes, { authorization: `Bearer ${first.token}x` })).toMatchObject({ status: 401, body: { error: { kind: 'unauthorized' } } });
    const host = new URL(first.url).host;
    expect((await get(codes, { ...auth, host: `evil.example:${new URL(first.url).port}` })).status).toBe(403);
    expect((await get(codes, { ...auth, host: 'localhost' })).status).toBe(403);
    expect((await get(codes, { ...auth, origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(codes, { ...auth, origin: `http://${host}` })).status).toBe(200);
  });

  it('answers errors as JSON with 400, 404 and 409, and is read-only', async () => {
    const { first } = await serve();
    const auth = { authorization: `Bearer ${first.token}` };
    const at = (q: string) => `${first.url}/v1/codes?${q}`;
    expect(await get(at('query=example.com'), auth)).toMatchObject({ status: 400, body: { error: { kind: 'input' } } });
    expect(await get(at('query=nobody'), auth)).toMatchObject({ status: 404, body: { error: { kind: 'not-found' } } });
    expect(await get(at('query=alice&minValid=20'), auth)).toMatchObject({ status: 400 });
    expect(await get(at(`query=alice&uri=${encodeURIComponent(URI)}`), auth)).toMatchObject({ status: 400 });
    expect(await get(at('query=alice&query=bob'), auth)).toMatchObject({ status: 400 });
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await get(at('query=alice'), auth, method)).status).toBe(405);
    expect((await get(`${first.url}/v1/accounts`, auth)).status).toBe(404);
    // fresh at a fixed moment: the first call takes the step, the second finds it taken.
    expect((await get(at(`query=bob&fresh=1&at=@${T}`), auth)).status).toBe(200);
    const taken = await get(at(`query=bob&fresh=1&at=@${T}&maxWait=0`), auth);
    expect(taken).toMatchObject({ status: 409, body: { error: { kind: 'conflict' } } });
    expect(JSON.stringify(taken.body)).toContain('20 s');
  });

  it('shares the fresh ledger with the CLI: neither hands out a step the other did', async () => {
    const { first } = await serve();
    const auth = { authorization: `Bearer ${first.token}` };
    const moment = T + 1000;
    const steps: number[] = [];
    for (let i = 0; i < 3; i++) {
      steps.push(json<Array<{ step: number }>>(tweestap(['code', 'alice', '--fresh', '--at', `@${moment}`, '--max-wait', '600', '--json'], env))[0]!.step);
      const served = await get(`${first.url}/v1/codes?query=alice&fresh=1&at=@${moment}&maxWait=600`, auth);
      steps.push((served.body as Array<{ step: number }>)[0]!.step);
    }
    expect(steps).toEqual([0, 1, 2, 3, 4, 5].map((i) => moment / 20 + i));
  });

  it('writes the token to --token-file (0600) instead, and stops cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const tokenFile = path.join(root, `token-${signal}`);
      const { child, first, stderr } = await serve(['--token-file', tokenFile]);
      expect(Object.keys(first)).toEqual(['url']);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      const token = readFileSync(tokenFile, 'utf8');
      expect((await get(`${first.url}/v1/codes?query=alice`, { authorization: `Bearer ${token}` })).status).toBe(200);
      child.kill(signal);
      expect(await exited(child)).toBe(0);
      expect(existsSync(tokenFile)).toBe(false);
      expect(stderr()).not.toContain(CANARY);
    }
  });

  it('exits 2 with a message when the port is in use', async () => {
    const { first } = await serve();
    const port = new URL(first.url).port;
    const busy = tweestap(['serve', '--port', port], env);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toContain(`port ${port} is already in use`);
    expect(busy.stdout).toBe('');
  });
});
