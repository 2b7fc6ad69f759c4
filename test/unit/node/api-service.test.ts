import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LINKS, type AccountView, type AppInfo, type ApiEvent, type ApiResult, type BackupSaveResult, type CodeView, type ImportFileResult, type Settings, type VaultRecovery } from '../../../shared/api';
import { TweestapError } from '../../../shared/errors';
import { encodeMigrationUris } from '../../../shared/otp/migration';
import type { Clipboard } from '../../../shared/ports';
import { MapSecretStore } from '../../fixtures/map-secret-store';
import { AccountService } from '../../../node/accounts';
import { AppLock } from '../../../node/app-lock';
import { createApiService, type AccountsPort, type ApiService, type HostPort } from '../../../node/api-service';
import { ClipboardGuard } from '../../../node/clipboard-guard';
import { SettingsService } from '../../../node/settings';
import { Vault } from '../../../node/vault';
import { memoryClipboard } from '../../../preview/system-clipboard';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const clock = { now: () => NOW };
const PORTAL_URI = 'otpauth://totp/Nse-Portal:jan%40nse.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Nse-Portal&period=20';

let dir: string;
let clipboard: Clipboard;
let events: ApiEvent[];
let logs: string[];
let hostCalls: string[];
let refuseSettings: TweestapError | null;
let accountsOpened: number;
let service: ApiService;
/** Where the host's save dialog "chooses" to save a backup; null = the user cancelled. */
let backupTarget: string | null;
/** The user's answer to the host's question before the app lock is turned on. */
let lockOnAnswer: boolean;

const host: HostPort = {
  previewHost: true,
  version: '9.9.9',
  platform: 'linux',
  osLocale: () => 'nl-NL',
  openExternal: async (url) => void hostCalls.push(`open ${url}`),
  beginScreenCapture: async () => void hostCalls.push('begin'),
  endScreenCapture: async () => void hostCalls.push('end'),
  beginCameraScan: async () => void hostCalls.push('camera'),
  endCameraScan: async () => void hostCalls.push('camera end'),
  chooseBackupPath: async (suggestedName) => {
    hostCalls.push(`save ${suggestedName}`);
    return backupTarget;
  },
  confirmLockOn: async () => {
    hostCalls.push('confirm lock on');
    return lockOnAnswer;
  },
  applySettings: async (next: Settings) => {
    if (refuseSettings) throw refuseSettings;
    hostCalls.push(`apply ${next.theme}`);
  },
};

