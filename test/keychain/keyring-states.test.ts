/**
 * Issue 14.4 against a real gnome-keyring, each state in a daemon of its own on a private D-Bus
 * session, through both the account service (the app's first screen shows its message) and the
 * CLI, which explain what to do instead of quoting D-Bus:
 * - no default ("login") collection, as on minimal installs and fresh accounts: an empty
 *   XDG_DATA_HOME and a daemon that is never unlocked;
 * - a locked keyring whose unlock prompt the user cancels: with-keyring.sh's daemon, locked, sends
 *   its prompts to the system prompter cancel-prompter.py, whose user answers each with Cancel.
 * The other states (no Secret Service, locked with no way to prompt, frozen) are in
 * keychain.test.ts; all are classified in node/keychain/keychain.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const WITH_KEYRING = path.join(repo, 'test/keychain/with-keyring.sh');

/** `await_name NAME`: waits (at most 10 s) until NAME has an owner on the session bus. */
const AWAIT_NAME = `
await_name() {
  for _ in $(seq 1 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q true && return 0
    sleep 0.1
  done
  return 1
}
`;

/** Starts gnome-keyring-daemon (secrets only, never unlocked) in a fresh data folder, then runs `script`. */
const WITHOUT_LOGIN = `${AWAIT_NAME}
set -e
keyring=$(mktemp -d); mkdir -p "$keyring/data" "$keyring/run"
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$keyring" XDG_DATA_HOME="$keyring/data" XDG_RUNTIME_DIR="$keyring/run" \\
  gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 &
daemon=$!
trap 'kill $daemon; rm -rf "$keyring"' EXIT
await_name org.freedesktop.secrets || true
set +e
`;

/**
 * For with-keyring.sh's session (a real gnome-keyring-daemon, its login collection unlocked):
 * starts cancel-prompter.py, the system prompter whose user cancels every prompt. `prompts` prints
 * how many unlock prompts it has been shown so far.
 */
const CANCELLING_PROMPTER = `${AWAIT_NAME}
set -e
prompter_log=$(mktemp)
/usr/bin/python3 test/keychain/cancel-prompter.py >"$prompter_log" 2>&1 &
prompter=$!
trap 'kill $prompter; rm -f "$prompter_log"' EXIT
await_name org.gnome.keyring.SystemPrompter || { echo "cancel-prompter did not start:" >&2; cat "$prompter_log" >&2; exit 70; }
prompts() { grep -c '^cancelled password prompt' "$prompter_log"; }
set +e
`;

const LOCK =
  'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null';

let dir: string;
beforeAll(() => buildCli(), 60_000);
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tweestap-keyring-states-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `script` after `setup` (one of the above) in a private D-Bus session, by default an empty
 * one; returns its stdout.
 */
async function inSession(setup: string, script: string, env: Record<string, string> = {}, session = ['dbus-run-session', '--']): Promise<string> {
  const [command, ...args] = session;
  const { stdout } = await run(command!, [...args, 'bash', '-c', setup + script], {
    cwd: repo,
    env: { ...process.env, LANG: 'C', TWEESTAP_KEYCHAIN_SERVICE: `tweestap-states-${process.pid}`, ...env },
    timeout: 60_000,
  });
  return stdout;
}

describe('a Secret Service without a default (login) collection', () => {
  it('the account service names the state and what to do, writing nothing', async () => {
    const out = await inSession(WITHOUT_LOGIN, `node --import tsx "${CHILD}" list "${dir}" 5000 2>/dev/null`);
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
    const out = await inSession(WITHOUT_LOGIN, `printf '%s' '${link}' | node "${CLI}" add - 2>&1; echo "exit $?"`, { TWEESTAP_HOME: dir, LANG: lang });
    expect(out).toContain(words);
    expect(out).toContain('exit 3');
    expect(out).not.toMatch(/^tweestap: The keychain refused the request/m);
  });
});

