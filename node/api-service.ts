/**
 * The one implementation of TweestapApi (shared/api.ts) over the services, and `dispatch`, the
 * entry both hosts share: Electron's ipc.ts and the preview host hand it a method name and raw
 * arguments, it validates them, calls the method and returns an ApiResult. Nothing here imports
 * Electron; what only the host can do (open a link, hide the window) comes in as a HostPort.
 */
import type {
  AccountView,
  AddResult,
  ApiEvent,
  ApiResult,
  AppInfo,
  BackupSaveResult,
  CodeSlot,
  ClockCheck,
  CodeView,
  DuplicateChoice,
  ImportFileResult,
  LockStatus,
  ManualEntry,
  Settings,
  TweestapApi,
  UserMessage,
  VaultRecovery,
} from '../shared/api';
import path from 'node:path';
import { CODE_TIME_TOLERANCE_MS, LINKS } from '../shared/api';
import { TweestapError } from '../shared/errors';
import { migrationImportWarnings } from '../shared/otp/migration';
import { linkAccountsToAdd, previewLinkAccounts, readLinkAccounts, type LinkDuplicateChoice, type LinkPreview } from '../shared/otp/link-preview';
import type { OtpParams } from '../shared/otp/types';
import type { Clock } from '../shared/ports';
import { isApiMethod, validateArgs } from './api-validation';
import type { AppLock } from './app-lock';
import { writeFileAtomic } from './atomic-file';
import { BACKUP_EXTENSION, encryptBackup } from './backup';
import { BackupStatusStore, needsBackupReminder, unsavedAccountCount } from './backup-status';
import { checkClock as measureClock } from './clock-check';
import { formatDiagnostics, osRelease } from './diagnostics';
import type { ClipboardGuard } from './clipboard-guard';
import { importFile, type ImportedFile } from './importers';
import type { SettingsService } from './settings';

/** The account operations the API needs; AccountService (accounts.ts) provides them. */
export interface AccountsPort {
  listAccounts(): Promise<AccountView[]>;
  codes(atMs: number, offsetSeconds: number): Promise<CodeView[]>;
  nextHotpCode(accountId: string): Promise<CodeSlot>;
  addFromUri(uri: string, onDuplicate: DuplicateChoice): Promise<AddResult>;
  addManual(entry: ManualEntry, onDuplicate: DuplicateChoice): Promise<AddResult>;
  renameAccount(accountId: string, labels: { issuer: string; account: string }): Promise<AccountView>;
  removeAccount(accountId: string): Promise<void>;
  reorderAccounts(accountIds: string[]): Promise<AccountView[]>;
  /** Adds all accounts in one write, or none (a duplicate with `ask` writes nothing). */
  addMany(params: OtpParams[], onDuplicate: DuplicateChoice): Promise<AddResult>;
  /** Every account with its secret: only for an explicit backup. */
  exportAccounts(): Promise<OtpParams[]>;
  /** Moves a damaged vault.json aside and restores its previous good copy (see Vault.recover). */
  recoverVault(now: Date): Promise<VaultRecovery>;
  cancelImportBatch(): void;
  /** Calls `onChange` when another process (the CLI) changed the accounts; returns the stop function. */
  watch(onChange: () => void): () => void;
}

