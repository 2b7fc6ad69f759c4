/**
 * The accounts: metadata in the vault, secrets in the keychain, codes computed here. The Electron
 * shell, the preview host and the CLI all go through this service; its methods mirror
 * TweestapApi (shared/api.ts). Secrets leave it only through secretOf/exportAccounts, which exist
 * for explicit exports.
 *
 * Write order keeps every account recoverable if a step fails or the process dies: adding writes
 * the keychain first and the vault second; removing writes the vault first and the keychain second.
 */
import { randomBytes } from 'node:crypto';
import type { AccountView, AddResult, CodeSlot, CodeView, DuplicateChoice, ManualEntry, UserMessage, VaultRecovery } from '../shared/api';
import { TweestapError } from '../shared/errors';
import { MAX_LABEL_LENGTH } from '../shared/limits';
// Module by module, not the otp index: the migration format (protobufjs) and the look-alike table
// are loaded only when adding, so that `tweestap code <query>` and `list` start fast (issue 13).
import { hotpCode, totpAt } from '../shared/otp/codes';
import { displayName } from '../shared/otp/label';
import { checkLabelCharacters } from '../shared/otp/label-safety';
import type { MigrationBatch } from '../shared/otp/migration';
import { validateOtpParams, weakSecretWarnings } from '../shared/otp/secret';
import { parseOtpauthUri } from '../shared/otp/uri';
import type { OtpParams } from '../shared/otp/types';
import type { Clock, SecretStore } from '../shared/ports';
import type { Vault, VaultAccount } from './vault';

export interface AccountServiceDeps {
  vault: Vault;
  secrets: SecretStore;
  clock: Clock;
  /** New account ids; random by default. */
  newId?: () => string;
}


/** Up to this many secrets are read one by one; more in the one batch load (keychain calls cost a round trip each). */
const FEW_SECRETS = 8;

/** An account's labels and settings: what `listLabels` gives, no keychain involved. */
export type AccountLabels = Omit<AccountView, 'secretMissing'>;

/** An HOTP code stays valid until it is used: its slot ends at the far future. */
const HOTP_VALID_UNTIL = Number.MAX_SAFE_INTEGER;

/** The secrets as last loaded, and which vault ids existed then (to tell "missing" from "added elsewhere"). */
interface SecretCache {
  secrets: Map<string, string>;
  knownIds: Set<string>;
}

/** A completed migration batch whose import is waiting for the user's duplicate choice. */
interface PendingImport {
  uri: string;
  accounts: OtpParams[];
  warnings: UserMessage[];
}

export class AccountService {
  private readonly vault: Vault;
  private readonly secrets: SecretStore;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private cache: SecretCache | null = null;
  private batch: MigrationBatch | null = null;
  private pendingImport: PendingImport | null = null;

  constructor(deps: AccountServiceDeps) {
    this.vault = deps.vault;
    this.secrets = deps.secrets;
    this.clock = deps.clock;
    this.newId = deps.newId ?? (() => randomBytes(8).toString('hex'));
  }

  /** Every account in display order, with `secretMissing` from the keychain. */
  async listAccounts(): Promise<AccountView[]> {
    const { accounts, secrets } = await this.load();
    return accounts.map((a) => toView(a, secrets));
  }

  /**
   * Every account in display order without reading a single secret (the CLI's `list` and
   * `code <query>`): keytar can only list entries by reading all their secrets, which costs a
   * keychain round trip per account.
   */
  async listLabels(): Promise<AccountLabels[]> {
    return (await this.vault.read()).map(({ addedAt: _addedAt, ...labels }) => labels);
  }

  /** The current and next TOTP code of every TOTP account that has its secret, at `atMs` plus `offsetSeconds`. */
  async codes(atMs: number, offsetSeconds = 0): Promise<CodeView[]> {
    const at = atMs + offsetSeconds * 1000;
    const { accounts, secrets } = await this.load();
    const views: CodeView[] = [];
    for (const a of accounts) {
      const secret = secrets.get(a.id);
      if (a.type !== 'totp' || secret === undefined) continue;
      const params = { ...a, secret };
      const current = totpAt(params, at);
      const next = totpAt(params, current.validUntil);
      views.push({ accountId: a.id, step: current.step, code: current.code, validFrom: current.validFrom, validUntil: current.validUntil, next: slot(next) });
    }
    return views;
  }