async function createService(openAccounts?: () => Promise<AccountsPort>): Promise<ApiService> {
  const created = createApiService({
    openAccounts:
      openAccounts ??
      (async () => {
        accountsOpened += 1;
        return new AccountService({ vault: new Vault(dir), secrets: new MapSecretStore(), clock });
      }),
    settings: await SettingsService.open(dir, (message) => logs.push(message)),
    clipboard: new ClipboardGuard(clipboard, clock),
    host,
    dataDir: dir,
    clock,
    log: (message) => logs.push(message),
  });
  created.onEvent((event) => events.push(event));
  return created;
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-api-'));
  clipboard = memoryClipboard();
  events = [];
  logs = [];
  hostCalls = [];
  refuseSettings = null;
  accountsOpened = 0;
  backupTarget = path.join(dir, 'chosen.tweestap');
  lockOnAnswer = true;
  service = await createService();
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('refuses bad arguments before any service is touched', async () => {
    const result = await service.dispatch('addFromUri', [42, 'ask']);
    expect(result).toEqual({ ok: false, error: { kind: 'input', key: 'main.input.invalid', params: { method: 'addFromUri', field: 'uri' } } });
    expect(accountsOpened).toBe(0);
    expect(existsSync(path.join(dir, 'vault.json'))).toBe(false);
  });

  it('refuses unknown and inherited method names', async () => {
    for (const method of ['secretOf', 'constructor', '__proto__', 'exportAccounts']) {
      expect(await service.dispatch(method, [])).toMatchObject({ ok: false, error: { kind: 'input', key: 'main.input.unknownMethod' } });
    }
    expect(accountsOpened).toBe(0);
  });

  it('adds from a link, lists it, and tells listeners the accounts changed', async () => {
    const added = value<{ status: string }>(await service.dispatch('addFromUri', [PORTAL_URI, 'ask']));
    expect(added.status).toBe('added');
    const accounts = value<Array<{ issuer: string; account: string; period: number }>>(await service.dispatch('listAccounts', []));
    expect(accounts).toMatchObject([{ issuer: 'Nse-Portal', account: 'jan@nse.nl', period: 20 }]);
    expect(events).toEqual([{ type: 'accounts-changed' }]);
  });

  // Main and the tray call the typed API directly: the change must announce itself there too.
  it('announces a change made by a typed call, without dispatch', async () => {
    const added = await service.api.addFromUri(PORTAL_URI, 'ask');
    expect(added.status).toBe('added');
    expect(events).toEqual([{ type: 'accounts-changed' }]);
    await service.api.listAccounts();
    expect(events).toHaveLength(1);
  });

  it('does not announce a change when adding stopped at a duplicate', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    events = [];
    expect(value<{ status: string }>(await service.dispatch('addFromUri', [PORTAL_URI, 'ask'])).status).toBe('duplicate');
    expect(events).toEqual([]);
  });

  it("returns the service's own errors as data with their key", async () => {
    const result = await service.dispatch('removeAccount', ['no-such-id']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found', key: 'vault.accountNotFound' } });
  });

  it('turns any other exception into a generic error and logs it without arguments or message', async () => {
    const canary = 'JBSWY3DPEHPK3PXPCANARY';
    // Only the two members this call reaches: a library failing with the input in its message.
    const broken = await createService(async () => ({
      watch: () => () => undefined,
      addFromUri: async (uri: string) => {
        throw new TypeError(`cannot parse ${uri}`);
      },
    }) as unknown as AccountsPort);
    const result = await broken.dispatch('addFromUri', [`otpauth://totp/X?secret=${canary}`, 'ask']);
    expect(result).toEqual({ ok: false, error: { kind: 'internal', key: 'main.internal', params: {} } });
    expect(logs.join('\n')).toContain('addFromUri failed: TypeError');
    expect(logs.join('\n')).not.toContain(canary);
  });
});

describe('codes and copying', () => {
  it("applies the tester's clock offset to every code", async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    const later = value<CodeView[]>(await service.dispatch('codes', [NOW + 40_000]));
    await service.dispatch('updateSettings', [{ clockOffsetSeconds: 40 }]);
    const shifted = value<CodeView[]>(await service.dispatch('codes', [NOW]));
    expect(shifted[0]?.code).toBe(later[0]?.code);
    expect(shifted[0]?.validFrom).toBe(later[0]?.validFrom);
  });

  it('copies the current code to the clipboard and says when it will be cleared', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    const [view] = value<CodeView[]>(await service.dispatch('codes', [NOW]));
    const copied = value<{ code: string; clearsAt: number }>(await service.dispatch('copyCode', [view!.accountId, NOW]));
    expect(copied).toEqual({ code: view!.code, clearsAt: NOW + 30_000 });
    expect(await clipboard.readText()).toBe(view!.code);
  });

  it('copies the last HOTP code shown without advancing the counter again', async () => {
    await service.dispatch('addFromUri', ['otpauth://hotp/Lab:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0', 'ask']);
    const [account] = value<Array<{ id: string }>>(await service.dispatch('listAccounts', []));
    expect(await service.dispatch('copyCode', [account!.id, NOW])).toMatchObject({ ok: false, error: { key: 'main.copy.noCode' } });
    const slot = value<{ code: string }>(await service.dispatch('nextHotpCode', [account!.id]));
    expect(slot.code).toBe('755224'); // RFC 4226, counter 0
    expect(value<{ code: string }>(await service.dispatch('copyCode', [account!.id, NOW])).code).toBe('755224');
    expect(value<Array<{ counter: number }>>(await service.dispatch('listAccounts', []))[0]?.counter).toBe(1);
  });
});

