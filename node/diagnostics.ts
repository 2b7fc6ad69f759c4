/**
 * "Copy diagnosis" on the About screen (issue 14.5): what a helpdesk needs to know, for staff to
 * paste into an e-mail. Facts about the installation only: never an account's name, never a
 * secret, never a path (the data folder holds the user's name).
 */
import os from 'node:os';

export interface DiagnosticFacts {
  version: string;
  platform: string;
  /** The OS kernel release and architecture, e.g. `6.1.0-18-amd64 x64`. */
  osRelease: string;
  /** `ok`, or the message key of the keychain or vault problem at start. */
  keychainState: string;
  clockOffsetSeconds: number;
  /** null when the accounts could not be opened. */
  accounts: number | null;
  /** The key of the last error any call returned in this session, or null. */
  lastErrorKey: string | null;
}

const KEYCHAIN_BACKENDS: Record<string, string> = {
  linux: 'Secret Service (libsecret: GNOME Keyring or KWallet)',
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
};

/** This system's OS release line. */
export function osRelease(): string {
  return `${os.release()} ${os.arch()}`;
}

/** The diagnosis as plain lines (English: helpdesks read it, and keys stay searchable). */
export function formatDiagnostics(facts: DiagnosticFacts): string {
  return [
    `Tweestap ${facts.version}`,
    `OS: ${facts.platform} ${facts.osRelease}`,
    `Keychain: ${KEYCHAIN_BACKENDS[facts.platform] ?? 'system keychain'}`,
    `Keychain state: ${facts.keychainState}`,
    `Clock offset: ${facts.clockOffsetSeconds} s`,
    `Accounts: ${facts.accounts ?? 'unknown'}`,
    `Last error: ${facts.lastErrorKey ?? 'none'}`,
  ].join('\n');
}
