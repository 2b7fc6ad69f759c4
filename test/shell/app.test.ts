/**
 * The real built main process (dist/electron/main.cjs) and preload (preload.cjs), on the Electron
 * stand-in (or the real Electron with TWEESTAP_ELECTRON=real; see ./launch.ts), with the real
 * keychain (with-keyring.sh), Chromium, X clipboard and files: what the preview host could not
 * prove. A failing spec here is a shell bug unless the stand-in misreads the Electron docs.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { AccountView, CodeView, TweestapApi } from '../../shared/api';
import { useShell } from './launch';

const shell = useShell();

const SECRET = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Shell%20Bank:anna%40example.nl?secret=${SECRET}&issuer=Shell%20Bank&period=30`;

/** The TOTP code of SECRET at `atMs`, from oathtool (an implementation we did not write). */
function oathtool(atMs: number, secret = SECRET): string {
  return execFileSync('oathtool', ['--totp', '-b', secret, '-N', `@${Math.floor(atMs / 1000)}`], { encoding: 'utf8' }).trim();
}

/** Calls window.tweestap (the real preload's bridge) in the page; throws on an error result. */
async function api<M extends keyof TweestapApi>(page: Page, method: M, ...args: unknown[]): Promise<Awaited<ReturnType<TweestapApi[M]>>> {
  const result = await page.evaluate(
    async ([name, params]) => (window as unknown as { tweestap: Record<string, (...a: unknown[]) => Promise<unknown>> }).tweestap[name]!(...params),
    [method, args] as const,
  );
  const typed = result as { ok: boolean; value?: unknown; error?: { key: string } };
  if (!typed.ok) throw new Error(`${method} failed: ${typed.error?.key}`);
  return typed.value as Awaited<ReturnType<TweestapApi[M]>>;
}

describe('start-up and the bridge through main', () => {
  test('the first window shows the app, with window.tweestap from the real preload and nothing else of Electron', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const bridge = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { keys: Object.keys((w.tweestap as object) ?? {}).sort(), require: typeof w.require, ipcRenderer: typeof w.ipcRenderer, process: typeof w.process };
    });
    expect(bridge.keys).toContain('listAccounts');
    expect(bridge.keys).toContain('onEvent');
    expect(bridge).toMatchObject({ require: 'undefined', ipcRenderer: 'undefined', process: 'undefined' });
    if (app.kind === 'stand-in') {
      const state = await app.state();
      expect(state.windows).toHaveLength(1);
      expect(state.windows[0]).toMatchObject({ visible: true, url: 'app://tweestap/index.html' });
      const privileged = state.calls.find((call) => call.method === 'registerSchemesAsPrivileged');
      expect(privileged?.args[1]).toEqual({ beforeReady: true });
    }
  });

  test("main's app:// handler serves the page with its CSP", async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('an account added through the bridge is in the keychain-backed list, and its code matches oathtool in the UI', async () => {
    const app = await shell.start();
    const page = await app.mainWindow();
    const added = await api(page, 'addFromUri', URI, 'ask');
    expect(added).toMatchObject({ status: 'added' });
    const accounts = (await api(page, 'listAccounts')) as AccountView[];
    const account = accounts.find((candidate) => candidate.issuer === 'Shell Bank');
    expect(account).toMatchObject({ account: 'anna@example.nl', secretMissing: false });
    const at = Date.now();
    const codes = (await api(page, 'codes', at)) as CodeView[];
    expect(codes.find((code) => code.accountId === account!.id)?.code).toBe(oathtool(at));
    const shown = page.locator('.account-row', { has: page.locator('.issuer', { hasText: 'Shell Bank' }) }).getByTestId('code');
    await expect.poll(async () => ((await shown.textContent()) ?? '').replace(/\s/g, ''), { timeout: 10_000 }).toBe(oathtool(Date.now()));
  });
});
