/** Recognising which kind of export a file is, from its bytes alone (no password needed). */
import { looksLikeBackup } from '../backup';
import { asRecord, decodeExportText, MAX_IMPORT_BYTES, parseJsonObject } from './text';
import { isUriLine } from './uri-list';

export const IMPORT_FORMATS = ['uri-list', 'aegis-plain', 'aegis-encrypted', 'twofas', 'tweestap-backup', 'unknown'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format of a JSON export, from the members that identify it. */
function jsonFormat(json: Record<string, unknown>): ImportFormat {
  const header = asRecord(json.header);
  if (header && 'db' in json) {
    if (typeof json.db === 'string') return 'aegis-encrypted';
    return asRecord(json.db) ? 'aegis-plain' : 'unknown';
  }
  return Array.isArray(json.services) ? 'twofas' : 'unknown';
}

/**
 * Which importer reads `bytes`: a Tweestap backup (by its first bytes), an Aegis vault (plain or
 * encrypted), a 2FAS export (plain or encrypted), a text with at least one otpauth:// or
 * otpauth-migration:// line, or 'unknown' (also for a file too large to import). Never throws.
 */
export function detectImportFormat(bytes: Uint8Array): ImportFormat {
  if (looksLikeBackup(bytes)) return 'tweestap-backup';
  if (bytes.length > MAX_IMPORT_BYTES) return 'unknown';
  let text: string;
  try {
    text = decodeExportText(bytes);
  } catch {
    return 'unknown';
  }
  if (text.trimStart().startsWith('{')) {
    const json = parseJsonObject(text);
    return json ? jsonFormat(json) : 'unknown';
  }
  return text.split(/\r\n|\r|\n/).some(isUriLine) ? 'uri-list' : 'unknown';
}
