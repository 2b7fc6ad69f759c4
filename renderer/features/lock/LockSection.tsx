/**
 * "App lock" in Settings (issue 12.8, off by default): turn it on with a PIN or password (twice)
 * and an idle time, lock now, or turn it off with the current PIN. Main keeps only a hash.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { LOCK_IDLE_MINUTES, MAX_LOCK_PIN_LENGTH, MIN_LOCK_PIN_LENGTH, type LockStatus } from '../../../shared/api';
import { api } from '../../api-client';
import { useAnnounce } from '../../components/Announcer';
import { DialogButtons } from '../../components/DialogButtons';
import { TextField } from '../../components/TextField';
import { errorText, useI18n } from '../../i18n/I18nContext';

type Form = 'none' | 'turn-on' | 'turn-off';

export function LockSection() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const idleId = useId();
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [form, setForm] = useState<Form>('none');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [current, setCurrent] = useState('');
  const [idleMinutes, setIdleMinutes] = useState<number>(5);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.lockStatus().then(setStatus, () => undefined);
  }, []);

  const open = (next: Form) => {
    setForm(next);
    setPin('');
    setConfirm('');
    setCurrent('');
    setProblem(null);
    setError(null);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (form === 'turn-on' && (pin.length < MIN_LOCK_PIN_LENGTH || pin.length > MAX_LOCK_PIN_LENGTH)) return setProblem(t('lock.pinLength', { min: MIN_LOCK_PIN_LENGTH, max: MAX_LOCK_PIN_LENGTH }));
    if (form === 'turn-on' && pin !== confirm) return setProblem(t('app.lock.mismatch'));
    try {
      const next = await api.configureLock(status?.enabled ? current : null, form === 'turn-on' ? { pin, idleMinutes } : null);
      setStatus(next);
      open('none');
      announce(t(next.enabled ? 'app.lock.turnedOn' : 'app.lock.turnedOff'));
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };

  if (!status) return null;
  return (
    <fieldset className="testers" data-testid="lock-section">
      <legend>{t('app.lock.section')}</legend>
      <p className="field-hint">{status.enabled && status.idleMinutes !== null ? t('app.lock.on', { minutes: status.idleMinutes }) : t('app.lock.off')}</p>
      {form === 'none' ? (
        <DialogButtons
          align="start"
          actions={
            status.enabled
              ? [
                  { label: t('app.lock.lockNow'), onClick: () => void api.lockNow().catch(() => undefined) },
                  { label: t('app.lock.turnOff'), onClick: () => open('turn-off') },
                ]
              : [{ label: t('app.lock.turnOn'), onClick: () => open('turn-on') }]
          }
        />
      ) : (
        <form onSubmit={(event) => void save(event)} noValidate>
          {status.enabled && <TextField label={t('app.lock.currentPin')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} autoFocus />}
          {form === 'turn-on' && (
            <>
              <TextField label={t('app.lock.newPin')} hint={t('app.lock.newPinHint')} type="password" autoComplete="new-password" value={pin} onChange={setPin} autoFocus={!status.enabled} />
              <TextField label={t('app.lock.confirmPin')} type="password" autoComplete="new-password" value={confirm} onChange={setConfirm} error={problem} />
              <div className="field">
                <label htmlFor={idleId}>{t('app.lock.idle')}</label>
                <select id={idleId} value={idleMinutes} onChange={(event) => setIdleMinutes(Number(event.target.value))}>
                  {LOCK_IDLE_MINUTES.map((minutes) => (
                    <option key={minutes} value={minutes}>
                      {minutes}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <DialogButtons
            align="start"
            actions={[
              { label: t('app.action.cancel'), onClick: () => open('none') },
              { label: form === 'turn-on' ? t('app.lock.save') : t('app.lock.turnOff'), submit: true, kind: 'primary' },
            ]}
          />
        </form>
      )}
    </fieldset>
  );
}
