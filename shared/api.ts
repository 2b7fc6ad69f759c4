/**
 * The one contract between the renderer and the main process. Main registers a handler for each
 * name in API_METHODS, the preload builds `window.tweestap` from the same list and the preview
 * host serves the same methods over loopback. Nothing here carries a secret.
 */
import type { ErrorKind } from './errors';
import type { Locale, MessageKey, MessageParams } from './i18n';
import type { Algorithm, Digits, OtpType } from './otp/types';

export const API_CHANNEL_PREFIX = 'tweestap:';
export const API_EVENT_CHANNEL = 'tweestap:event';

export const API_METHODS = [
  'appInfo',
  'listAccounts',
  'codes',
  'nextHotpCode',
  'addFromUri',
  'cancelImportBatch',
  'addManual',
  'renameAccount',
  'removeAccount',
  'reorderAccounts',
  'copyCode',
  'getSettings',
  'updateSettings',
  'openLink',
  'beginScreenCapture',
  'beginCameraScan',
  'endCameraScan',
  'lockStatus',
  'unlock',
  'unlockWithSystem',
  'lockNow',
  'configureLock',
  'endScreenCapture',
  'createBackup',
  'importFromFile',
  'backupStatus',
  'dismissBackupReminder',
  'recoverVault',
  'pasteFromClipboard',
  'checkClock',
  'copyDiagnostics',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** An account as the renderer sees it: labels and settings, never the secret. */
export interface AccountView {
  id: string;
  type: OtpType;
  issuer: string;
  account: string;
  algorithm: Algorithm;
  digits: Digits;
  period: number;
  /** HOTP only: the counter of the next code. */
  counter: number;
  /** The keychain has no secret for this account: show it as such and offer to re-add. */
  secretMissing: boolean;
}

/** One code and when it is valid (Unix ms). */
export interface CodeSlot {
  code: string;
  validFrom: number;
  validUntil: number;
}

/** The current and the next TOTP code of one account. */
export interface CodeView extends CodeSlot {
  accountId: string;
  step: number;
  next: CodeSlot;
}

export type DuplicateChoice = 'ask' | 'replace' | 'keep-both';

/**
 * A new account has the names of `existing`: the same ignoring case, or, with `lookAlike`, names
 * that only look the same (`Nѕе-Portal` with Cyrillic letters for `Nse-Portal`); tell the user so.
 */
export interface DuplicateFound {
  status: 'duplicate';
  existing: AccountView;
  issuer: string;
  account: string;
  lookAlike: boolean;
}

/** What adding produced. `duplicate`: nothing was written; ask the user and call again. */
export type AddResult =
  | { status: 'added'; accounts: AccountView[]; warnings: UserMessage[] }
  | DuplicateFound
  | { status: 'batch-progress'; scanned: number; total: number; missing: number[] };

/** Manual key entry; the secret may have spaces and lower case. */
export interface ManualEntry {
  issuer: string;
  account: string;
  secret: string;
  type: OtpType;
  algorithm: Algorithm;
  digits: Digits;
  period: number;
  counter: number;
}

/** A translatable message: the key and its params, translated where it is shown. */
export interface UserMessage {
  key: MessageKey;
  params?: MessageParams;
}

export type LanguageSetting = 'system' | Locale;
export type ThemeSetting = 'system' | 'light' | 'dark';

export interface Settings {
  language: LanguageSetting;
  theme: ThemeSetting;
  /**
   * Clear the clipboard this many seconds after a copy, if it still holds our code: 0 (never, the
   * settings form says so) or MIN_CLIPBOARD_CLEAR_SECONDS to MAX_CLIPBOARD_CLEAR_SECONDS.
   */
  clipboardClearSeconds: number;
  showNextCode: boolean;
  hideFromScreenCapture: boolean;
  /** Show a tray / menu-bar icon; closing the window then keeps the app in the tray. */
  trayEnabled: boolean;
  startAtLogin: boolean;
  /** Accelerator that shows the window, e.g. `CommandOrControl+Alt+T`; null = off. */
  globalShortcut: string | null;
  /** Accelerator that scans the screens for a QR code (hides Tweestap, grabs, adds); null = off. */
  scanShortcut: string | null;
  /** For testers: added to the clock for every code, in seconds; at most MAX_CLOCK_OFFSET_SECONDS either way. */
  clockOffsetSeconds: number;
}

/** `clipboardClearSeconds` that means "never clear". */
export const CLIPBOARD_CLEAR_NEVER = 0;
/** Shortest clipboard clearing delay besides "never": time to paste the code. */
export const MIN_CLIPBOARD_CLEAR_SECONDS = 5;
/** Longest clipboard clearing delay: ten minutes. */
export const MAX_CLIPBOARD_CLEAR_SECONDS = 600;
/** Largest tester clock offset either way: a day, so the window can never ask for codes of next week. */
export const MAX_CLOCK_OFFSET_SECONDS = 86_400;

export interface AppInfo {
  version: string;
  platform: 'darwin' | 'win32' | 'linux' | 'other';
  /** The OS locale, for the `system` language setting. */
  osLocale: string;
  /** A Linux Wayland session: the system's screen-share dialog asks before every screen scan. */
  waylandSession: boolean;
  /** "Hide from screen capture" works here (Windows, macOS before 15); elsewhere it is not offered. */
  contentProtection: boolean;
  /** Running in the browser preview host rather than Electron (development and tests only). */
  previewHost: boolean;
  /** The keychain could not be used at start; the first screen explains what to do. */
  keychainProblem: UserMessage | null;
  /** The folder holding vault.json and settings.json (no secrets), shown on the About screen. */
  dataDir: string;
}

/**
 * What `createBackup` did. The window never receives the backup's bytes: the host asks where to
 * save (the app: main's save dialog) and writes the file itself. `cancelled`: no file, and no
 * backup is recorded as made.
 */
export type BackupSaveResult = { status: 'saved'; fileName: string } | { status: 'cancelled' };

/** An entry of an imported file that was not imported, and why (never its secret). */
export interface SkippedImport {
  /** 1-based place of the entry in the file (line of a URI list, entry of an export). */
  position: number;
  /** Issuer and account as the file shows them; may be empty. */
  label: string;
  reason: UserMessage;
}

/**
 * What importing a file produced. `password-required` and `duplicate`: nothing was written; ask the
 * user and call again with the password or the choice.
 */
export type ImportFileResult =
  | { status: 'imported'; accounts: AccountView[]; skipped: SkippedImport[]; warnings: UserMessage[] }
  | { status: 'password-required' }
  | DuplicateFound;

export interface BackupStatus {
  /** When the last backup was made (Unix ms), or null if never. */
  lastBackupAt: number | null;
  /** Remind the user: accounts were added since the last backup, and the reminder is not snoozed. */
  reminder: boolean;
  /** How many accounts are not in the last backup, and how many there are (the reminder's wording). */
  unsavedAccounts: number;
  totalAccounts: number;
}

/**
 * The start-up errors (AppInfo.keychainProblem) of a damaged vault.json, which `recoverVault` can
 * move aside. A vault of a newer version is not one of them: the user should update instead.
 */
export const DAMAGED_VAULT_KEYS = ['vault.empty', 'vault.corrupt', 'vault.invalid'] as const satisfies readonly MessageKey[];

/** What `recoverVault` did. */
export interface VaultRecovery {
  /** Where the damaged file is kept: `<dataDir>/vault.json.corrupt-<time>`. */
  movedTo: string;
  /** `previous-copy`: vault.json.bak was restored; `empty`: there was no good copy, the list starts empty. */
  restored: 'previous-copy' | 'empty';
  /** How many accounts the restored list holds. */
  accounts: number;
}

/**
 * What "Paste from the clipboard" found, read by main: an image (PNG, Base64) to scan for a QR
 * code, an otpauth link, or nothing usable. Any other text (a password, say) is never passed on.
 */
export type ClipboardPaste = { kind: 'image'; data: string } | { kind: 'link'; uri: string } | { kind: 'empty' };

/** The clock check's answer: the server's clock minus ours (ms; positive: ours is behind). */
export interface ClockCheck {
  url: string;
  offsetMs: number;
  samples: number;
}

/** Documentation links the renderer may open, by name; main holds the URLs (an allow-list). */
export const LINKS = {
  nsePortal: 'https://nse-portal.crowdtech.com/',
  nseHelpdesk: 'mailto:info@nse.nl',
  licence: 'https://opensource.org/license/mit',
} as const;
export type LinkName = keyof typeof LINKS;

export interface TweestapApi {
  appInfo(): Promise<AppInfo>;
  listAccounts(): Promise<AccountView[]>;
  /**
   * TOTP codes of every account with a secret at `at` (renderer clock, Unix ms), plus the tester
   * offset. `at` must be within CODE_TIME_TOLERANCE_MS of main's clock (else `main.codes.timeOutOfRange`).
   */
  codes(at: number): Promise<CodeView[]>;
  /** HOTP: saves counter + 1, then returns the code of the old counter. */
  nextHotpCode(accountId: string): Promise<CodeSlot>;
  /** An `otpauth://` link or one `otpauth-migration://` part (parts are collected until complete). */
  addFromUri(uri: string, onDuplicate: DuplicateChoice): Promise<AddResult>;
  /** Forgets the parts of a Google Authenticator export scanned so far (the user starts again or gives up). */
  cancelImportBatch(): Promise<void>;
  addManual(entry: ManualEntry, onDuplicate: DuplicateChoice): Promise<AddResult>;
  renameAccount(accountId: string, labels: { issuer: string; account: string }): Promise<AccountView>;
  removeAccount(accountId: string): Promise<void>;
  /** The full list of ids in the new order. */
  reorderAccounts(accountIds: string[]): Promise<AccountView[]>;
  /** Copies the current code (computed in main; `at` as for `codes`) and clears it later if still ours. */
  copyCode(accountId: string, at: number): Promise<{ code: string; clearsAt: number | null }>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  openLink(name: LinkName): Promise<void>;
  /**
   * Hides our window before a screen grab (so it does not cover the QR); a no-op in the preview
   * host. On macOS it first refuses with the settings guide when screen recording is not allowed.
   */
  beginScreenCapture(): Promise<void>;
  /**
   * Before the camera starts: on macOS asks for camera access, or refuses with the settings guide.
   * The window may use the camera only between this call and `endCameraScan`.
   */
  beginCameraScan(): Promise<void>;
  /** The camera scan is over (found, stopped or closed): the camera permission ends. */
  endCameraScan(): Promise<void>;
  /** The app lock's state; allowed while locked (as are the other lock methods, appInfo and getSettings). */
  lockStatus(): Promise<LockStatus>;
  /** Unlocks with the PIN or password (`lock.wrongPin`, `lock.wait` after several wrong ones). */
  unlock(pin: string): Promise<LockStatus>;
  /** Unlocks with Touch ID where the system offers it. */
  unlockWithSystem(): Promise<LockStatus>;
  /** Locks now (when the lock is on). */
  lockNow(): Promise<LockStatus>;
  /**
   * Turns the lock on (`next`), changes it, or turns it off (null); `currentPin` must be the PIN
   * when the lock is on. Refused while locked.
   */
  configureLock(currentPin: string | null, next: { pin: string; idleMinutes: number } | null): Promise<LockStatus>;
  endScreenCapture(): Promise<void>;
  /** Encrypts every account with `password`, asks where to save it and writes it (all in main). */
  createBackup(password: string): Promise<BackupSaveResult>;
  /**
   * Imports a Tweestap backup or another authenticator's export (`data`: the file's bytes in
   * Base64): all accounts at once, or nothing on any error.
   */
  importFromFile(data: string, password: string | null, onDuplicate: DuplicateChoice): Promise<ImportFileResult>;
  backupStatus(): Promise<BackupStatus>;
  /** Hides the backup reminder for 7 days. */
  dismissBackupReminder(): Promise<void>;
  /**
   * Only for a damaged vault.json (DAMAGED_VAULT_KEYS): keeps it aside as `vault.json.corrupt-<time>`
   * and restores the previous good copy if there is one. Secrets in the keychain are untouched.
   */
  recoverVault(): Promise<VaultRecovery>;
  /** Reads the clipboard in main for Add account: an image or an otpauth link only. */
  pasteFromClipboard(): Promise<ClipboardPaste>;
  /**
   * Only when the user asks, against the https:// address they confirmed: a few HEAD requests,
   * compared with their Date headers (node/clock-check.ts). The app's only network request.
   */
  checkClock(url: string): Promise<ClockCheck>;
  /** Copies a diagnosis for the helpdesk (no labels, no secrets) and returns its text. */
  copyDiagnostics(): Promise<{ text: string }>;
}

/**
 * How far `at` of `codes` and `copyCode` may be from main's clock: two 30-second steps. The window
 * asks at its own clock, the same as main's; the next code comes with the current one anyway.
 */
export const CODE_TIME_TOLERANCE_MS = 60_000;

/** Idle times the app lock offers, in minutes. */
export const LOCK_IDLE_MINUTES = [1, 5, 15, 60] as const;
/** The app lock's PIN or password: at least 4 characters (a PIN), at most a long passphrase. */
export const MIN_LOCK_PIN_LENGTH = 4;
export const MAX_LOCK_PIN_LENGTH = 256;

/** The app lock as the window may know it (never the PIN nor its hash). */
export interface LockStatus {
  /** The lock is on (off by default). */
  enabled: boolean;
  /** The window is locked now: the API gives it no names and no codes until it is unlocked. */
  locked: boolean;
  /** Locks after this many minutes without input on this computer; null when off. */
  idleMinutes: number | null;
  /** After wrong attempts: no attempt counts before this time (Unix ms); null otherwise. */
  retryAt: number | null;
  /** The system can unlock too (Touch ID on macOS, when available). */
  systemUnlock?: boolean;
}

/** Events main pushes to the renderer. */
export type ApiEvent =
  | { type: 'accounts-changed' }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'scan-screen' }
  | { type: 'lock-changed'; locked: boolean };

/** How every call's outcome crosses the boundary: errors as data, so their key survives. */
export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: ErrorKind; key: MessageKey; params: MessageParams } };

/** What the preload exposes as `window.tweestap`: the verbs plus one event subscription. */
export type RendererBridge = {
  [M in ApiMethod]: (...args: Parameters<TweestapApi[M]>) => Promise<ApiResult<Awaited<ReturnType<TweestapApi[M]>>>>;
} & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};
