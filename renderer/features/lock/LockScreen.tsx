/**
 * The unlock screen (issue 12.8): shown instead of everything else while main keeps the window
 * locked. Keyboard only: the PIN field has focus, Enter unlocks; the heading and every refusal
 * are announced (role alert), and Touch ID is offered where main says the system can.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { LockStatus } from '../../../shared/api';
import { api } from '../../api-client';
import { useAnnounce } from '../../components/Announcer';
import { TextField } from '../../components/TextField';
import { errorText, useI18n } from '../../i18n/I18nContext';

export function LockScreen({ status, onUnlocked }: { status: LockStatus; onUnlocked(): void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => announce(t('app.lock.title')), [announce, t]);

  const attempt = async (unlock: () => Promise<LockStatus>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await unlock();
      setPin('');
      if (!next.locked) onUnlocked();
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pin !== '') void attempt(() => api.unlock(pin));
  };

  return (
    <main className="centered" data-testid="lock-screen">
      <h1>{t('app.lock.title')}</h1>
      <form onSubmit={submit} noValidate>
        <p>{t('app.lock.intro')}</p>
        <TextField label={t('app.lock.pin')} type="password" autoComplete="current-password" value={pin} onChange={setPin} autoFocus />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('app.lock.unlocking') : t('app.lock.unlock')}
        </button>{' '}
        {status.systemUnlock && (
          <button type="button" className="button" disabled={busy} onClick={() => void attempt(() => api.unlockWithSystem())}>
            {t('app.lock.touchId')}
          </button>
        )}
      </form>
    </main>
  );
}