/** What only the host can do. Electron implements it in main.ts; the preview host mostly no-ops. */
export interface HostPort {
  readonly previewHost: boolean;
  readonly version: string;
  readonly platform: string;
  /** A Linux Wayland session (XDG_SESSION_TYPE); absent = no. */
  readonly waylandSession?: boolean;
  /** `setContentProtection` works on this system; absent = no. */
  readonly contentProtection?: boolean;
  /** The OS locale tag, e.g. `nl-NL`. */
  osLocale(): string;
  /** Opens an allow-listed URL in the user's browser or mail program. */
  openExternal(url: string): Promise<void>;
  beginScreenCapture(): Promise<void>;
  endScreenCapture(): Promise<void>;
  /** Makes sure the OS lets us use the camera (macOS); throws the settings guide otherwise. From here the window may film. */
  beginCameraScan(): Promise<void>;
  /** The camera scan is over: the window may no longer film. */
  endCameraScan(): Promise<void>;
  /**
   * Where to save a backup (the app: main's save dialog, starting at `suggestedName`), or null
   * when the user cancelled. The API service writes the file there itself.
   */
  chooseBackupPath(suggestedName: string): Promise<string | null>;
  /**
   * Asks the user, outside the window, whether to turn the app lock on (the app: main's message
   * box, Cancel by default), so that a compromised window cannot lock the user out with a PIN of
   * its own. True to go ahead.
   */
  confirmLockOn(): Promise<boolean>;
  /** The system can confirm the user for the app lock (macOS Touch ID); absent = no. */
  readonly systemUnlock?: boolean;
  /** Asks the system to confirm the user (Touch ID); true when it did. */
  promptSystemUnlock?(): Promise<boolean>;
  /**
   * Applies settings that live in the OS (login item, global shortcut, content protection,
   * tray) before they are saved; throws a TweestapError to refuse them (nothing is saved).
   */
  applySettings(next: Settings, previous: Settings): Promise<void>;
}

export interface ApiServiceDeps {
  /** Opens the account service; called on demand and again after a failure (e.g. keychain locked). */
  openAccounts: () => Promise<AccountsPort>;
  settings: SettingsService;
  clipboard: ClipboardGuard;
  host: HostPort;
  /** The data folder: shown on the About screen, and where backup-status.json is kept. */
  dataDir: string;
  /** Times of backups and of the reminder's dismissal. */
  clock: Clock;
  /** Diagnostics sink; receives no arguments of calls and no secrets. */
  log?: (message: string) => void;
  /**
   * Accept any `at` for codes. Only for the preview host under browser tests that fake the
   * page's clock (years ahead); the app never sets it.
   */
  anyCodeTime?: boolean;
  /** The app lock (node/app-lock.ts); absent = no lock (the CLI never has one). */
  lock?: AppLock;
  /** The clock check (node/clock-check.ts, https only); injectable for tests. */
  checkClock?: (url: string) => Promise<ClockCheck>;
  /** The OS release line of the diagnosis; injectable for tests. */
  osRelease?: () => string;
}