  /** HOTP: saves counter + 1 to the vault first, then returns the code of the old counter. */
  async nextHotpCode(accountId: string): Promise<CodeSlot & { counter: number }> {
    const secret = await this.secretFor(accountId);
    const hotp = await this.vault.update((accounts) => {
      const account = findById(accounts, accountId);
      if (account.type !== 'hotp') throw new TweestapError('input', 'vault.notHotp', { label: labelOf(account) });
      if (secret === null) throw new TweestapError('not-found', 'vault.secretMissing', { label: labelOf(account) });
      account.counter += 1;
      return { params: { ...account, secret }, used: account.counter - 1 };
    });
    return { code: hotpCode(hotp.params, hotp.used), counter: hotp.used, validFrom: this.clock.now(), validUntil: HOTP_VALID_UNTIL };
  }

  /** Forgets the export parts collected so far and an import waiting for a duplicate choice. */
  cancelImportBatch(): void {
    this.batch = null;
    this.pendingImport = null;
  }

  /** Adds one account (already parsed). See `addMany` for duplicates. */
  async add(params: OtpParams, onDuplicate: DuplicateChoice): Promise<AddResult> {
    return this.addMany([params], onDuplicate, []);
  }

  /**
   * Adds from an `otpauth://` link, or collects one `otpauth-migration://` part: until every
   * part of the batch is in, the result is `batch-progress`; then all its accounts are added at
   * once, with a warning for each that an account of the same name here has another period
   * (the export format has no period: every imported account gets 30 s).
   */
  async addFromUri(uri: string, onDuplicate: DuplicateChoice): Promise<AddResult> {
    if (!/^otpauth-migration:/i.test(uri.trim())) return this.add(parseOtpauthUri(uri), onDuplicate);
    // The renderer repeats the last part with the user's choice after a `duplicate` answer.
    const pending = this.pendingImport?.uri === uri ? this.pendingImport : await this.collectPart(uri);
    if (!('uri' in pending)) return pending;
    const result = await this.addMany(pending.accounts, onDuplicate, pending.warnings);
    this.pendingImport = result.status === 'duplicate' ? pending : null;
    return result;
  }

  /** Adds from the manual entry form (secret with spaces or lower case accepted). */
  async addManual(entry: ManualEntry, onDuplicate: DuplicateChoice): Promise<AddResult> {
    return this.add(entry, onDuplicate);
  }

  /** Changes an account's issuer and account name. */
  async renameAccount(accountId: string, labels: { issuer: string; account: string }): Promise<AccountView> {
    const issuer = checkLabel(labels.issuer);
    const name = checkLabel(labels.account);
    if (issuer === '' && name === '') throw new TweestapError('input', 'vault.labelsEmpty');
    const renamed = await this.vault.update((accounts) => {
      const account = findById(accounts, accountId);
      account.issuer = issuer;
      account.account = name;
      return { ...account };
    });
    return toView(renamed, (await this.load()).secrets);
  }

  /** Removes the account: its vault entry first, then its keychain entry. */
  async removeAccount(accountId: string): Promise<void> {
    await this.vault.update((accounts) => {
      accounts.splice(accounts.indexOf(findById(accounts, accountId)), 1);
    });
    this.cache?.secrets.delete(accountId);
    await this.secrets.delete(accountId);
  }

  /** Puts the accounts in the given order; `accountIds` must name every account exactly once. */
  async reorderAccounts(accountIds: string[]): Promise<AccountView[]> {
    await this.vault.update((accounts) => {
      const byId = new Map(accounts.map((a) => [a.id, a]));
      if (accountIds.length !== accounts.length || new Set(accountIds).size !== accountIds.length || !accountIds.every((id) => byId.has(id))) {
        throw new TweestapError('input', 'vault.reorderMismatch');
      }
      accounts.splice(0, accounts.length, ...accountIds.map((id) => byId.get(id)!));
    });
    return this.listAccounts();
  }

  /**
   * The accounts `query` names: an exact id alone if one matches, else every account whose
   * issuer, account name or id contains the query, case-insensitively. An empty query matches all.
   */
  async findAccounts(query: string): Promise<AccountView[]> {
    const all = await this.listAccounts();
    const q = query.trim().toLowerCase();
    const exact = all.filter((a) => a.id.toLowerCase() === q);
    if (exact.length > 0) return exact;
    return all.filter((a) => [a.issuer, a.account, a.id].some((s) => s.toLowerCase().includes(q)));
  }

