/**
 * The IPC boundary under fire (fast-check): random arguments to every method of API_METHODS
 * through createApiService(...).dispatch, over a real vault in a temporary folder and a real
 * settings file. Anything goes: wrong arity, deep objects, huge strings, prototype-pollution keys,
 * NaN/Infinity/-0, Maps, typed arrays, and valid calls with one part broken. Every call must
 * resolve to a valid result or an `{ ok: false }` input/not-found error: never a throw, never an
 * internal error, never a polluted prototype, and the vault must still load afterwards. Plus: a
 * message from any frame but our window's main frame is refused for every method (ipc.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, IpcMain } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIpcHandlers, isTrustedSender, type FrameIdentity } from '../../electron/ipc';
import { APP_ORIGIN } from '../../electron/security';
import { AccountService } from '../../node/accounts';
import { createApiService, type ApiService, type HostPort } from '../../node/api-service';
import { ClipboardGuard } from '../../node/clipboard-guard';
import { SettingsService } from '../../node/settings';
import { Vault } from '../../node/vault';
import { memoryClipboard } from '../../preview/system-clipboard';
import { API_CHANNEL_PREFIX, API_METHODS, LINKS, type ApiMethod, type ApiResult } from '../../shared/api';
import { MapSecretStore } from '../fixtures/map-secret-store';
import { FUZZ_RUNS } from './fuzz-budget';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const clock = { now: () => NOW };
const SEED_URIS = [
  'otpauth://totp/Nse-Portal:jan%40nse.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Nse-Portal&period=20',
  'otpauth://hotp/Bank:piet?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=5',
];

let dir: string;
let service: ApiService;
let logs: string[];
const opened: string[] = [];

const hostDouble: HostPort = {
  previewHost: true,
  version: '0.0.0-test',
  platform: 'linux',
  osLocale: () => 'nl-NL',
  openExternal: async (url) => void opened.push(url),
  beginScreenCapture: async () => undefined,
  endScreenCapture: async () => undefined,
  beginCameraScan: async () => undefined,
  endCameraScan: async () => undefined,
  // A cancelled save dialog: nothing is written.
  chooseBackupPath: async () => null,
  confirmLockOn: async () => false,
  applySettings: async () => undefined,
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-ipc-fuzz-'));
  logs = [];
  service = createApiService({
    openAccounts: async () => new AccountService({ vault: new Vault(dir), secrets: new MapSecretStore(), clock }),
    settings: await SettingsService.open(dir, (message) => logs.push(message)),
    clipboard: new ClipboardGuard(memoryClipboard(), clock),
    host: hostDouble,
    dataDir: dir,
    clock,
    log: (message) => void logs.push(message),
  });
  for (const uri of SEED_URIS) expect((await service.dispatch('addFromUri', [uri, 'keep-both'])).ok).toBe(true);
});
afterAll(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Nested `depth` levels deep, built without recursion. */
function deep(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { issuer: value, account: value };
  return value;
}

const HOSTILE: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  2 ** 53,
  -1,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  10n ** 30n,
  '',
  '\u0000',
  '\uD800',
  'A'.repeat(1 << 20),
  `otpauth://totp/x?secret=${'A'.repeat(200_000)}`,
  'otpauth://totp/%2?secret=s',
  'otpauth-migration://offline?data=' + 'A'.repeat(100_000),
  '__proto__',
  'constructor',
  'prototype',
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"issuer":"x","account":"y","__proto__":{"polluted":"yes"}}'),
  Object.create(null),
  deep(10_000, true),
  deep(10_000, false),
  new Map([['issuer', 'x']]),
  new Uint8Array(1 << 16),
  new Date(NaN),
  Array.from({ length: 100_000 }, (_, i) => `id${i}`),
  { length: 2 ** 32 - 1 },
  new Array(3), // sparse: three holes
];

const anything = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'theme')), withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true, withSparseArray: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/** A valid call of each method, given the accounts that exist now. */
function validArgs(method: ApiMethod, ids: string[]): unknown[] {
  const id = ids[0] ?? 'none';
  switch (method) {
    case 'codes':
      return [NOW];
    case 'nextHotpCode':
    case 'removeAccount':
      return [ids[ids.length - 1] ?? id];
    case 'addFromUri':
      return [SEED_URIS[0], 'keep-both'];
    case 'addManual':
      return [{ issuer: 'Manual', account: 'm', secret: 'jbsw y3dp ehpk 3pxp', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }, 'keep-both'];
    case 'renameAccount':
      return [id, { issuer: 'Renamed', account: 'r' }];
    case 'reorderAccounts':
      return [[...ids].reverse()];
    case 'copyCode':
      return [id, NOW];
    case 'updateSettings':
      return [{ theme: 'dark' }];
    case 'openLink':
      return ['nsePortal'];
    case 'createBackup':
      return ['correct horse battery staple'];
    case 'importFromFile':
      return [Buffer.from(`${SEED_URIS[1]}\n`).toString('base64'), null, 'keep-both'];
    default:
      return [];
  }
}

/** How to break a valid call: replace, add or drop one argument, or add a key to an object argument. */
type Breakage = { kind: 'replace' | 'insert'; at: number; value: unknown } | { kind: 'drop'; at: number } | { kind: 'extra-key'; at: number; key: string; value: unknown } | { kind: 'none' };

const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(3), value: anything }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(3), value: anything }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(3) }),
  fc.record({ kind: fc.constant('extra-key' as const), at: fc.nat(3), key: fc.constantFrom('__proto__', 'constructor', 'extra', 'secret'), value: anything }),
  fc.constant({ kind: 'none' as const }),
);

