/** Reading an export's bytes as text and JSON, with the size bound every importer shares. */
import { TweestapError } from '../../shared/errors';
import { MAX_BACKUP_BYTES } from '../../shared/limits';
import { parseJsonOrUndefined } from '../encryption';

/** Largest export we read (the same bound as a backup): memory stays bounded for any file. */
export const MAX_IMPORT_BYTES = MAX_BACKUP_BYTES;

/** Throws TweestapError `backup.tooLarge` for a file larger than MAX_IMPORT_BYTES. */
export function checkImportSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new TweestapError('input', 'backup.tooLarge', { size: bytes.length, max: MAX_IMPORT_BYTES });
  }
}

/** The UTF-8 text of `bytes`, without a byte-order mark. Throws TweestapError `import.notText`. */
export function decodeExportText(bytes: Uint8Array): string {
  try {
    // ignoreBOM false (the default) drops a leading byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TweestapError('input', 'import.notText');
  }
}

/** A JSON object's members, or undefined when `value` is not a plain object. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The JSON object in `text`, or undefined when it is not JSON or not an object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  return asRecord(parseJsonOrUndefined(text));
}