describe('settings and shell', () => {
  it('saves settings after the shell applied them and announces them', async () => {
    const saved = value<Settings>(await service.dispatch('updateSettings', [{ theme: 'dark' }]));
    expect(saved.theme).toBe('dark');
    expect(hostCalls).toEqual(['apply dark']);
    expect(events).toEqual([{ type: 'settings-changed', settings: saved }]);
    expect(value<Settings>(await service.dispatch('getSettings', [])).theme).toBe('dark');
  });

  it('keeps the settings when the shell refuses them', async () => {
    refuseSettings = new TweestapError('input', 'main.shortcut.unavailable', { shortcut: 'Alt+Tab' });
    const result = await service.dispatch('updateSettings', [{ globalShortcut: 'Alt+Tab' }]);
    expect(result).toMatchObject({ ok: false, error: { key: 'main.shortcut.unavailable', params: { shortcut: 'Alt+Tab' } } });
    expect(value<Settings>(await service.dispatch('getSettings', [])).globalShortcut).toBeNull();
    expect(events).toEqual([]);
  });

  it('opens only allow-listed links, by name', async () => {
    await service.dispatch('openLink', ['nsePortal']);
    expect(await service.dispatch('openLink', ['https://evil.example/'])).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(hostCalls).toEqual([`open ${LINKS.nsePortal}`]);
  });

  it('reports a keychain problem in appInfo instead of failing', async () => {
    const locked = await createService(async () => {
      throw new TweestapError('keychain', 'vault.keychainModuleMissing', { reason: 'test' });
    });
    expect(value(await locked.dispatch('appInfo', []))).toEqual({
      version: '9.9.9',
      platform: 'linux',
      osLocale: 'nl-NL',
      waylandSession: false,
      contentProtection: false,
      previewHost: true,
      keychainProblem: { key: 'vault.keychainModuleMissing', params: { reason: 'test' } },
      dataDir: dir,
    });
    expect(value(await service.dispatch('appInfo', []))).toMatchObject({ keychainProblem: null });
  });
});

describe('backup and import', () => {
  const PASSWORD = 'correct horse battery';
  const PORTAL_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('makes an encrypted backup named after the day, and the reminder goes until an account is added', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    expect(value(await service.dispatch('backupStatus', []))).toEqual({ lastBackupAt: null, reminder: true, unsavedAccounts: 1, totalAccounts: 1 });
    const backup = value<BackupSaveResult>(await service.dispatch('createBackup', [PASSWORD]));
    expect(hostCalls).toContain('save tweestap-backup-2026-11-25.tweestap');
    expect(backup).toEqual({ status: 'saved', fileName: 'chosen.tweestap' });
    const bytes = readFileSync(backupTarget!);
    expect(bytes.toString('latin1')).toMatch(/^\{"format":"tweestap-backup"/);
    expect(bytes.toString('latin1')).not.toContain(PORTAL_SECRET);
    expect(value(await service.dispatch('backupStatus', []))).toEqual({ lastBackupAt: NOW, reminder: false, unsavedAccounts: 0, totalAccounts: 1 });
    await service.dispatch('addFromUri', [PORTAL_URI.replace('jan', 'piet'), 'ask']);
    expect(value(await service.dispatch('backupStatus', []))).toEqual({ lastBackupAt: NOW, reminder: true, unsavedAccounts: 1, totalAccounts: 2 });
  });

  it('shows the reminder again for an account replaced after the backup', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    await service.dispatch('createBackup', [PASSWORD]);
    await service.dispatch('addFromUri', [PORTAL_URI.replace(PORTAL_SECRET, 'JBSWY3DPEHPK3PXP'), 'replace']);
    expect(value<{ reminder: boolean }>(await service.dispatch('backupStatus', [])).reminder).toBe(true);
  });

  it('hides the reminder once dismissed', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    expect(value(await service.dispatch('dismissBackupReminder', []))).toBeUndefined();
    expect(value(await service.dispatch('backupStatus', []))).toEqual({ lastBackupAt: null, reminder: false, unsavedAccounts: 1, totalAccounts: 1 });
  });

  it('restores a backup: asks for the password, changes nothing on a wrong one, asks about duplicates', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    await service.dispatch('createBackup', [PASSWORD]);
    const data = readFileSync(backupTarget!).toString('base64');
    const [account] = value<AccountView[]>(await service.dispatch('listAccounts', []));
    await service.dispatch('removeAccount', [account!.id]);
    events = [];

    expect(value(await service.dispatch('importFromFile', [data, null, 'ask']))).toEqual({ status: 'password-required' });
    expect(await service.dispatch('importFromFile', [data, 'wrong password', 'ask'])).toMatchObject({ ok: false, error: { key: 'backup.wrongPassword' } });
    expect(value(await service.dispatch('listAccounts', []))).toEqual([]);
    expect(events).toEqual([]);

    const restored = value<ImportFileResult>(await service.dispatch('importFromFile', [data, PASSWORD, 'ask']));
    expect(restored).toMatchObject({ status: 'imported', accounts: [{ issuer: 'Nse-Portal', account: 'jan@nse.nl', period: 20 }], skipped: [] });
    expect(events).toEqual([{ type: 'accounts-changed' }]);
    expect(value(await service.dispatch('importFromFile', [data, PASSWORD, 'ask']))).toMatchObject({ status: 'duplicate', issuer: 'Nse-Portal' });
    expect(value<AccountView[]>(await service.dispatch('listAccounts', []))).toHaveLength(1);
  }, 30_000); // Several real scrypt runs at the backup's cost: slow on a loaded 2-core machine.

  it('imports a list of links and reports the skipped lines by place, without their text', async () => {
    const list = `${PORTAL_URI}\nhttps://example.com/not-a-code\n`;
    const result = value<ImportFileResult>(await service.dispatch('importFromFile', [Buffer.from(list).toString('base64'), null, 'ask']));
    expect(result).toMatchObject({ status: 'imported', accounts: [{ issuer: 'Nse-Portal' }] });
    expect(result.status === 'imported' && result.skipped).toEqual([{ position: 2, label: '', reason: { key: 'import.lineNotOtpauth', params: {} } }]);
  });

  it('refuses a file it does not recognise, adding nothing', async () => {
    const result = await service.dispatch('importFromFile', [Buffer.from('hello').toString('base64'), null, 'ask']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'input', key: 'import.unknownFormat' } });
    expect(value(await service.dispatch('listAccounts', []))).toEqual([]);
  });
});