export interface ApiService {
  readonly api: TweestapApi;
  /** Validates `rawArgs` for `method`, calls it and returns the outcome as data, never throwing. */
  dispatch(method: string, rawArgs: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to events for the renderer; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Sends an event to every subscriber. */
  emit(event: ApiEvent): void;
  /** Stops watching the vault. */
  close(): void;
  /**
   * For the host's confirmation of a link another program handed over (not part of the API the
   * window may call): what `link` would add, names only. Throws a TweestapError for a bad link.
   */
  previewLink(link: string): Promise<LinkPreview>;
  /** Adds a confirmed link: duplicates skipped or kept as both, never replaced (see link-preview.ts). */
  addFromLink(link: string, choice: LinkDuplicateChoice): Promise<AddResult>;
}

/**
 * What a locked window may still call: nothing that returns a name or a code (appInfo holds
 * neither; settings are theme, language and the like), so it can show the unlock screen.
 */
const ALLOWED_WHILE_LOCKED = new Set<string>(['appInfo', 'getSettings', 'lockStatus', 'unlock', 'unlockWithSystem', 'lockNow', 'endCameraScan', 'endScreenCapture']);

/** Methods after which the account list the renderer shows is out of date. */
const CHANGES_ACCOUNTS = new Set<string>([
  'nextHotpCode',
  'addFromUri',
  'addManual',
  'renameAccount',
  'removeAccount',
  'reorderAccounts',
  'importFromFile',
  'recoverVault',
]);

/** Creates the API over the given services. */
export function createApiService(deps: ApiServiceDeps): ApiService {
  const { settings, clipboard, host, clock } = deps;
  const log = deps.log ?? ((message: string) => console.error(message));
  const backups = new BackupStatusStore(deps.dataDir, log);
  const listeners = new Set<(event: ApiEvent) => void>();
  // The last HOTP code shown per account, so that copyCode can copy it without advancing again.
  const lastHotpCodes = new Map<string, string>();
  let accountsPromise: Promise<AccountsPort> | null = null;
  let stopWatching: (() => void) | null = null;
  // The key of the last error a call returned, for the diagnosis (a key, never its params).
  let lastErrorKey: string | null = null;

  const accounts = (): Promise<AccountsPort> => {
    accountsPromise ??= deps.openAccounts().then(
      (opened) => {
        stopWatching = watchQuietly(opened);
        return opened;
      },
      (error: unknown) => {
        accountsPromise = null;
        throw error;
      },
    );
    return accountsPromise;
  };

  const emit = (event: ApiEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log(`event listener failed: ${describeError(error)}`);
      }
    }
  };
  settings.onChange((next) => emit({ type: 'settings-changed', settings: next }));
  deps.lock?.onChange((locked) => emit({ type: 'lock-changed', locked }));
  const lockStatus = (): LockStatus => ({ ...(deps.lock?.status() ?? { enabled: false, locked: false, idleMinutes: null, retryAt: null }), systemUnlock: host.systemUnlock ?? false });
  const appLock = (): AppLock => {
    if (!deps.lock) throw new TweestapError('input', 'lock.unavailable');
    return deps.lock;
  };

  // Changes made by another process (the CLI) reach the renderer as `accounts-changed`.
  const watchQuietly = (opened: AccountsPort): (() => void) | null => {
    try {
      return opened.watch(() => emit({ type: 'accounts-changed' }));
    } catch (error) {
      log(`cannot watch the vault: ${describeError(error)}`);
      return null;
    }
  };

  /**
   * `at` of codes and copyCode when it is within CODE_TIME_TOLERANCE_MS of main's clock; a window
   * asking for codes of another day (next year's, say) is refused.
   */
  const nearMainClock = (at: number): number => {
    if (!deps.anyCodeTime && Math.abs(at - clock.now()) > CODE_TIME_TOLERANCE_MS) {
      throw new TweestapError('input', 'main.codes.timeOutOfRange', { seconds: CODE_TIME_TOLERANCE_MS / 1000 });
    }
    return at;
  };

  /** A replaced account's secret changed, so the last backup no longer holds it as it is. */
  const noteAdded = async <R extends AddResult>(result: R): Promise<R> => {
    if (result.status === 'added') await backups.forgetAccounts(result.accounts.map((account) => account.id));
    return result;
  };

  const api: TweestapApi = {
    async appInfo(): Promise<AppInfo> {
      let keychainProblem: UserMessage | null = null;
      try {
        await (await accounts()).listAccounts();
      } catch (error) {
        if (!(error instanceof TweestapError)) throw error;
        keychainProblem = { key: error.key, params: error.params };
      }
      return {
        version: host.version,
        platform: knownPlatform(host.platform),
        osLocale: host.osLocale(),
        waylandSession: host.waylandSession ?? false,
        contentProtection: host.contentProtection ?? false,
        previewHost: host.previewHost,
        keychainProblem,
        dataDir: deps.dataDir,
      };
    },
    listAccounts: async () => (await accounts()).listAccounts(),
    codes: async (at) => (await accounts()).codes(nearMainClock(at), settings.get().clockOffsetSeconds),
    async nextHotpCode(accountId) {
      const slot = await (await accounts()).nextHotpCode(accountId);
      lastHotpCodes.set(accountId, slot.code);
      return slot;
    },
    addFromUri: async (uri, onDuplicate) => noteAdded(await (await accounts()).addFromUri(uri, onDuplicate)),
    addManual: async (entry, onDuplicate) => noteAdded(await (await accounts()).addManual(entry, onDuplicate)),
    renameAccount: async (accountId, labels) => (await accounts()).renameAccount(accountId, labels),
    async removeAccount(accountId) {
      await (await accounts()).removeAccount(accountId);
      lastHotpCodes.delete(accountId);
    },
    reorderAccounts: async (accountIds) => (await accounts()).reorderAccounts(accountIds),
    async copyCode(accountId, at) {
      const current = settings.get();
      const views = await (await accounts()).codes(nearMainClock(at), current.clockOffsetSeconds);
      const code = views.find((view) => view.accountId === accountId)?.code ?? lastHotpCodes.get(accountId);
      if (code === undefined) throw new TweestapError('not-found', 'main.copy.noCode');
      const { clearsAt } = await clipboard.copy(code, current.clipboardClearSeconds);
      return { code, clearsAt };
    },
    getSettings: async () => settings.get(),
    updateSettings: (patch) => settings.update(patch, (next, previous) => host.applySettings(next, previous)),
    openLink: (name) => host.openExternal(LINKS[name]),
    beginScreenCapture: () => host.beginScreenCapture(),
    endScreenCapture: () => host.endScreenCapture(),
    beginCameraScan: () => host.beginCameraScan(),
    endCameraScan: () => host.endCameraScan(),
    lockStatus: async () => lockStatus(),
    async unlock(pin) {
      await appLock().unlock(pin);
      return lockStatus();
    },
    async unlockWithSystem() {
      const lock = appLock();
      if (!host.systemUnlock || !host.promptSystemUnlock) throw new TweestapError('input', 'lock.systemUnavailable');
      if (!(await host.promptSystemUnlock())) throw new TweestapError('input', 'lock.systemRefused');
      lock.unlockBySystem();
      return lockStatus();
    },
    async lockNow() {
      appLock().lock();
      return lockStatus();
    },
    async configureLock(currentPin, next) {
      await appLock().configure(currentPin, next, () => host.confirmLockOn());
      return lockStatus();
    },
    // The bytes never go back to the window (a compromised one could send them anywhere with a
    // password it chose): the host asks where, and the file is written here.
    async createBackup(password): Promise<BackupSaveResult> {
      const opened = await accounts();
      // The ids first: an account added meanwhile is then in the file but not counted as saved.
      const ids = (await opened.listAccounts()).map((account) => account.id);
      const createdAt = clock.now();
      const file = await encryptBackup(await opened.exportAccounts(), password, { createdAt });
      const target = await host.chooseBackupPath(backupFileName(createdAt));
      if (target === null) return { status: 'cancelled' };
      await writeFileAtomic(target, file);
      await backups.recordBackup(ids, createdAt);
      return { status: 'saved', fileName: path.basename(target) };
    },
    async importFromFile(data, password, onDuplicate): Promise<ImportFileResult> {
      const imported = await readImport(Buffer.from(data, 'base64'), password);
      if (!imported) return { status: 'password-required' };
      const result = await noteAdded(await (await accounts()).addMany(imported.accounts, onDuplicate));
      if (result.status === 'batch-progress') throw new Error('addMany reported migration progress');
      if (result.status === 'duplicate') return result;
      const skipped = imported.skipped.map(({ position, label, key, params }) => ({ position, label, reason: { key, params } }));
      return { status: 'imported', accounts: result.accounts, skipped, warnings: result.warnings };
    },
    async backupStatus() {
      const [record, list] = await Promise.all([backups.get(), accounts().then((opened) => opened.listAccounts())]);
      const ids = list.map((account) => account.id);
      return {
        lastBackupAt: record.lastBackupAt,
        reminder: needsBackupReminder(record, ids, clock.now()),
        unsavedAccounts: unsavedAccountCount(record, ids),
        totalAccounts: ids.length,
      };
    },
    dismissBackupReminder: () => backups.dismissReminder(clock.now()),
    recoverVault: async () => (await accounts()).recoverVault(new Date(clock.now())),
    cancelImportBatch: async () => (await accounts()).cancelImportBatch(),
    pasteFromClipboard: () => clipboard.readForAdd(),
    checkClock: (url) => (deps.checkClock ?? measureClock)(url),
    async copyDiagnostics() {
      let keychainState = 'ok';
      let count: number | null = null;
      try {
        count = (await (await accounts()).listAccounts()).length;
      } catch (error) {
        keychainState = error instanceof TweestapError ? error.key : 'main.internal';
      }
      const text = formatDiagnostics({
        version: host.version,
        platform: host.platform,
        osRelease: deps.osRelease?.() ?? osRelease(),
        keychainState,
        clockOffsetSeconds: settings.get().clockOffsetSeconds,
        accounts: count,
        lastErrorKey,
      });
      await clipboard.copy(text, 0);
      return { text };
    },
  };
  announceAccountChanges(api, emit);

  return {
    api,
    emit,
    async previewLink(link) {
      const found = readLinkAccounts(link);
      return previewLinkAccounts(found, await (await accounts()).listAccounts());
    },
    async addFromLink(link, choice) {
      const found = readLinkAccounts(link);
      const opened = await accounts();
      const existing = await opened.listAccounts();
      const chosen = linkAccountsToAdd(found, existing, choice);
      if (chosen.length === 0) return { status: 'added', accounts: [], warnings: [] };
      // A Google export carries no period: warn where it differs from an account of the same name here.
      const warnings = /^otpauth-migration:/i.test(link.trim()) ? migrationImportWarnings(chosen, existing) : [];
      // keep-both for what is left: an account that became a duplicate meanwhile is kept twice, never replaced.
      const result = await noteAdded(await opened.addMany(chosen, 'keep-both'));
      emit({ type: 'accounts-changed' });
      return result.status === 'added' ? { ...result, warnings: [...result.warnings, ...warnings] } : result;
    },
    close() {
      stopWatching?.();
      stopWatching = null;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispatch(method, rawArgs) {
      try {
        if (!isApiMethod(method)) throw new TweestapError('input', 'main.input.unknownMethod', { method: printable(method) });
        if (deps.lock?.locked && !ALLOWED_WHILE_LOCKED.has(method)) throw new TweestapError('input', 'lock.locked');
        const args = validateArgs(method, rawArgs);
        const value: unknown = await (api[method] as (...values: unknown[]) => Promise<unknown>)(...args);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof TweestapError) {
          lastErrorKey = error.key;
          return { ok: false, error: { kind: error.kind, key: error.key, params: error.params } };
        }
        lastErrorKey = 'main.internal';
        // The arguments may hold a URI with a secret: log the method and the error, never them.
        log(`${printable(method)} failed: ${describeError(error)}`);
        return { ok: false, error: { kind: 'internal', key: 'main.internal', params: {} } };
      }
    },
  };
}

