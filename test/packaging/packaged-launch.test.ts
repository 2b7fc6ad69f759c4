/**
 * Issue 10 part 4, the packaged app proven: packaged with the project's electron-builder
 * configuration (packaged-app.ts), the asar extracted with app.asar.unpacked laid over it, laid
 * out as Electron reads a packaged app (resources/app, so app.isPackaged is true), and then:
 * - the packaged dist/electron/main.cjs runs on the Electron stand-in (test/shell/stand-in) until
 *   its first window shows the app, with the packaged preload's window.tweestap;
 * - the packaged keychain worker (dist/electron/keychain-worker.cjs), forked by main as a utility
 *   process with process.parentPort, loads keytar.node from app.asar.unpacked and answers
 *   against the real keychain: an account added through the bridge is read back with its code.
 * Nothing main or the worker require resolves from this checkout: the layout is in a temporary
 * folder outside it, NODE_PATH is empty, and the worker's loaded keytar.node is checked in
 * /proc/<pid>/maps. Only the stand-in itself (and its playwright-core and tsx) come from here.
 *
 * Needs a build, a Secret Service and a display: run under test/keychain/with-keyring.sh and
 * test/e2e/with-display.sh (npm run test:packaging wraps the packaging project in both).
 * TWEESTAP_BUILDER_CONFIG=<file> packages with another configuration instead (to show that a
 * defect, e.g. excluding node_modules/<pkg>/src, fails this check).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, CodeView } from '../../shared/api';
import { useShell } from '../shell/launch';
import { ROOT, assertBuilt, extractPackagedApp, packageApp, type PackagedApp } from './packaged-app';

const shell = useShell();
let app: PackagedApp;
/** resources/app of the laid-out package: the extracted asar with app.asar.unpacked over it. */
let appDir: string;

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const URI = `otpauth://totp/Packaged%20Bank:anna%40example.nl?secret=${SECRET}&issuer=Packaged%20Bank&period=30`;

/** Why this file cannot run here, or null: it needs an X display and a Secret Service on the session bus. */
function missingEnvironment(): string | null {
  if (!process.env.DISPLAY) return 'no DISPLAY';
  try {
    const reply = execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], { encoding: 'utf8' });
    return reply.includes('boolean true') ? null : 'no Secret Service on the session bus';
  } catch {
    return 'no session bus';
  }
}

async function call(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  const result = (await page.evaluate(
    ([name, params]) => (window as unknown as { tweestap: Record<string, (...a: unknown[]) => Promise<unknown>> }).tweestap[name]!(...params),
    [method, args] as const,
  )) as { ok: boolean; value?: unknown; error?: { key: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.key}`);
  return result.value;
}

beforeAll(async () => {
  const missing = missingEnvironment();
  if (missing) throw new Error(`${missing}: run under test/keychain/with-keyring.sh and test/e2e/with-display.sh (npm run test:packaging)`);
  await assertBuilt();
  app = await packageApp({ configFile: process.env.TWEESTAP_BUILDER_CONFIG || undefined });
  appDir = await extractPackagedApp(app, path.join(app.workDir, 'layout', 'resources', 'app'));
});

afterAll(async () => {
  if (app) await rm(app.workDir, { recursive: true, force: true });
});

describe('the packaged app runs (stand-in Electron, real keychain)', () => {
  it('is laid out outside this checkout', () => {
    expect(path.relative(ROOT, appDir).startsWith('..')).toBe(true);
    expect(JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'))).toMatchObject({ main: 'dist/electron/main.cjs' });
  });

  it('main starts to its first window showing the app; the packaged keychain worker loads keytar from app.asar.unpacked and answers from the real keychain', async () => {
    const started = await shell.start({ main: path.join(appDir, 'dist/electron/main.cjs'), cwd: appDir, env: { NODE_PATH: '' } });
    const page = await started.mainWindow().catch((error: unknown) => {
      // Main's stack frames are shown, not parsed: vitest would look for the packaged bundle's
      // source map (left out of the package on purpose) and hide this message behind its own error.
      const output = started.output().replace(/^(\s*)at /gm, '$1· ');
      throw new Error(`the packaged main did not show the app: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\nmain's output:\n${output}`);
    });
    await page.locator('.app-header').waitFor({ timeout: 30_000 });
    const state = await started.state();
    expect(state.windows[0]).toMatchObject({ visible: true, url: 'app://tweestap/index.html' });
    expect(state.windows[0]!.options).toMatchObject({ webPreferences: { preload: path.join(appDir, 'dist/electron/preload.cjs') } });

    expect(await call(page, 'addFromUri', URI, 'ask')).toMatchObject({ status: 'added' });
    const accounts = (await call(page, 'listAccounts')) as AccountView[];
    const account = accounts.find((candidate) => candidate.issuer === 'Packaged Bank');
    expect(account).toMatchObject({ account: 'anna@example.nl', secretMissing: false });
    const at = Date.now();
    const codes = (await call(page, 'codes', at)) as CodeView[];
    const oathtool = execFileSync('oathtool', ['--totp', '-b', SECRET, '-N', `@${Math.floor(at / 1000)}`], { encoding: 'utf8' }).trim();
    expect(codes.find((code) => code.accountId === account!.id)?.code).toBe(oathtool);

    const worker = (await started.state()).utilityProcesses.find((child) => child.serviceName === 'Tweestap keychain');
    expect(worker?.modulePath).toBe(path.join(appDir, 'dist/electron/keychain-worker.cjs'));
    const maps = readFileSync(`/proc/${worker!.pid}/maps`, 'utf8');
    expect(maps).toContain(path.join(appDir, 'node_modules/keytar/build/Release/keytar.node'));
    expect(maps).not.toContain(path.join(ROOT, 'node_modules'));
    // The secret is in the keychain, not in the package's or the data folder's files.
    expect(readFileSync(path.join(shell.home, 'vault.json'), 'utf8')).not.toContain(SECRET);
  });
});
