/**
 * Importing another authenticator's export, or a Tweestap backup: recognise the format, read
 * every account, and say which entries were skipped and why. Nothing is stored here; the caller
 * adds the accounts (all of them after a full read, so a failure changes nothing).
 */
import { TweestapError } from '../../shared/errors';
import { decryptBackup } from '../backup';
import { importAegis } from './aegis';
import { detectImportFormat, type ImportFormat } from './detect';
import type { ImportResult } from './result';
import { checkImportSize, decodeExportText } from './text';
import { import2fas } from './twofas';
import { importUriList } from './uri-list';

export { importAegis } from './aegis';
export { detectImportFormat, IMPORT_FORMATS, type ImportFormat } from './detect';
export type { ImportResult, SkippedEntry } from './result';
export { MAX_IMPORT_BYTES } from './text';
export { import2fas } from './twofas';
export { importUriList } from './uri-list';

/** An imported file: its format, the accounts read and the entries skipped. */
export interface ImportedFile extends ImportResult {
  format: Exclude<ImportFormat, 'unknown'>;
  /** Only for a Tweestap backup: when it was made (Unix milliseconds). */
  createdAt?: number;
}

/**
 * Reads any supported export from its bytes. `password` is needed for an encrypted Aegis vault,
 * a password-protected 2FAS export and a Tweestap backup; without it those throw
 * `import.passwordRequired`, so a caller can ask and call again. Throws only TweestapError
 * (kind input): `backup.tooLarge`, `import.unknownFormat`, `import.noAccounts` (nothing importable and nothing
 * skipped), and the errors of the format's importer. Key derivation runs off the event loop, after
 * its cost was checked.
 */
export async function importFile(bytes: Uint8Array, password?: string): Promise<ImportedFile> {
  checkImportSize(bytes);
  const format = detectImportFormat(bytes);
  const imported = await readFormat(format, bytes, password);
  if (imported.accounts.length === 0 && imported.skipped.length === 0) {
    throw new TweestapError('input', 'import.noAccounts');
  }
  return imported;
}

async function readFormat(format: ImportFormat, bytes: Uint8Array, password: string | undefined): Promise<ImportedFile> {
  switch (format) {
    case 'tweestap-backup': {
      if (password === undefined) throw new TweestapError('input', 'import.passwordRequired');
      const { createdAt, accounts } = await decryptBackup(bytes, password);
      return { format, createdAt, accounts, skipped: [] };
    }
    case 'aegis-plain':
    case 'aegis-encrypted':
      return { format, ...(await importAegis(decodeExportText(bytes), password)) };
    case 'twofas':
      return { format, ...(await import2fas(decodeExportText(bytes), password)) };
    case 'uri-list':
      return { format, ...importUriList(decodeExportText(bytes)) };
    case 'unknown':
      throw new TweestapError('input', 'import.unknownFormat');
  }
}
