/**
 * What every command receives: the user's language, the clock, output streams and lazy access
 * to the accounts. Stateless commands never call `accounts()`, so they load neither keytar nor
 * the vault and never touch the data folder.
 */
import { createInterface } from 'node:readline/promises';
import type { AccountService } from '../node/accounts';
import type { FreshLedger } from '../node/fresh-ledger';
import type { WorkerTransport } from '../node/keychain/process';
import { escapeHidden } from '../shared/hidden-characters';
import { localeFromTag, translate, type Locale, type MessageKey, type MessageParams } from '../shared/i18n';
import { systemClock, type Clock } from '../shared/ports';
import type { ExitCode } from './exit-codes';

export interface CliContext {
  locale: Locale;
  /** `key` translated into the user's language. */
  t(key: MessageKey, params?: MessageParams): string;
  clock: Clock;
  /** One line of normal output (stdout). */
  out(line: string): void;
  /** One line of warning or diagnostics (stderr). */
  warn(line: string): void;
  /** `value` as pretty JSON on stdout. */
  json(value: unknown): void;
  /** TWEESTAP_DEBUG is set: unexpected errors show their stack. */
  debug: boolean;
  /** stdin and stdout are a terminal: we may ask questions. */
  interactive: boolean;
  /** Asks a yes/no question on the terminal; only call when `interactive`. */
  confirm(question: string): Promise<boolean>;
  /** The account service over the real vault and keychain, opened on first use. */
  accounts(): Promise<AccountService>;
  /**
   * Starts the keychain worker now, before `accounts()`, for a command that will read a secret:
   * the worker process then starts while this one loads the vault's modules.
   */
  prepareKeychain(): void;
  /** The fresh-code ledger of the data folder (`code --fresh`), opened on first use. */
  ledger(): Promise<FreshLedger>;
}

/** One CLI command: its usage text (shown by `--help`) and what it does. */
export interface Command {
  /** The full `--help` text. */
  help: string;
  run(argv: string[], ctx: CliContext): Promise<ExitCode>;
}

/** A command in the overview, its module loaded only when it runs (see scripts/build-node.mjs). */
export interface CommandEntry {
  name: string;
  /** One line for the command overview. */
  summary: string;
  load(): Promise<Command>;
  /**
   * True when this command line will read a secret: the keychain worker is then started before
   * the command's module loads (a cold `code <query>` waits for that second Node process).
   */
  needsKeychain?(argv: readonly string[]): boolean;
}

/**
 * The user's language from the POSIX locale variables, in their order of precedence
 * (LC_ALL, then LC_MESSAGES, then LANG).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  return localeFromTag(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * What may reach the terminal: every control or format character (ESC, OSC 52, CR, U+202E,
 * zero-width, ...) written as a visible `\u001b`-style escape, our own line breaks kept. All
 * output goes through here, so a name stored before names were checked, a file name or an
 * error message cannot move the cursor, rewrite lines or set the clipboard. JSON stays valid
 * and parses to the same values (the escapes are JSON escapes).
 */
function terminalText(text: string): string {
  return escapeHidden(text, '\n');
}

/** Where the keychain worker is, and the worker when the entry point already started it. */
export interface KeychainWorkerSource {
  /** The worker script (dist/cli/keychain-worker.mjs, next to the entry point). */
  path: string;
  /** Started by the entry point before this module loaded (see cli/tweestap.ts). */
  started?: WorkerTransport;
}

/** The context of a real run: process streams, the system clock, the vault under TWEESTAP_HOME. */
export function processContext(env: NodeJS.ProcessEnv, keychain: KeychainWorkerSource): CliContext {
  const locale = localeFromEnv(env);
  let service: Promise<AccountService> | undefined;
  let ledger: Promise<FreshLedger> | undefined;
  let worker: Promise<WorkerTransport> | undefined = keychain.started && Promise.resolve(keychain.started);
  const keychainWorker = keychain.path;
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const warn = (line: string) => void process.stderr.write(`${terminalText(line)}\n`);
  return {
    locale,
    t,
    clock: systemClock,
    out: (line) => void process.stdout.write(`${terminalText(line)}\n`),
    warn,
    json: (value) => void process.stdout.write(`${terminalText(JSON.stringify(value, null, 2))}\n`),
    debug: Boolean(env.TWEESTAP_DEBUG),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    async confirm(question) {
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^(y|yes|j|ja)$/i.test((await prompt.question(`${terminalText(question)} `)).trim());
      } finally {
        prompt.close();
      }
    },
    accounts() {
      // Imported on demand so that stateless commands never load keytar or open the vault.
      service ??= Promise.all([import('../node/open-accounts'), worker]).then(([{ openAccountService }, startedKeychainWorker]) =>
        openAccountService(env, { keychainWorker, startedKeychainWorker }),
      );
      return service;
    },
    prepareKeychain() {
      if (service) return; // too late: the service starts its own worker
      worker ??= import('../node/keychain/node-transport').then(({ startNodeKeychainWorkerAhead }) => startNodeKeychainWorkerAhead({ workerPath: keychainWorker, env }));
    },
    ledger() {
      ledger ??= Promise.all([import('../node/fresh-ledger'), import('../node/paths')]).then(([{ FreshLedger }, { dataDir }]) => {
        // Said once per process, however many requests (tweestap serve) find the ledger damaged.
        let told = false;
        const onRebuilt = (file: string) => {
          if (!told) warn(`tweestap: ${t('cli.code.ledgerRebuilt', { file })}`);
          told = true;
        };
        return new FreshLedger(dataDir(env), { onRebuilt });
      });
      return ledger;
    },
  };
}
