/**
 * "Klok controleren" (issue 14.2), in Settings and in the "code not accepted?" help: the user
 * confirms the site (the NSE Portal by default), main compares its clock with the site's Date
 * header (the app's only network request, only now), and a clock that is off by more than a few
 * seconds can be corrected inside Tweestap (the clock offset, shown in the banner) with an undo.
 */
import { useId, useState } from 'react';
import { LINKS, type ClockCheck as ClockCheckResult, type Settings } from '../../../shared/api';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';

/** Offsets within this many seconds are left alone: the Date header has whole seconds only. */
const TOLERANCE_SECONDS = 2;

interface ClockCheckProps {
  /** The current clock offset setting (seconds). */
  offsetSeconds: number;
  onSettings(settings: Settings): void;
}

/** The site field, the check button, the result and the offer to correct (and undo). */
export function ClockCheck({ offsetSeconds, onSettings }: ClockCheckProps) {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState<string>(LINKS.nsePortal);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ClockCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoTo, setUndoTo] = useState<number | null>(null);

  const check = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.checkClock(url));
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };
  const setOffset = async (seconds: number, undo: number | null) => {
    try {
      onSettings(await api.updateSettings({ clockOffsetSeconds: seconds }));
      setUndoTo(undo);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };

  const seconds = result ? Math.round(result.offsetMs / 1000) : 0;
  const host = result ? new URL(result.url).host : '';
  return (
    <div className="clock-check" data-testid="clock-check">
      <p className="field-hint">{t('app.clock.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('app.clock.site')}</label>
        <input id={`${id}-url`} type="text" inputMode="url" value={url} onChange={(event) => setUrl(event.target.value)} />
      </div>
      <button type="button" className="button" disabled={busy} aria-busy={busy || undefined} onClick={() => void check()}>
        {t('app.clock.check')}
      </button>
      <div role="status">
        {busy && <p className="field-hint">{t('app.clock.checking')}</p>}
        {error && <p className="field-error">{error}</p>}
        {result && (
          <p>
            {Math.abs(seconds) <= TOLERANCE_SECONDS
              ? t('clock.onTime', { host, seconds: TOLERANCE_SECONDS })
              : t(seconds > 0 ? 'clock.behind' : 'clock.ahead', { host, seconds: Math.abs(seconds) })}
          </p>
        )}
      </div>
      {result && Math.abs(seconds) > TOLERANCE_SECONDS && seconds !== offsetSeconds && undoTo === null && (
        <button type="button" className="button primary" onClick={() => void setOffset(seconds, offsetSeconds)}>
          {t('app.clock.apply', { seconds: `${seconds > 0 ? '+' : ''}${seconds}` })}
        </button>
      )}
      {undoTo !== null && (
        <p>
          {t('app.clock.applied')}{' '}
          <button type="button" className="button" onClick={() => void setOffset(undoTo, null)}>
            {t('app.clock.undo')}
          </button>
        </p>
      )}
    </div>
  );
}