  /** The full parameters of one account, secret included: for an explicit export only. */
  async secretOf(accountId: string): Promise<OtpParams> {
    const [params] = await this.secretsOf([accountId]);
    return params!;
  }

  /**
   * The same for several accounts, from one read of the vault (not one per account). A few
   * secrets are read one by one; more (or once all are loaded) come from the one batch load.
   */
  async secretsOf(accountIds: readonly string[]): Promise<OtpParams[]> {
    if (this.cache || accountIds.length > FEW_SECRETS) {
      const { accounts, secrets } = await this.load();
      return accountIds.map((id) => withSecret(findById(accounts, id), secrets));
    }
    const accounts = await this.vault.read();
    const chosen = accountIds.map((id) => findById(accounts, id));
    const secrets = new Map<string, string>();
    for (const { id } of chosen) {
      const secret = await this.secrets.get(id);
      if (secret !== null) secrets.set(id, secret);
    }
    return chosen.map((account) => withSecret(account, secrets));
  }

  /** Every account with its secret, in display order: for an explicit export only. Fails if any secret is missing. */
  async exportAccounts(): Promise<OtpParams[]> {
    const { accounts, secrets } = await this.load();
    return accounts.map((a) => withSecret(a, secrets));
  }

  /**
   * Moves a damaged vault.json aside and restores its previous good copy (Vault.recover). The
   * keychain is not touched: the secrets of accounts the restored list lacks stay there, unlisted,
   * until a backup restores those accounts or they are added again.
   */
  async recoverVault(now: Date): Promise<VaultRecovery> {
    const recovery = await this.vault.recover(now);
    this.cache = null; // the ids the cache knew belong to the damaged list
    return recovery;
  }

  /**
   * Calls `onChange` when another process changed the vault, after dropping the cached secrets
   * (it may have added, replaced or removed one). Returns the function that stops watching.
   */
  watch(onChange: () => void): () => void {
    return this.vault.watch(() => {
      this.cache = null;
      onChange();
    });
  }

  /**
   * Adds accounts: with a duplicate (same issuer and account ignoring case, or names that only
   * look alike, then with `lookAlike`) and `ask`, returns `duplicate` and writes nothing; `replace` keeps the existing id and place with the new secret
   * and settings; `keep-both` adds a new entry. All accounts or none reach the vault, in one write
   * (an import or a restore).
   */
  async addMany(input: OtpParams[], onDuplicate: DuplicateChoice, warnings: UserMessage[] = []): Promise<AddResult> {
    const params = input.map(checkNewAccount);
    const { accounts: current, secrets } = await this.load();
    const { LabelIndex: Index, firstLookAlikePair } = await import('../shared/otp/look-alike');
    // Two names in one file that only look alike (`Nse-Portal` and `Nѕе-Portal`) are refused whole.
    const pair = firstLookAlikePair(params);
    if (pair) throw new TweestapError('input', 'vault.batchLookAlike', { first: displayName(pair[0]), second: displayName(pair[1]) });
    const index = new Index(current);
    const plan = params.map((p) => ({ params: p, duplicate: index.find(p) }));
    const firstDuplicate = plan.find((step) => step.duplicate);
    if (firstDuplicate?.duplicate && onDuplicate === 'ask') {
      const { duplicate, params: p } = firstDuplicate;
      return { status: 'duplicate', existing: toView(duplicate.match, secrets), issuer: p.issuer, account: p.account, lookAlike: duplicate.lookAlike };
    }
    const entries = plan.map(({ params: p, duplicate }) => ({
      params: p,
      id: duplicate && onDuplicate === 'replace' ? duplicate.match.id : this.newId(),
    }));
    // Keychain first: if the vault write then fails, a stray keychain entry is harmless.
    for (const { id, params: p } of entries) await this.secrets.set(id, p.secret);
    const addedAt = new Date(this.clock.now()).toISOString();
    const raced = await this.vault.update((accounts) => {
      // Another process may have added the same account since we looked: then ask again.
      if (onDuplicate === 'ask') {
        const latest = new Index(accounts);
        if (entries.some(({ params: p }) => latest.find(p))) return true;
      }
      for (const { id, params: p } of entries) {
        const { secret: _secret, ...settings } = p;
        const stored: VaultAccount = { id, ...settings, addedAt };
        const index = accounts.findIndex((a) => a.id === id);
        if (index >= 0) accounts[index] = stored;
        else accounts.push(stored);
      }
      return false;
    });
    if (raced) {
      for (const { id } of entries) await this.secrets.delete(id);
      return this.addMany(input, onDuplicate, warnings);
    }
    for (const { id, params: p } of entries) secrets.set(id, p.secret);
    const views = new Map((await this.listAccounts()).map((v) => [v.id, v]));
    // In the order given (another process may already have removed one again).
    const accounts = entries.flatMap(({ id }) => views.get(id) ?? []);
    // Keys under RFC 4226's 128 bits are added, with a warning the user sees.
    return { status: 'added', accounts, warnings: [...warnings, ...weakSecretWarnings(params)] };
  }

