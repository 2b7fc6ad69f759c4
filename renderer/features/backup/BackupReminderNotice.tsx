/** The non-modal backup reminder above the list: make a backup now, or not now. */
import { useId } from 'react';
import type { MessageParams } from '../../../shared/i18n/locale';
import type { WindowMessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/I18nContext';

interface BackupReminderNoticeProps {
  /** Accounts not in the last backup, of all accounts. */
  unsaved: number;
  total: number;
  onBackup(): void;
  onDismiss(): void;
}

/** "Your account" / "Your 3 accounts" / "2 of your 5 accounts" are not in a backup yet. */
export function reminderMessage(unsaved: number, total: number): { key: WindowMessageKey; params: MessageParams } {
  if (unsaved < total) return { key: 'app.backup.reminderSome', params: { count: unsaved, total } };
  return unsaved === 1 ? { key: 'app.backup.reminderOne', params: {} } : { key: 'app.backup.reminderAll', params: { count: unsaved } };
}

/** A small notice with two buttons; it never takes the focus. */
export function BackupReminderNotice({ unsaved, total, onBackup, onDismiss }: BackupReminderNoticeProps) {
  const { t } = useI18n();
  const textId = useId();
  const message = reminderMessage(unsaved, total);
  return (
    <section className="banner backup-reminder" aria-label={t('app.backup.reminderLabel')} aria-describedby={textId} data-testid="backup-reminder">
      <span id={textId}>{t(message.key, message.params)}</span>
      <button type="button" className="button primary" onClick={onBackup}>
        {t('app.backup.reminderAction')}
      </button>
      <button type="button" className="button" onClick={onDismiss}>
        {t('app.backup.reminderLater')}
      </button>
    </section>
  );
}
