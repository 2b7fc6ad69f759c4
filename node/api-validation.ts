/**
 * The argument schemas of every method in shared/api.ts. Both hosts (Electron's ipc.ts and the
 * preview host) receive `unknown` and pass it through `validateArgs` before any service sees it.
 *
 * The schemas check shapes, types and sizes only; domain rules (a Base32 secret, a period in
 * range, an account that exists) stay with the services, whose messages are more specific.
 */
import { z } from 'zod';
import type { ApiMethod, LinkName, TweestapApi } from '../shared/api';
import {
  API_METHODS,
  CLIPBOARD_CLEAR_NEVER,
  LINKS,
  LOCK_IDLE_MINUTES,
  MAX_CLIPBOARD_CLEAR_SECONDS,
  MAX_CLOCK_OFFSET_SECONDS,
  MAX_LOCK_PIN_LENGTH,
  MIN_CLIPBOARD_CLEAR_SECONDS,
} from '../shared/api';
import { TweestapError } from '../shared/errors';
import { LOCALES } from '../shared/i18n';
import { ALGORITHMS, DIGITS, OTP_TYPES } from '../shared/otp/types';
import {
  MAX_ACCOUNTS,
  MAX_ID_LENGTH,
  MAX_IMPORT_BASE64_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_SECRET_INPUT_LENGTH,
  MAX_SHORTCUT_LENGTH,
  MAX_URI_LENGTH,
} from '../shared/limits';


const accountId = z.string().min(1).max(MAX_ID_LENGTH);
const label = z.string().max(MAX_LABEL_LENGTH);
/** A moment as Unix ms; 8.64e15 is the largest time a JavaScript Date can hold. */
const unixMs = z.number().int().min(0).max(8.64e15);
const duplicateChoice = z.enum(['ask', 'replace', 'keep-both']);
const wholeNumber = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const lockPin = z.string().max(MAX_LOCK_PIN_LENGTH);
/** Standard Base64 with padding, as the renderer's FileReader produces it. */
const base64File = z
  .string()
  .min(1)
  .max(MAX_IMPORT_BASE64_LENGTH)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .refine((text) => text.length % 4 === 0);

const manualEntry = z.strictObject({
  issuer: label,
  account: label,
  secret: z.string().max(MAX_SECRET_INPUT_LENGTH),
  type: z.enum(OTP_TYPES),
  algorithm: z.enum(ALGORITHMS),
  digits: z.literal([...DIGITS]),
  period: wholeNumber,
  counter: wholeNumber,
});

/**
 * A global shortcut accelerator in Electron's syntax: modifiers and one key joined by `+`,
 * e.g. `CommandOrControl+Alt+T`. Whether the OS lets us register it is checked when applied.
 */
const accelerator = z
  .string()
  .max(MAX_SHORTCUT_LENGTH)
  .regex(/^([A-Za-z]+\+)+[A-Za-z0-9]+$|^F([1-9]|1\d|2[0-4])$/);

/** Every field of Settings (shared/api.ts), strict: unknown keys are refused. */
export const settingsSchema = z.strictObject({
  language: z.enum(['system', ...LOCALES]),
  theme: z.enum(['system', 'light', 'dark']),
  // 0 is the explicit "never" the form offers; below 5 s a code would be gone before it is pasted.
  clipboardClearSeconds: z
    .number()
    .int()
    .max(MAX_CLIPBOARD_CLEAR_SECONDS)
    .refine((seconds) => seconds === CLIPBOARD_CLEAR_NEVER || seconds >= MIN_CLIPBOARD_CLEAR_SECONDS),
  showNextCode: z.boolean(),
  hideFromScreenCapture: z.boolean(),
  trayEnabled: z.boolean(),
  startAtLogin: z.boolean(),
  globalShortcut: accelerator.nullable(),
  scanShortcut: accelerator.nullable(),
  clockOffsetSeconds: z.number().int().min(-MAX_CLOCK_OFFSET_SECONDS).max(MAX_CLOCK_OFFSET_SECONDS),
});

/** One argument: its name (used in error messages) and its schema. */
type ArgSpec = readonly [name: string, schema: z.ZodType];
type ArgsOutput<T extends readonly ArgSpec[]> = { -readonly [K in keyof T]: z.output<T[K][1]> };