function broken(args: unknown[], change: Breakage): unknown[] {
  const copy = [...args];
  const at = 'at' in change ? change.at % (copy.length + 1) : 0;
  switch (change.kind) {
    case 'replace':
      copy[at] = change.value;
      return copy;
    case 'insert':
      copy.splice(at, 0, change.value);
      return copy;
    case 'drop':
      copy.splice(at, 1);
      return copy;
    case 'extra-key': {
      const target = copy[at];
      if (target && typeof target === 'object') Object.defineProperty(target, change.key, { value: change.value, enumerable: true, configurable: true });
      return copy;
    }
    default:
      return copy;
  }
}

/** Raw arguments as a hostile renderer could send them: not even an array, any array, or a valid call broken. */
const rawArgs = (method: ApiMethod) =>
  fc.oneof(
    anything,
    fc.array(anything, { maxLength: 6 }),
    breakage.map((change) => ({ method, change })),
  );

/** The outcomes the property allows: a value, or an expected error. */
function checkOutcome(result: ApiResult<unknown>): void {
  if (result.ok) return;
  expect(['input', 'not-found']).toContain(result.error.kind);
  expect(typeof result.error.key).toBe('string');
}

async function currentIds(): Promise<string[]> {
  const result = await service.dispatch('listAccounts', []);
  return result.ok ? (result.value as Array<{ id: string }>).map((a) => a.id) : [];
}

describe('every API method under random arguments', () => {
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  beforeAll(() => {
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
  });
  afterAll(() => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  });

  it.each(API_METHODS.map((m) => [m]))('%s: only valid results or input errors, never a throw', async (method) => {
    let okCount = 0;
    await fc.assert(
      fc.asyncProperty(rawArgs(method), async (generated) => {
        const args = generated && typeof generated === 'object' && 'change' in generated && 'method' in generated ? broken(validArgs(method, await currentIds()), generated.change as Breakage) : generated;
        const result = await service.dispatch(method, args);
        checkOutcome(result);
        if (result.ok) okCount += 1;
      }),
      { numRuns: FUZZ_RUNS.ipcPerMethod },
    );
    expect(uncaught).toEqual([]);
    expect(logs.filter((line) => /failed/.test(line))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The vault still loads, and the only links ever opened are the allow-listed ones.
    await new Vault(dir).read();
    expect(opened.every((url) => (Object.values(LINKS) as string[]).includes(url))).toBe(true);
    console.log(`ipc fuzz ${method}: ${FUZZ_RUNS.ipcPerMethod} calls, ${okCount} valid results`);
  });

  it('an unknown method name is an input error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'api', 'dispatch')), anything, async (name, args) => {
        fc.pre(!(API_METHODS as readonly string[]).includes(name));
        const result = await service.dispatch(name, args);
        expect(result).toMatchObject({ ok: false, error: { kind: 'input', key: 'main.input.unknownMethod' } });
      }),
      { numRuns: FUZZ_RUNS.ipcPerMethod },
    );
  });
});

describe('messages from any frame but our main frame', () => {
  const mainFrame: FrameIdentity = { url: `${APP_ORIGIN}/index.html`, processId: 7, routingId: 1 };

  /** Registers the real handlers on a recording stand-in for ipcMain; counts dispatches that got through. */
  function handlers(): { handle: Map<string, (event: unknown, ...args: unknown[]) => unknown>; dispatched: string[] } {
    const handle = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const dispatched: string[] = [];
    const ipcMain = { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handle.set(channel, fn), removeHandler: () => undefined } as unknown as IpcMain;
    const window = { webContents: { mainFrame } } as unknown as BrowserWindow;
    const countingService = { ...service, dispatch: async (method: string) => (dispatched.push(method), { ok: true, value: null }) } as ApiService;
    registerIpcHandlers(ipcMain, { service: countingService, window: () => window, trustedOrigin: APP_ORIGIN, log: () => undefined });
    return { handle, dispatched };
  }

  const otherFrame = fc.oneof(
    fc.record({ url: fc.constant(mainFrame.url), processId: fc.constant(mainFrame.processId), routingId: fc.integer().filter((id) => id !== mainFrame.routingId) }),
    fc.record({ url: fc.constant(mainFrame.url), processId: fc.integer().filter((id) => id !== mainFrame.processId), routingId: fc.constant(mainFrame.routingId) }),
    fc.record({ url: fc.oneof(fc.webUrl(), fc.constantFrom('data:text/html,x', 'file:///etc/passwd', 'app://tweestap.evil/', 'about:blank', 'app://other/index.html')), processId: fc.constant(mainFrame.processId), routingId: fc.constant(mainFrame.routingId) }),
    fc.constant(null),
  );

  it('refuses every method and never dispatches', async () => {
    const { handle, dispatched } = handlers();
    expect([...handle.keys()]).toEqual(API_METHODS.map((m) => API_CHANNEL_PREFIX + m));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), otherFrame, fc.array(anything, { maxLength: 3 }), async (method, senderFrame, args) => {
        expect(isTrustedSender(senderFrame, mainFrame, APP_ORIGIN)).toBe(false);
        const result = (await handle.get(API_CHANNEL_PREFIX + method)!({ senderFrame }, ...args)) as ApiResult<unknown>;
        expect(result).toMatchObject({ ok: false, error: { kind: 'input', key: 'main.ipc.untrustedSender' } });
      }),
      { numRuns: FUZZ_RUNS.ipcPerMethod },
    );
    expect(dispatched).toEqual([]);
    // Our own main frame does get through.
    await handle.get(`${API_CHANNEL_PREFIX}listAccounts`)!({ senderFrame: { ...mainFrame } });
    expect(dispatched).toEqual(['listAccounts']);
  });
});