describe('recovering a damaged vault', () => {
  const secrets = new MapSecretStore();
  const keptAs = () => path.join(dir, 'vault.json.corrupt-2026-11-25T10-00-00-000Z');
  const link = (name: string) => `otpauth://totp/Nse-Portal:${name}%40nse.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Nse-Portal`;

  beforeEach(async () => {
    secrets.entries.clear();
    service.close();
    service = await createService(async () => new AccountService({ vault: new Vault(dir), secrets, clock }));
  });

  it('keeps the damaged file, restores the previous copy, leaves the keychain alone and announces the change', async () => {
    await service.dispatch('addFromUri', [link('jan'), 'ask']);
    await service.dispatch('addFromUri', [link('piet'), 'ask']); // vault.json.bak now holds jan only
    const damaged = '{"format": "tweestap-vault", "version": 1, "accounts": [ {';
    writeFileSync(path.join(dir, 'vault.json'), damaged);
    expect(value<AppInfo>(await service.dispatch('appInfo', [])).keychainProblem).toMatchObject({ key: 'vault.corrupt', params: { file: path.join(dir, 'vault.json') } });
    events = [];

    const recovery = value<VaultRecovery>(await service.dispatch('recoverVault', []));

    expect(recovery).toEqual({ movedTo: keptAs(), restored: 'previous-copy', accounts: 1 });
    expect(readFileSync(keptAs(), 'utf8')).toBe(damaged);
    expect(events).toEqual([{ type: 'accounts-changed' }]);
    expect(value<AppInfo>(await service.dispatch('appInfo', [])).keychainProblem).toBeNull();
    expect(value<AccountView[]>(await service.dispatch('listAccounts', []))).toMatchObject([{ account: 'jan@nse.nl', secretMissing: false }]);
    expect(secrets.entries.size).toBe(2); // piet's secret stays in the keychain for a backup to bring back
  });

  it('starts with an empty list when there is no previous copy', async () => {
    writeFileSync(path.join(dir, 'vault.json'), '');
    expect(value<VaultRecovery>(await service.dispatch('recoverVault', []))).toEqual({ movedTo: keptAs(), restored: 'empty', accounts: 0 });
    expect(value(await service.dispatch('listAccounts', []))).toEqual([]);
    expect(existsSync(path.join(dir, 'vault.json'))).toBe(false);
  });

  it('refuses a newer vault and a sound one as typed errors, moving nothing and announcing nothing', async () => {
    await service.dispatch('addFromUri', [link('jan'), 'ask']);
    events = [];
    expect(await service.dispatch('recoverVault', [])).toMatchObject({ ok: false, error: { kind: 'input', key: 'vault.notDamaged' } });
    writeFileSync(path.join(dir, 'vault.json'), JSON.stringify({ format: 'tweestap-vault', version: 7, accounts: [] }));
    expect(await service.dispatch('recoverVault', [])).toMatchObject({ ok: false, error: { kind: 'vault', key: 'vault.newerVersion', params: { version: 7 } } });
    expect(readdirSync(dir).some((name) => name.includes('.corrupt-'))).toBe(false);
    expect(events).toEqual([]);
  });
});