/** The argument list of one method, checked against the contract by the `satisfies` below. */
interface MethodArgs<P> {
  readonly specs: readonly ArgSpec[];
  /** Type-only marker tying the specs to the method's parameter tuple. */
  readonly _params?: P;
}

function args<const T extends readonly ArgSpec[]>(...specs: T): MethodArgs<ArgsOutput<T>> {
  return { specs };
}

const METHOD_ARGS = {
  appInfo: args(),
  listAccounts: args(),
  codes: args(['at', unixMs]),
  nextHotpCode: args(['accountId', accountId]),
  addFromUri: args(['uri', z.string().min(1).max(MAX_URI_LENGTH)], ['onDuplicate', duplicateChoice]),
  addManual: args(['entry', manualEntry], ['onDuplicate', duplicateChoice]),
  renameAccount: args(['accountId', accountId], ['labels', z.strictObject({ issuer: label, account: label })]),
  removeAccount: args(['accountId', accountId]),
  reorderAccounts: args(['accountIds', z.array(accountId).max(MAX_ACCOUNTS)]),
  copyCode: args(['accountId', accountId], ['at', unixMs]),
  getSettings: args(),
  updateSettings: args(['patch', settingsSchema.partial()]),
  openLink: args(['name', z.custom<LinkName>((name) => typeof name === 'string' && Object.hasOwn(LINKS, name))]),
  beginScreenCapture: args(),
  beginCameraScan: args(),
  endCameraScan: args(),
  lockStatus: args(),
  unlock: args(['pin', lockPin]),
  unlockWithSystem: args(),
  lockNow: args(),
  // The minimum length is checked by the lock itself, with its own message.
  configureLock: args(['currentPin', lockPin.nullable()], ['next', z.strictObject({ pin: lockPin, idleMinutes: z.literal([...LOCK_IDLE_MINUTES]) }).nullable()]),
  endScreenCapture: args(),
  createBackup: args(['password', password]),
  importFromFile: args(['data', base64File], ['password', password.nullable()], ['onDuplicate', duplicateChoice]),
  backupStatus: args(),
  dismissBackupReminder: args(),
  recoverVault: args(),
  cancelImportBatch: args(),
  pasteFromClipboard: args(),
  checkClock: args(['url', z.string().min(1).max(MAX_URI_LENGTH)]),
  copyDiagnostics: args(),
} satisfies { [M in ApiMethod]: MethodArgs<Parameters<TweestapApi[M]>> };

/** True when `name` is one of the contract's methods (an own key, so `__proto__` is not). */
export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/**
 * Checks the raw arguments of one call against its method's schema and returns them typed.
 * Throws a TweestapError of kind `input` naming the method and the field (never its value,
 * which may be a secret) on wrong arity, wrong types, unknown fields or oversized strings.
 */
export function validateArgs<M extends ApiMethod>(method: M, raw: unknown): Parameters<TweestapApi[M]> {
  const { specs } = METHOD_ARGS[method] as MethodArgs<unknown>;
  if (!Array.isArray(raw) || raw.length !== specs.length) {
    const actual = Array.isArray(raw) ? raw.length : 'no list';
    throw new TweestapError('input', 'main.input.arity', { method, expected: specs.length, actual });
  }
  return specs.map(([name, schema], index) => {
    const result = schema.safeParse(raw[index]);
    if (!result.success) throw inputError(method, name, result.error.issues[0]);
    return result.data;
  }) as Parameters<TweestapApi[M]>;
}

function inputError(method: string, argName: string, issue: z.core.$ZodIssue | undefined): TweestapError {
  const field = [argName, ...(issue?.path ?? []).map(String)].join('.');
  // The unknown key itself is not named: it is caller-chosen text and could be a secret.
  if (issue?.code === 'unrecognized_keys') return new TweestapError('input', 'main.input.unknownField', { method, field });
  if (issue?.code === 'too_big' && issue.origin === 'string') {
    return new TweestapError('input', 'main.input.tooLong', { method, field, max: Number(issue.maximum) });
  }
  return new TweestapError('input', 'main.input.invalid', { method, field });
}
