/** The non-modal backup reminder above the list: make a backup now, or not now. */
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nContext';

/** A small notice with two buttons; it never takes the focus. */
export function BackupReminderNotice({ onBackup, onDismiss }: { onBackup(): void; onDismiss(): void }) {
  const { t } = useI18n();
  const textId = useId();
  return (
    <section className="banner backup-reminder" aria-label={t('app.backup.reminderLabel')} aria-describedby={textId} data-testid="backup-reminder">
      <span id={textId}>{t('app.backup.reminder')}</span>
      <button type="button" className="button primary" onClick={onBackup}>
        {t('app.backup.reminderAction')}
      </button>
      <button type="button" className="button" onClick={onDismiss}>
        {t('app.backup.reminderLater')}
      </button>
    </section>
  );
}
