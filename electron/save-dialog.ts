/**
 * Main's save dialog for a backup (issue 12, part 2: the window never receives the backup's
 * bytes; main asks where and writes the file). Pure: the options and the reading of the answer.
 */
import path from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { BACKUP_EXTENSION } from '../node/backup';
import { translate, type Locale } from '../shared/i18n';

/** The dialog's options: the suggested name in `folder` (the user's documents), backups only, asking before replacing. */
export function backupSaveDialogOptions(suggestedName: string, folder: string, locale: Locale): SaveDialogOptions {
  return {
    title: translate(locale, 'main.backup.saveTitle'),
    defaultPath: path.join(folder, suggestedName),
    filters: [{ name: translate(locale, 'main.backup.fileType'), extensions: [BACKUP_EXTENSION] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * The file to write, or null when the user cancelled. A name typed without an extension gets
 * `.tweestap` (Linux dialogs do not add it), so a restore later finds the file by its type.
 */
export function chosenBackupPath(answer: Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>): string | null {
  if (answer.canceled || !answer.filePath) return null;
  return path.extname(answer.filePath) === '' ? `${answer.filePath}.${BACKUP_EXTENSION}` : answer.filePath;
}
