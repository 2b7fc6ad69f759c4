/**
 * One account's code with its countdown. It alone re-renders every second (the shared ticker), so
 * the rows around it stay memoised. At the step boundary it switches to the `next` code it already
 * has, so the display is exact to the second even before main answers the new `codes()` call.
 */
import type { CodeView } from '../../../shared/api';
import { useI18n } from '../../i18n/I18nContext';
import { useNow } from '../../state/ticker';
import { groupCode, secondsLeft } from './format';

/** The next code is shown during the last seconds of a step. */
export const NEXT_CODE_SECONDS = 5;

interface LiveCodeProps {
  code: CodeView;
  showNextCode: boolean;
  /** The tester clock offset; codes are valid on the shifted clock. */
  offsetMs: number;
}

/** The current code (large, grouped), seconds left, and the next code near the end of a step. */
export function LiveCode({ code, showNextCode, offsetMs }: LiveCodeProps) {
  const { t } = useI18n();
  const now = useNow() + offsetMs;
  const current = now < code.validUntil ? code : code.next;
  const left = secondsLeft(current.validUntil, now);
  const period = Math.round((current.validUntil - current.validFrom) / 1000);
  const nextSoon = showNextCode && current === code && left <= NEXT_CODE_SECONDS;

  return (
    <span className="live-code">
      <span className="code" data-testid="code">
        {groupCode(current.code)}
      </span>
      <span className="countdown" data-testid="countdown" data-urgent={left <= NEXT_CODE_SECONDS || undefined}>
        <span className="countdown-bar" aria-hidden="true">
          <span className="countdown-fill" style={{ width: `${(100 * left) / Math.max(period, 1)}%` }} />
        </span>
        <span className="countdown-text">{t('app.code.secondsLeft', { seconds: left })}</span>
      </span>
      {nextSoon && (
        <span className="next-code" data-testid="next-code">
          {t('app.code.next', { code: groupCode(code.next.code) })}
        </span>
      )}
    </span>
  );
}
