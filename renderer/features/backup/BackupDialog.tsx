/**
 * "Back up": the user chooses a password (twice); main encrypts every account with it, asks
 * where to save the file (its own save dialog) and writes it. The window hears only the file's
 * name, or that the user cancelled: it never sees a secret nor the backup's bytes.
 */
import { useState, type FormEvent } from 'react';
import type { WindowMessageKey } from '../../i18n/messages';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { DialogButtons } from '../../components/DialogButtons';

/** Shortest password accepted here; main only refuses an empty one (the CLI may script others). */
export const MIN_BACKUP_PASSWORD_LENGTH = 8;

/** Which field is wrong, if any, before anything is sent to main. */
function passwordProblems(password: string, confirm: string): { password?: WindowMessageKey; confirm?: WindowMessageKey } {
  if (password.length < MIN_BACKUP_PASSWORD_LENGTH) return { password: 'app.backup.tooShort' };
  if (password !== confirm) return { confirm: 'app.backup.mismatch' };
  return {};
}

/** The backup form, then where it was saved. `onBackedUp` runs once main has saved the file. */
export function BackupDialog({ onClose, onBackedUp }: { onClose(): void; onBackedUp(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<ReturnType<typeof passwordProblems>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = passwordProblems(password, confirm);
    setProblems(found);
    if (found.password || found.confirm) return;
    setBusy(true);
    setError(null);
    setCancelled(false);
    try {
      const result = await api.createBackup(password);
      // Cancelled: the form stays, with the password, so the next try needs no retyping.
      if (result.status === 'cancelled') {
        setCancelled(true);
        return;
      }
      setPassword('');
      setConfirm('');
      setSaved(result.fileName);
      onBackedUp();
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('app.backup.title')} onClose={onClose}>
      {saved ? (
        <>
          <p role="status">{t('app.backup.saved', { fileName: saved })}</p>
          <DialogButtons actions={[{ label: t('app.action.close'), onClick: onClose, kind: 'primary', autoFocus: true }]} />
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p>{t('app.backup.intro')}</p>
          <TextField
            label={t('app.backup.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            hint={t('app.backup.passwordHint')}
            error={problems.password ? t(problems.password) : null}
            autoFocus
          />
          <TextField
            label={t('app.backup.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={problems.confirm ? t(problems.confirm) : null}
          />
          <p className="warning">{t('app.backup.noRecovery')}</p>
          <p role="status">{cancelled ? t('app.backup.cancelled') : null}</p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <DialogButtons
            actions={[
              { label: t('app.action.cancel'), onClick: onClose },
              { label: busy ? t('app.backup.working') : t('app.backup.create'), submit: true, kind: 'primary', disabled: busy, busy },
            ]}
          />
        </form>
      )}
    </Dialog>
  );
}
