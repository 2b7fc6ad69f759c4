/**
 * Issue 14.4 against a real gnome-keyring: a Secret Service without a default ("login")
 * collection, as on minimal installs and fresh accounts. The daemon runs on a private D-Bus
 * session with an empty XDG_DATA_HOME and is never unlocked, so no login collection exists. Both
 * the account service (the app's first screen shows its message) and the CLI explain what to do
 * instead of quoting D-Bus. The other states (no Secret Service, locked with no prompt, frozen) are
 * in keychain.test.ts; all are classified in node/keychain/keychain.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toKeychainError } from '../../node/keychain/keychain';
import { buildCli, CLI } from '../unit/cli/run-cli';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = path.join(repo, 'test/fixtures/vault/keychain-child.ts');

/** Starts gnome-keyring-daemon (secrets only, never unlocked) in a fresh data folder, then runs `script`. */
const WITHOUT_LOGIN = `
set -e
keyring=$(mktemp -d); mkdir -p "$keyring/data" "$keyring/run"
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$keyring" XDG_DATA_HOME="$keyring/data" XDG_RUNTIME_DIR="$keyring/run" \\
  gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 &
daemon=$!
trap 'kill $daemon; rm -rf "$keyring"' EXIT
for _ in $(seq 1 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true && break
  sleep 0.1
done
set +e
`;

let dir: string;
beforeAll(() => buildCli(), 60_000);
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-keyring-states-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function withoutLogin(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('dbus-run-session', ['--', 'bash', '-c', WITHOUT_LOGIN + script], {
    cwd: repo,
    env: { ...process.env, LANG: 'C', TWEESTAP_KEYCHAIN_SERVICE: `tweestap-states-${process.pid}`, ...env },
    timeout: 60_000,
  });
  return stdout;
}

describe('a Secret Service without a default (login) collection', () => {
  it('the account service names the state and what to do, writing nothing', async () => {
    const out = await withoutLogin(`node --import tsx "${CHILD}" list "${dir}" 5000 2>/dev/null`);
    const outcome = JSON.parse(out.split('\n').find((line) => line.startsWith('{'))!) as { ok: boolean; key: string; message: string };
    expect(outcome).toMatchObject({ ok: false, key: 'vault.keychainNoCollection.linux' });
    expect(outcome.message).toContain('create a password keyring named “login”');
    expect(outcome.message).toContain('Object does not exist at path');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['en', 'C', 'has no default collection (“login”)'],
    ['nl', 'nl_NL.UTF-8', 'heeft geen standaardverzameling (“login”)'],
  ])('the CLI says what to do (%s) and exits 3', async (_locale, lang, words) => {
    const link = 'otpauth://totp/Nse-Portal:jan%40example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';
    const out = await withoutLogin(`printf '%s' '${link}' | node "${CLI}" add - 2>&1; echo "exit $?"`, { TWEESTAP_HOME: dir, LANG: lang });
    expect(out).toContain(words);
    expect(out).toContain('exit 3');
    expect(out).not.toMatch(/^tweestap: The keychain refused the request/m);
  });
});

describe('every Linux keyring state has its own advice', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'vault.keychainUnavailable.linux'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'vault.keychainUnavailable.linux'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'vault.keychainNoCollection.linux'],
    ['Cannot create an item in a locked collection', 'vault.keychainLocked.linux'],
    ['The prompt was dismissed', 'vault.keychainDismissed.linux'],
    ['Operation was cancelled', 'vault.keychainDismissed.linux'],
    ['Did not receive a reply (NoReply)', 'vault.keychainTimeout.linux'],
  ])('%s → %s', (reason, key) => {
    expect(toKeychainError(new Error(reason), 'linux').key).toBe(key);
  });
});
