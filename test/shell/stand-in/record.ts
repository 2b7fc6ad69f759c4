/**
 * What main did with the stand-in, in order: every call a test may want to check (a dialog shown,
 * a protocol client registered, a shortcut registered). Kept in memory and handed to the test over
 * the control channel only; never printed (arguments can hold a code or an otpauth link).
 */
export interface RecordedCall {
  part: string;
  method: string;
  args: unknown[];
}

const calls: RecordedCall[] = [];

export function record(part: string, method: string, ...args: unknown[]): void {
  calls.push({ part, method, args: args.map((arg) => plain(arg, 0)) });
}

export function recordedCalls(): RecordedCall[] {
  return calls;
}

/** One message main sent a renderer: an `ipcRenderer.invoke` reply or a `webContents.send`. */
export interface DeliveredMessage {
  kind: 'reply' | 'send';
  channel: string;
  /** The message as JSON text, exactly what the page received. */
  json: string;
}

const delivered: DeliveredMessage[] = [];

/**
 * Everything main handed to its renderers, kept like the calls (memory, control channel only) so
 * a test can search it, e.g. for a secret that must never reach the window.
 */
export function recordDelivered(kind: DeliveredMessage['kind'], channel: string, message: unknown): void {
  delivered.push({ kind, channel, json: JSON.stringify(message) ?? 'undefined' });
}

export function deliveredMessages(): DeliveredMessage[] {
  return delivered;
}

/** A structured-clone-safe copy: functions and Electron objects become short descriptions. */
export function plain(value: unknown, depth = 0): unknown {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return value;
  if (typeof value === 'function') return '[function]';
  if (Buffer.isBuffer(value)) return `[buffer ${value.length} bytes]`;
  if (depth > 4) return '[…]';
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  if (typeof value === 'object') {
    const described = (value as { standInDescription?: () => string }).standInDescription;
    if (typeof described === 'function') return described.call(value);
    return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, plain(item, depth + 1)]));
  }
  return String(value);
}