/**
 * Makes each method of CHANGES_ACCOUNTS announce `accounts-changed` when it has changed the list,
 * whoever calls it: the window through dispatch, or main and the tray directly with typed calls.
 */
function announceAccountChanges(api: TweestapApi, emit: (event: ApiEvent) => void): void {
  const methods = api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of CHANGES_ACCOUNTS) {
    const call = methods[method];
    if (!call) continue;
    methods[method] = async (...args) => {
      const value = await call(...args);
      if (!isPendingAdd(value)) emit({ type: 'accounts-changed' });
      return value;
    };
  }
}

/** An add that wrote nothing (a duplicate to ask about, a migration batch still incomplete, a password to ask for). */
function isPendingAdd(value: unknown): boolean {
  const status = (value as { status?: unknown } | undefined)?.status;
  return status === 'duplicate' || status === 'batch-progress' || status === 'password-required';
}

/** The imported file, or null when it is encrypted and no password was given (ask for one). */
async function readImport(bytes: Uint8Array, password: string | null): Promise<ImportedFile | null> {
  try {
    return await importFile(bytes, password ?? undefined);
  } catch (error) {
    if (error instanceof TweestapError && error.key === 'import.passwordRequired') return null;
    throw error;
  }
}

/** `tweestap-backup-2026-11-25.tweestap`: the date (UTC) the backup was made. */
export function backupFileName(createdAt: number): string {
  return `tweestap-backup-${new Date(createdAt).toISOString().slice(0, 10)}.${BACKUP_EXTENSION}`;
}

function knownPlatform(platform: string): AppInfo['platform'] {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other';
}

/** A method name fit to echo or log: it may be attacker-chosen text. */
function printable(name: string): string {
  return /^[A-Za-z]{1,40}$/.test(name) ? name : '?';
}

/**
 * An error for the log: its name and stack frames, without its message (a library's message
 * could quote the input it choked on, and inputs may be secrets).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [error.name, ...frames.slice(0, 8)].join('\n');
}
