/** The "Backup and information" part of Settings: when the last backup was made, and the ways to the dialogs. */
import { useEffect, useState } from 'react';
import { api } from '../../api-client';
import { useI18n } from '../../i18n/I18nContext';
import type { Panel } from './panels';
import { DialogButtons } from '../../components/DialogButtons';

/** Shows the last backup's date and opens the backup, restore and About dialogs. */
export function BackupSection({ onOpen }: { onOpen(panel: Panel): void }) {
  const { t, locale } = useI18n();
  const [lastBackupAt, setLastBackupAt] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    api.backupStatus().then(
      (status) => !cancelled && setLastBackupAt(status.lastBackupAt),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const date = lastBackupAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(lastBackupAt) : null;
  return (
    <fieldset className="testers">
      <legend>{t('app.backup.section')}</legend>
      {lastBackupAt !== undefined && <p className="field-hint">{date ? t('app.backup.lastBackup', { date }) : t('app.backup.never')}</p>}
      <DialogButtons
        align="start"
        actions={[
          { label: t('app.backup.open'), onClick: () => onOpen('backup') },
          { label: t('app.backup.restoreOpen'), onClick: () => onOpen('restore') },
          { label: t('app.about.open'), onClick: () => onOpen('about') },
        ]}
      />
    </fieldset>
  );
}