  /** Adds one migration part to the batch; the complete batch's accounts, or the progress so far. */
  private async collectPart(uri: string): Promise<PendingImport | AddResult> {
    const { decodeMigrationUri, MigrationBatch: Batch, migrationImportWarnings } = await import('../shared/otp/migration');
    const payload = decodeMigrationUri(uri);
    this.batch ??= new Batch();
    const progress = this.batch.add(payload);
    if (!progress.complete) return { status: 'batch-progress', scanned: progress.scanned, total: progress.total, missing: progress.missing };
    const accounts = this.batch.accounts();
    this.batch = null;
    return { uri, accounts, warnings: migrationImportWarnings(accounts, await this.vault.read()) };
  }

  /** One account's secret: from the batch load when there was one, else by itself. */
  private async secretFor(accountId: string): Promise<string | null> {
    return this.cache?.secrets.get(accountId) ?? (await this.secrets.get(accountId));
  }

  /**
   * The vault and the secrets. Secrets are loaded in one keychain call at first use and cached;
   * they are loaded again only when the vault holds an id that did not exist at the last load
   * (added by another process), so a secret that is really missing costs no extra calls.
   */
  private async load(): Promise<{ accounts: VaultAccount[]; secrets: Map<string, string> }> {
    const accounts = await this.vault.read();
    if (!this.cache || accounts.some((a) => !this.cache!.knownIds.has(a.id) && !this.cache!.secrets.has(a.id))) {
      this.cache = { secrets: await this.secrets.loadAll(), knownIds: new Set(accounts.map((a) => a.id)) };
    }
    return { accounts, secrets: this.cache.secrets };
  }
}

function toView(a: VaultAccount, secrets: Map<string, string>): AccountView {
  const { addedAt: _addedAt, ...view } = a;
  return { ...view, secretMissing: !secrets.has(a.id) };
}

function slot(code: { code: string; validFrom: number; validUntil: number }): CodeSlot {
  return { code: code.code, validFrom: code.validFrom, validUntil: code.validUntil };
}

function withSecret(a: VaultAccount, secrets: Map<string, string>): OtpParams {
  const secret = secrets.get(a.id);
  if (secret === undefined) throw new TweestapError('not-found', 'vault.secretMissing', { label: labelOf(a) });
  const { id: _id, addedAt: _addedAt, ...settings } = a;
  return { ...settings, secret };
}

function findById(accounts: VaultAccount[], id: string): VaultAccount {
  const account = accounts.find((a) => a.id === id);
  if (!account) throw new TweestapError('not-found', 'vault.accountNotFound', { id: String(id).slice(0, 64) });
  return account;
}

/**
 * Validated, canonical parameters with labels short enough for the vault: what every added
 * account must pass; `import --dry-run` checks with it too, so it promises no more than an import does.
 */
export function checkNewAccount(p: OtpParams): OtpParams {
  const valid = validateOtpParams(p);
  // An account without any name could not be told apart in the list (rename refuses it too).
  if (checkLabel(valid.issuer) === '' && checkLabel(valid.account) === '') throw new TweestapError('input', 'vault.labelsEmpty');
  return valid;
}

/** A name for the vault: no hidden characters (checked before trimming), trimmed, not too long. */
function checkLabel(label: string): string {
  const trimmed = checkLabelCharacters(String(label)).trim();
  if (trimmed.length > MAX_LABEL_LENGTH) throw new TweestapError('input', 'vault.labelTooLong', { max: MAX_LABEL_LENGTH });
  return trimmed;
}

/** How an account is named in messages. */
function labelOf(a: Pick<VaultAccount, 'issuer' | 'account' | 'id'>): string {
  if (a.issuer && a.account) return `${a.issuer} (${a.account})`;
  return a.issuer || a.account || a.id;
}