// Issue 12.2: a compromised window asked for the backup's bytes, next year's codes and absurd settings.
describe('what a compromised window can no longer get', () => {
  const PASSWORD = 'attacker-chosen password';

  it('createBackup gives the window only the file name; main writes the file, 0600', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    const result = await service.dispatch('createBackup', [PASSWORD]);
    const written = readFileSync(backupTarget!);
    expect(result).toEqual({ ok: true, value: { status: 'saved', fileName: 'chosen.tweestap' } });
    expect(JSON.stringify(result)).not.toContain(written.toString('base64').slice(0, 40));
    if (process.platform !== 'win32') expect(statSync(backupTarget!).mode & 0o777).toBe(0o600);
  });

  it('a cancelled save writes nothing and records no backup', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    backupTarget = null;
    expect(value(await service.dispatch('createBackup', [PASSWORD]))).toEqual({ status: 'cancelled' });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tweestap'))).toEqual([]);
    expect(value(await service.dispatch('backupStatus', []))).toMatchObject({ lastBackupAt: null, reminder: true });
  });

  it('gives codes only near main’s clock (a step or two either way), with a typed error otherwise', async () => {
    await service.dispatch('addFromUri', [PORTAL_URI, 'ask']);
    const [view] = value<CodeView[]>(await service.dispatch('codes', [NOW]));
    const refused = { ok: false, error: { kind: 'input', key: 'main.codes.timeOutOfRange', params: { seconds: 60 } } };
    for (const at of [NOW + 365 * 86_400_000, NOW + 60_001, NOW - 60_001, 0]) {
      expect(await service.dispatch('codes', [at])).toEqual(refused);
      expect(await service.dispatch('copyCode', [view!.accountId, at])).toEqual(refused);
    }
    expect(await clipboard.readText()).not.toBe(view!.code);
    for (const at of [NOW - 60_000, NOW + 60_000]) expect(await service.dispatch('codes', [at])).toMatchObject({ ok: true });
  });

  it('bounds the clock offset to a day and the clipboard clearing to 0 (never) or 5 s and more; a refusal changes nothing', async () => {
    const before = value<Settings>(await service.dispatch('getSettings', []));
    for (const patch of [{ clockOffsetSeconds: 100 * 365 * 86_400 }, { clockOffsetSeconds: 86_401 }, { clockOffsetSeconds: -86_401 }, { clipboardClearSeconds: 1 }, { clipboardClearSeconds: 4 }, { clipboardClearSeconds: 601 }]) {
      expect(await service.dispatch('updateSettings', [patch])).toMatchObject({ ok: false, error: { kind: 'input', key: 'main.input.invalid' } });
    }
    expect(value(await service.dispatch('getSettings', []))).toEqual(before);
    for (const patch of [{ clockOffsetSeconds: 86_400 }, { clockOffsetSeconds: -86_400 }, { clipboardClearSeconds: 0 }, { clipboardClearSeconds: 5 }]) {
      expect(await service.dispatch('updateSettings', [patch])).toMatchObject({ ok: true, value: patch });
    }
  });

  it('tells the host when a camera scan ends', async () => {
    expect(await service.dispatch('endCameraScan', [])).toEqual({ ok: true, value: undefined });
    expect(hostCalls).toEqual(['camera end']);
  });
});

