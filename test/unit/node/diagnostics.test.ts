/**
 * The API's helpdesk and clipboard additions (issue 14): copyDiagnostics names the version, OS,
 * keychain state, clock offset, account count and last error key and never a label, a secret or
 * the data folder; pasteFromClipboard hands over an image or an otpauth link and nothing else;
 * checkClock goes through the injected check and refuses non-https addresses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, ClipboardPaste } from '../../../shared/api';
import { TweestapError } from '../../../shared/errors';
import type { Clipboard } from '../../../shared/ports';
import { AccountService } from '../../../node/accounts';
import { createApiService, type AccountsPort, type ApiService, type HostPort } from '../../../node/api-service';
import { ClipboardGuard } from '../../../node/clipboard-guard';
import { SettingsService } from '../../../node/settings';
import { Vault } from '../../../node/vault';
import { MapSecretStore } from '../../fixtures/map-secret-store';

const clock = { now: () => Date.UTC(2026, 0, 5, 9, 0, 0) };
const SECRET = 'CANARYSECRETQQQQRRRRSSSSTTTTUUUU';
const LABEL = 'Geheime-School';
const ACCOUNT = 'marijke.de.vries@example.nl';
const URI = `otpauth://totp/${LABEL}:${encodeURIComponent(ACCOUNT)}?secret=${SECRET}&issuer=${LABEL}&period=20`;

let dir: string;
let board: { text: string; png: Uint8Array | null };
let clockChecks: string[];

/** Only what these methods use; the rest of the host is never called here. */
const host = { previewHost: true, version: '9.9.9', platform: 'linux', osLocale: () => 'nl-NL', applySettings: async () => undefined } as unknown as HostPort;

async function service(openAccounts?: () => Promise<AccountsPort>): Promise<ApiService> {
  const clipboard: Clipboard = {
    readText: () => board.text,
    writeText: (text) => void (board.text = text),
    readImagePng: () => board.png,
  };
  return createApiService({
    openAccounts: openAccounts ?? (async () => new AccountService({ vault: new Vault(dir), secrets: new MapSecretStore(), clock })),
    settings: await SettingsService.open(dir, () => undefined),
    clipboard: new ClipboardGuard(clipboard, clock),
    host,
    dataDir: dir,
    clock,
    log: () => undefined,
    osRelease: () => '6.1.0-test x64',
    checkClock: async (url) => {
      clockChecks.push(url);
      return { url, offsetMs: 42_000, samples: 4 };
    },
  });
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-diagnostics-'));
  board = { text: '', png: null };
  clockChecks = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('copyDiagnostics', () => {
  it('copies version, OS, keychain, clock offset, account count and the last error key, and no label, secret or folder', async () => {
    const api = await service();
    value(await api.dispatch('addFromUri', [URI, 'ask']));
    value(await api.dispatch('updateSettings', [{ clockOffsetSeconds: -7 }]));
    const failed = await api.dispatch('copyCode', ['no-such-account', clock.now()]);
    expect(failed).toMatchObject({ ok: false, error: { key: 'main.copy.noCode' } });
    const { text } = value<{ text: string }>(await api.dispatch('copyDiagnostics', []));
    expect(text.split('\n')).toEqual([
      'Tweestap 9.9.9',
      'OS: linux 6.1.0-test x64',
      'Keychain: Secret Service (libsecret: GNOME Keyring or KWallet)',
      'Keychain state: ok',
      'Clock offset: -7 s',
      'Accounts: 1',
      'Last error: main.copy.noCode',
    ]);
    expect(board.text).toBe(text);
    for (const leak of [SECRET, LABEL, ACCOUNT, 'marijke', dir, path.basename(dir)]) expect(text).not.toContain(leak);
  });

  it('names the keychain problem by its key when the accounts cannot be opened', async () => {
    const api = await service(async () => {
      throw new TweestapError('keychain', 'vault.keychainLocked.linux', { reason: 'Cannot create an item in a locked collection' });
    });
    const { text } = value<{ text: string }>(await api.dispatch('copyDiagnostics', []));
    expect(text).toContain('Keychain state: vault.keychainLocked.linux');
    expect(text).toContain('Accounts: unknown');
    expect(text).not.toContain('locked collection');
  });
});

describe('pasteFromClipboard', () => {
  it('hands over an image as PNG Base64, before any text', async () => {
    board = { text: URI, png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]) };
    expect(value<ClipboardPaste>(await (await service()).dispatch('pasteFromClipboard', []))).toEqual({ kind: 'image', data: 'iVBORw==' });
  });

  it('hands over an otpauth link', async () => {
    board.text = `  ${URI}\n`;
    expect(value<ClipboardPaste>(await (await service()).dispatch('pasteFromClipboard', []))).toEqual({ kind: 'link', uri: URI });
  });

  it.each(['correct horse battery staple', 'https://nse-portal.crowdtech.com/', ''])('never hands over other text (%j)', async (text) => {
    board.text = text;
    expect(value<ClipboardPaste>(await (await service()).dispatch('pasteFromClipboard', []))).toEqual({ kind: 'empty' });
  });
});

describe('checkClock', () => {
  it('goes through the clock check with the confirmed address', async () => {
    const result = value(await (await service()).dispatch('checkClock', ['https://nse-portal.crowdtech.com/']));
    expect(result).toEqual({ url: 'https://nse-portal.crowdtech.com/', offsetMs: 42_000, samples: 4 });
    expect(clockChecks).toEqual(['https://nse-portal.crowdtech.com/']);
  });

  it('the default check refuses http:// in the app, asking nothing', async () => {
    const api = createApiService({
      openAccounts: async () => new AccountService({ vault: new Vault(dir), secrets: new MapSecretStore(), clock }),
      settings: await SettingsService.open(dir, () => undefined),
      clipboard: new ClipboardGuard({ readText: () => '', writeText: () => undefined }, clock),
      host,
      dataDir: dir,
      clock,
    });
    expect(await api.dispatch('checkClock', ['http://127.0.0.1:9/'])).toMatchObject({ ok: false, error: { kind: 'input', key: 'clock.httpsOnly' } });
  });
});
