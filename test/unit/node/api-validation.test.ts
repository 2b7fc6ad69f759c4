import { describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from '../../../shared/api';
import { TweestapError } from '../../../shared/errors';
import { isApiMethod, validateArgs } from '../../../node/api-validation';
import { MAX_IMPORT_BASE64_LENGTH, MAX_LABEL_LENGTH, MAX_PASSWORD_LENGTH, MAX_URI_LENGTH } from '../../../shared/limits';

const entry = { issuer: 'Nse-Portal', account: 'a@example.nl', secret: 'jbsw y3dp', type: 'totp', algorithm: 'SHA1', digits: 6, period: 20, counter: 0 };

/** One valid argument list per method: the baseline every rejection below is a variation of. */
const VALID: Record<ApiMethod, unknown[]> = {
  appInfo: [],
  listAccounts: [],
  codes: [1_700_000_000_000],
  nextHotpCode: ['abc'],
  addFromUri: ['otpauth://totp/X?secret=JBSWY3DP', 'ask'],
  addManual: [entry, 'keep-both'],
  renameAccount: ['abc', { issuer: 'I', account: 'A' }],
  removeAccount: ['abc'],
  reorderAccounts: [['a', 'b']],
  copyCode: ['abc', 0],
  getSettings: [],
  updateSettings: [{ theme: 'dark', globalShortcut: 'CommandOrControl+Alt+T' }],
  openLink: ['nsePortal'],
  beginScreenCapture: [],
  beginCameraScan: [],
  endCameraScan: [],
  lockStatus: [],
  unlock: ['1234'],
  unlockWithSystem: [],
  lockNow: [],
  configureLock: [null, { pin: '1234', idleMinutes: 5 }],
  endScreenCapture: [],
  createBackup: ['correct horse battery'],
  importFromFile: ['b3RwYXV0aDovL3RvdHAvWD9zZWNyZXQ9SkJTV1kzRFA=', null, 'ask'],
  backupStatus: [],
  dismissBackupReminder: [],
  recoverVault: [],
  cancelImportBatch: [],
  pasteFromClipboard: [],
  checkClock: ['https://nse-portal.crowdtech.com/'],
  copyDiagnostics: [],
};

/** Per method, argument lists of the wrong type (one argument changed at a time). */
const WRONG_TYPES: Partial<Record<ApiMethod, unknown[][]>> = {
  codes: [['now'], [Number.NaN], [-1], [1.5], [null]],
  nextHotpCode: [[42], [''], [{}]],
  addFromUri: [[42, 'ask'], ['otpauth://x', 'overwrite'], ['', 'ask']],
  addManual: [[{ ...entry, digits: 9 }, 'ask'], [{ ...entry, type: 'motp' }, 'ask'], [{ ...entry, period: '30' }, 'ask'], ['entry', 'ask']],
  renameAccount: [['abc', { issuer: 1, account: 'A' }], ['abc', null]],
  removeAccount: [[null]],
  reorderAccounts: [['a,b'], [[1, 2]]],
  copyCode: [['abc', '0']],
  updateSettings: [
    [{ theme: 'blue' }],
    [{ clipboardClearSeconds: -1 }],
    [{ globalShortcut: 'rm -rf /' }],
    [{ language: 'de' }],
    [null],
    // Issue 12.2: a compromised window set +100 years and 0 s; 0 stays the explicit "never".
    [{ clockOffsetSeconds: 100 * 365 * 86_400 }],
    [{ clockOffsetSeconds: -86_401 }],
    [{ clipboardClearSeconds: 1 }],
    [{ clipboardClearSeconds: 601 }],
  ],
  openLink: [['https://evil.example'], ['__proto__'], ['toString']],
  createBackup: [[''], [null], [42]],
  checkClock: [[''], [null], [42]],
  unlock: [[1234], [null]],
  configureLock: [[null, { pin: '1234', idleMinutes: 7 }], [null, { pin: '1234' }], [null, { pin: '1234', idleMinutes: 5, hash: 'x' }], [1234, null]],
  importFromFile: [
    ['not base64!', null, 'ask'],
    ['QUJD=', null, 'ask'],
    ['', 'pw', 'ask'],
    ['QUJD', '', 'ask'],
    ['QUJD', null, 'merge'],
    [new Uint8Array([1, 2, 3]), null, 'ask'],
  ],
};

/** Per method, argument lists carrying a field the contract does not have. */
const EXTRA_FIELDS: Partial<Record<ApiMethod, unknown[]>> = {
  addManual: [{ ...entry, secretBackup: 'x' }, 'ask'],
  renameAccount: ['abc', { issuer: 'I', account: 'A', id: 'other' }],
  updateSettings: [{ theme: 'dark', devMode: true }],
};

function rejection(method: ApiMethod, args: unknown): TweestapError {
  try {
    validateArgs(method, args);
  } catch (error) {
    expect(error).toBeInstanceOf(TweestapError);
    return error as TweestapError;
  }
  throw new Error(`${method} accepted ${JSON.stringify(args)}`);
}

describe('validateArgs', () => {
  it.each(API_METHODS)('accepts valid arguments for %s', (method) => {
    expect(validateArgs(method, VALID[method])).toEqual(VALID[method]);
  });

  it.each(API_METHODS)('rejects one argument too many and one too few for %s', (method) => {
    const tooMany = rejection(method, [...VALID[method], 'extra']);
    expect(tooMany).toMatchObject({ kind: 'input', key: 'main.input.arity', params: { method, expected: VALID[method].length } });
    if (VALID[method].length > 0) expect(rejection(method, VALID[method].slice(1)).key).toBe('main.input.arity');
    expect(rejection(method, { 0: 'not', length: 1 }).key).toBe('main.input.arity');
  });

  const wrongTypeCases = Object.entries(WRONG_TYPES).flatMap(([method, lists]) => lists.map((args) => [method as ApiMethod, args] as const));
  it.each(wrongTypeCases)('rejects wrong types for %s: %j', (method, args) => {
    expect(rejection(method, args)).toMatchObject({ kind: 'input', params: { method } });
  });

  it.each(Object.entries(EXTRA_FIELDS))('rejects unknown fields for %s', (method, args) => {
    expect(rejection(method as ApiMethod, args)).toMatchObject({ kind: 'input', key: 'main.input.unknownField' });
  });

  it('recoverVault takes no arguments at all: not even an empty options object or a path to move', () => {
    expect(validateArgs('recoverVault', [])).toEqual([]);
    for (const args of [[{}], ['/tmp/vault.json'], [undefined]]) {
      expect(rejection('recoverVault', args)).toMatchObject({ kind: 'input', key: 'main.input.arity', params: { method: 'recoverVault', expected: 0, actual: 1 } });
    }
  });

  it('rejects a URI longer than the limit and accepts one at the limit', () => {
    const atLimit = `otpauth://totp/X?secret=${'A'.repeat(MAX_URI_LENGTH - 24)}`;
    expect(atLimit).toHaveLength(MAX_URI_LENGTH);
    expect(() => validateArgs('addFromUri', [atLimit, 'ask'])).not.toThrow();
    expect(rejection('addFromUri', [`${atLimit}A`, 'ask'])).toMatchObject({ key: 'main.input.tooLong', params: { field: 'uri', max: MAX_URI_LENGTH } });
  });

  it('rejects labels longer than the limit, naming the field', () => {
    const long = 'x'.repeat(MAX_LABEL_LENGTH + 1);
    expect(rejection('renameAccount', ['abc', { issuer: long, account: 'A' }])).toMatchObject({ key: 'main.input.tooLong', params: { field: 'labels.issuer' } });
    expect(rejection('addManual', [{ ...entry, account: long }, 'ask'])).toMatchObject({ key: 'main.input.tooLong', params: { field: 'entry.account' } });
  });

  it('takes an imported file up to the Base64 size of the largest importable file, and a password up to its limit', () => {
    const atLimit = 'A'.repeat(MAX_IMPORT_BASE64_LENGTH);
    expect(() => validateArgs('importFromFile', [atLimit, 'x'.repeat(MAX_PASSWORD_LENGTH), 'replace'])).not.toThrow();
    expect(rejection('importFromFile', [`${atLimit}AAAA`, null, 'ask'])).toMatchObject({ key: 'main.input.tooLong', params: { field: 'data' } });
    expect(rejection('createBackup', ['x'.repeat(MAX_PASSWORD_LENGTH + 1)])).toMatchObject({ key: 'main.input.tooLong', params: { field: 'password' } });
  });

  it('never echoes a rejected value: a secret in the wrong place stays out of the error', () => {
    const canary = 'CANARYSECRETJBSWY3DPEHPK3PXP';
    const errors = [
      rejection('addManual', [{ ...entry, [canary]: 1 }, 'ask']),
      rejection('addFromUri', [`otpauth://totp/X?secret=${canary}`.padEnd(MAX_URI_LENGTH + 1, 'A'), 'ask']),
      rejection('renameAccount', [canary, { issuer: canary, account: 7 }]),
    ];
    for (const error of errors) {
      expect(error.message).not.toContain(canary);
      expect(JSON.stringify(error.params)).not.toContain(canary);
    }
  });

  it('refuses a __proto__ key in an object argument', () => {
    const polluted = JSON.parse('{"theme":"dark","__proto__":{"admin":true}}') as unknown;
    expect(rejection('updateSettings', [polluted]).key).toBe('main.input.unknownField');
  });
});

describe('isApiMethod', () => {
  it('knows the contract methods and nothing inherited', () => {
    expect(API_METHODS.every(isApiMethod)).toBe(true);
    expect(['constructor', '__proto__', 'toString', 'secretOf', 'exportAccounts', ''].some(isApiMethod)).toBe(false);
  });
});