// Issue 12.1: a migration link holding Nse-Portal/alice and GitHub/alice prompted about Nse-Portal
// only, and "Replace" then replaced both secrets and turned Nse-Portal's 20 s into 30 s.
describe('links from other programs', () => {
  const ALICE_PORTAL = 'otpauth://totp/Nse-Portal:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Nse-Portal&period=20';
  const OTHER_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const migration = encodeMigrationUris(
    [
      { type: 'totp', issuer: 'Nse-Portal', account: 'alice', secret: OTHER_SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { type: 'totp', issuer: 'GitHub', account: 'alice', secret: OTHER_SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    ],
    { batchId: 1 },
  )[0]!;

  async function portalAsItWas(): Promise<{ id: string; code: string }> {
    await service.dispatch('addFromUri', [ALICE_PORTAL, 'ask']);
    const [account] = value<AccountView[]>(await service.dispatch('listAccounts', []));
    const [code] = value<CodeView[]>(await service.dispatch('codes', [NOW]));
    return { id: account!.id, code: code!.code };
  }

  it('previews every account of the link, with its period and whether you have it, and no secret', async () => {
    await portalAsItWas();
    const preview = await service.previewLink(migration);
    expect(preview.accounts.map(({ issuer, account, period, duplicate }) => ({ issuer, account, period, duplicate }))).toEqual([
      { issuer: 'Nse-Portal', account: 'alice', period: 30, duplicate: 'same' },
      { issuer: 'GitHub', account: 'alice', period: 30, duplicate: 'none' },
    ]);
    expect(JSON.stringify(preview)).not.toContain(OTHER_SECRET);
  });

  it('skip: adds only the new account; Nse-Portal keeps its secret and its 20 s', async () => {
    const portal = await portalAsItWas();
    events = [];
    const result = await service.addFromLink(migration, 'skip');
    expect(result).toMatchObject({ status: 'added', accounts: [{ issuer: 'GitHub', account: 'alice' }] });
    const list = value<AccountView[]>(await service.dispatch('listAccounts', []));
    expect(list.map(({ issuer, period }) => `${issuer} ${period}`)).toEqual(['Nse-Portal 20', 'GitHub 30']);
    expect(value<CodeView[]>(await service.dispatch('codes', [NOW])).find((view) => view.accountId === portal.id)?.code).toBe(portal.code);
    expect(events).toEqual([{ type: 'accounts-changed' }]);
  });

  it('keep-both: adds both as new accounts and leaves the existing one untouched', async () => {
    const portal = await portalAsItWas();
    const result = await service.addFromLink(migration, 'keep-both');
    expect(result.status === 'added' && result.accounts.map((account) => account.issuer)).toEqual(['Nse-Portal', 'GitHub']);
    expect(result.status === 'added' && result.warnings).toEqual([{ key: 'otp.migrationPeriodImport', params: { name: 'Nse-Portal (alice)', period: 20 } }]);
    const list = value<AccountView[]>(await service.dispatch('listAccounts', []));
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ id: portal.id, period: 20 });
    expect(value<CodeView[]>(await service.dispatch('codes', [NOW])).find((view) => view.accountId === portal.id)?.code).toBe(portal.code);
  });

  it('refuses a link with a hidden character before anything is added', async () => {
    await expect(service.previewLink(ALICE_PORTAL.replace('alice?', 'alice%E2%80%AE?'))).rejects.toMatchObject({ key: 'otp.labelHiddenCharacter' });
    await expect(service.addFromLink(ALICE_PORTAL.replace('alice?', 'alice%E2%80%AE?'), 'keep-both')).rejects.toMatchObject({ key: 'otp.labelHiddenCharacter' });
    expect(value(await service.dispatch('listAccounts', []))).toEqual([]);
  });
});

