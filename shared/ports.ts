/**
 * The ports through which services reach the operating system. Services receive them in their
 * constructors; electron/main.ts, the CLI and the preview host wire real adapters, so every
 * service runs in vitest and in the CLI without Electron.
 */

/** The OS keychain, one entry per account id. Values are canonical Base32 secrets. */
export interface SecretStore {
  /** Every secret of our service in one call (never one call per account). */
  loadAll(): Promise<Map<string, string>>;
  /** One account's secret, or null when it has none: for commands that need only a few. */
  get(accountId: string): Promise<string | null>;
  set(accountId: string, secret: string): Promise<void>;
  /** Resolves false when there was no such entry. */
  delete(accountId: string): Promise<boolean>;
}

/** Wall-clock time as Unix milliseconds. Injected so that tests and `--at` control time. */
export interface Clock {
  now(): number;
}

/** The system clipboard (text only). */
export interface Clipboard {
  readText(): string | Promise<string>;
  writeText(text: string): void | Promise<void>;
  /** The clipboard's image as PNG bytes, or null when it holds none (absent: images unsupported). */
  readImagePng?(): Uint8Array | null | Promise<Uint8Array | null>;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
