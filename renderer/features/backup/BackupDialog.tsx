/**
 * "Back up": the user chooses a password (twice), main encrypts every account with it, and the
 * encrypted file comes back only to be offered as a download. The renderer never sees a secret.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { base64ToObjectUrl } from './files';
import { DialogButtons } from '../../components/DialogButtons';

/** Shortest password accepted here; main only refuses an empty one (the CLI may script others). */
export const MIN_BACKUP_PASSWORD_LENGTH = 8;

interface SavedBackup {
  fileName: string;
  url: string;
}

/** Which field is wrong, if any, before anything is sent to main. */
function passwordProblems(password: string, confirm: string): { password?: MessageKey; confirm?: MessageKey } {
  if (password.length < MIN_BACKUP_PASSWORD_LENGTH) return { password: 'app.backup.tooShort' };
  if (password !== confirm) return { confirm: 'app.backup.mismatch' };
  return {};
}

/** The backup form, then the download. `onBackedUp` runs once main has made the file. */
export function BackupDialog({ onClose, onBackedUp }: { onClose(): void; onBackedUp(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<ReturnType<typeof passwordProblems>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<SavedBackup | null>(null);
  const download = useRef<HTMLAnchorElement>(null);

  // Start the download once the file is there; free its memory when the dialog closes.
  useEffect(() => {
    if (!saved) return;
    download.current?.click();
    return () => URL.revokeObjectURL(saved.url);
  }, [saved]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = passwordProblems(password, confirm);
    setProblems(found);
    if (found.password || found.confirm) return;
    setBusy(true);
    setError(null);
    try {
      const file = await api.createBackup(password);
      setPassword('');
      setConfirm('');
      setSaved({ fileName: file.fileName, url: base64ToObjectUrl(file.data) });
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
          <p role="status">{t('app.backup.done', { fileName: saved.fileName })}</p>
          <p>
            <a ref={download} href={saved.url} download={saved.fileName} className="link-button">
              {t('app.backup.saveAgain')}
            </a>
          </p>
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