// Issue 12.8: while the app lock is locked the window receives no names and no codes.
describe('the app lock', () => {
  const PIN = 'paard-1234';

  /** A service over `lock` (the app's), the window's events collected. */
  async function serviceWithLock(lock: AppLock): Promise<ApiService> {
    const created = createApiService({
      openAccounts: async () => new AccountService({ vault: new Vault(dir), secrets: new MapSecretStore(), clock }),
      settings: await SettingsService.open(dir, () => undefined),
      clipboard: new ClipboardGuard(clipboard, clock),
      host,
      dataDir: dir,
      clock,
      lock,
    });
    created.onEvent((event) => events.push(event));
    return created;
  }

  async function lockedService(): Promise<ApiService> {
    const lock = await AppLock.open(dir, clock, () => undefined);
    await lock.configure(null, { pin: PIN, idleMinutes: 5 }, async () => true);
    const created = await serviceWithLock(lock);
    expect(value(await created.dispatch('addFromUri', [PORTAL_URI, 'ask']))).toMatchObject({ status: 'added' });
    expect(value(await created.dispatch('lockNow', []))).toMatchObject({ enabled: true, locked: true });
    return created;
  }

  it('refuses every call that gives names or codes with lock.locked, and allows the unlock screen’s calls', async () => {
    const locked = await lockedService();
    const [id] = ['any-id'];
    for (const [method, args] of [
      ['listAccounts', []],
      ['codes', [NOW]],
      ['copyCode', [id, NOW]],
      ['nextHotpCode', [id]],
      ['backupStatus', []],
      ['createBackup', ['a long password']],
      ['updateSettings', [{ theme: 'dark' }]],
      ['configureLock', [PIN, null]],
      ['addFromUri', [PORTAL_URI, 'keep-both']],
    ] as const) {
      expect(await locked.dispatch(method, args), method).toEqual({ ok: false, error: { kind: 'input', key: 'lock.locked', params: {} } });
    }
    for (const method of ['appInfo', 'getSettings', 'lockStatus']) expect(await locked.dispatch(method, []), method).toMatchObject({ ok: true });
    expect(await clipboard.readText()).toBe('');
    locked.close();
  });

  it('unlocks with the PIN only, then gives the accounts again, announcing each change', async () => {
    const locked = await lockedService();
    expect(await locked.dispatch('unlock', ['wrong'])).toMatchObject({ ok: false, error: { key: 'lock.wrongPin' } });
    expect(value(await locked.dispatch('unlock', [PIN]))).toMatchObject({ locked: false, systemUnlock: false });
    expect(value<AccountView[]>(await locked.dispatch('listAccounts', []))).toHaveLength(1);
    expect(events.filter((event) => event.type === 'lock-changed')).toEqual([
      { type: 'lock-changed', locked: true },
      { type: 'lock-changed', locked: false },
    ]);
    expect(await locked.dispatch('unlockWithSystem', [])).toMatchObject({ ok: false, error: { key: 'lock.systemUnavailable' } });
    locked.close();
  });

  it('turns the lock on only after the host asked the user outside the window (a compromised window cannot)', async () => {
    const withLock = await serviceWithLock(await AppLock.open(dir, clock, () => undefined));
    lockOnAnswer = false;
    expect(await withLock.dispatch('configureLock', [null, { pin: PIN, idleMinutes: 5 }])).toEqual({ ok: false, error: { kind: 'input', key: 'lock.notTurnedOn', params: {} } });
    expect(value(await withLock.dispatch('lockStatus', []))).toMatchObject({ enabled: false });
    lockOnAnswer = true;
    expect(value(await withLock.dispatch('configureLock', [null, { pin: PIN, idleMinutes: 5 }]))).toMatchObject({ enabled: true, locked: false });
    expect(hostCalls.filter((call) => call === 'confirm lock on')).toHaveLength(2);
    withLock.close();
  });

  it('without a lock (the preview without one, the CLI) nothing is ever refused as locked', async () => {
    expect(value(await service.dispatch('lockStatus', []))).toEqual({ enabled: false, locked: false, idleMinutes: null, retryAt: null, systemUnlock: false });
    expect(await service.dispatch('lockNow', [])).toMatchObject({ ok: false, error: { key: 'lock.unavailable' } });
    expect(await service.dispatch('listAccounts', [])).toMatchObject({ ok: true });
  });
});