describe('a locked keyring whose unlock prompt the user cancels', () => {
  const DISMISSED_EN = 'If an unlock window appeared and was closed, try again and type your keyring password';
  const DISMISSED_NL = 'Verscheen er een ontgrendelvenster en is dat gesloten, probeer het dan opnieuw en typ daarin je sleutelhangerwachtwoord';

  it('the account service and the CLI say what to do (en, nl), exit 3 and change nothing', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tweestap-dismissed-out-'));
    try {
      const link = 'otpauth://totp/Second:jan%40example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Second';
      // step NAME COMMAND...: runs the command (output in $out/NAME.txt), then prints its exit code
      // and how many unlock prompts it caused, each answered with Cancel.
      // The object paths of our items in the keyring, locked or not (SearchItems never prompts).
      const items = `dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.SearchItems dict:string:string:service,"$TWEESTAP_KEYCHAIN_SERVICE" | grep 'object path'`;
      const script = `
step() {
  local name=$1 before; shift
  before=$(prompts)
  "$@" >"${out}/$name.txt" 2>&1
  local rc=$?
  echo "{\\"step\\":\\"$name\\",\\"rc\\":$rc,\\"prompts\\":$(($(prompts) - before))}"
}
step service-add node --import tsx "${CHILD}" add "${dir}" 5000 First
${LOCK}
cp "${dir}/vault.json" "${out}/vault.before"
${items} >"${out}/items.before"
step service-list node --import tsx "${CHILD}" list "${dir}" 5000
step cli-list node "${CLI}" list --check
step cli-code env LANG=nl_NL.UTF-8 node "${CLI}" code First
step cli-add node "${CLI}" add '${link}'
cmp -s "${dir}/vault.json" "${out}/vault.before" && echo '{"step":"vault unchanged"}'
${items} | cmp -s - "${out}/items.before" && echo '{"step":"keyring unchanged"}'
exit 0 # the assertions below tell which step is missing
`;
      const lines = (await inSession(CANCELLING_PROMPTER, script, { TWEESTAP_HOME: dir }, ['bash', WITH_KEYRING])).split('\n').filter((line) => line.startsWith('{'));
      const steps = lines.map((line) => JSON.parse(line) as { step: string; rc: number; prompts: number });
      const output = (step: string) => readFileSync(path.join(out, `${step}.txt`), 'utf8');
      console.log(`unlock prompts cancelled: ${steps.map((s) => `${s.step} ${s.prompts ?? '-'}`).join(', ')}`);

      expect(steps.map((s) => s.step)).toEqual(['service-add', 'service-list', 'cli-list', 'cli-code', 'cli-add', 'vault unchanged', 'keyring unchanged']);
      expect(output('service-add')).toContain('{"ok":true');
      // Unlocked, nothing prompts; locked, each command really showed the unlock prompt, and the
      // user's Cancel is what it reports.
      expect(steps[0]!.prompts).toBe(0);
      // The account and the unlock check's entry.
      expect(readFileSync(path.join(out, 'items.before'), 'utf8').trim().split('\n')).toHaveLength(2);
      for (const { prompts } of steps.slice(1, 5)) expect(prompts).toBeGreaterThanOrEqual(1);

      const service = JSON.parse(output('service-list').split('\n').find((line) => line.startsWith('{'))!) as { ok: boolean; key: string; message: string };
      expect(service).toMatchObject({ ok: false, kind: 'keychain', key: 'vault.keychainLocked.linux' });
      expect(service.message).toContain(DISMISSED_EN);
      expect(steps.slice(2, 5).map((s) => s.rc)).toEqual([3, 3, 3]);
      for (const step of ['cli-list', 'cli-add']) {
        expect(output(step)).toContain(DISMISSED_EN);
        expect(output(step)).toContain('Nothing was changed.');
      }
      expect(output('cli-code')).toContain(DISMISSED_NL);
      expect(output('cli-code')).toContain('Er is niets veranderd.');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("the keychain worker's warm-up (node/keychain/worker.ts)", () => {
  it('connects to the Secret Service at its start without asking to unlock a locked keyring', async () => {
    const worker = path.join(repo, 'dist/cli/keychain-worker.mjs');
    // The worker alone, its stdin open for 2 s and no request: only the warm-up talks to the keyring.
    const script = `
node --import tsx "${CHILD}" add "${dir}" 5000 First >/dev/null 2>&1
${LOCK}
monitor_log=$(mktemp)
dbus-monitor --session "type='method_call',interface='org.freedesktop.Secret.Service',member='SearchItems'" >"$monitor_log" 2>&1 &
monitor=$!
sleep 0.5
before=$(prompts)
sleep 2 | node "${worker}"
sleep 0.3
kill $monitor
echo "{\\"prompts\\":$(($(prompts) - before)),\\"warmUpSearches\\":$(grep -c 'tweestap-connection-warm-up' "$monitor_log")}"
rm -f "$monitor_log"
`;
    const line = (await inSession(CANCELLING_PROMPTER, script, { TWEESTAP_HOME: dir }, ['bash', WITH_KEYRING])).split('\n').find((text) => text.startsWith('{'));
    expect(JSON.parse(line!)).toEqual({ prompts: 0, warmUpSearches: 1 });
  });
});

describe('every Linux keyring state has its own advice', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'vault.keychainUnavailable.linux'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'vault.keychainUnavailable.linux'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'vault.keychainNoCollection.linux'],
    ['Cannot create an item in a locked collection', 'vault.keychainLocked.linux'],
    ['Did not receive a reply (NoReply)', 'vault.keychainTimeout.linux'],
  ])('%s → %s', (reason, key) => {
    expect(toKeychainError(new Error(reason), 'linux').key).toBe(key);
  });
});
