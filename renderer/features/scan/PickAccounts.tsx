/** Several authenticator QR codes in one scan: add one of them, or all. */
import { displayName } from '../../../shared/otp/label';
import { otpauthLabels } from '../../../shared/otp/uri-labels';
import { useI18n } from '../../i18n/I18nContext';

/** The account's name as the QR code gives it (its secret is never parsed in the window). */
function labelOf(uri: string): string {
  try {
    return displayName(otpauthLabels(uri));
  } catch {
    return uri.split('?')[0] ?? uri;
  }
}

/** The choice; `onPick` gets the links to add, in the order shown. */
export function PickAccounts({ uris, onPick }: { uris: readonly string[]; onPick(uris: string[]): void }) {
  const { t } = useI18n();
  return (
    <div className="scan-pick" role="group" aria-labelledby="scan-pick-heading" data-testid="scan-pick">
      <p id="scan-pick-heading">{t('app.scan.pick.heading')}</p>
      {uris.map((uri) => (
        <button key={uri} type="button" className="button" onClick={() => onPick([uri])}>
          {t('app.scan.pick.one', { name: labelOf(uri) })}
        </button>
      ))}
      <button type="button" className="button primary" onClick={() => onPick([...uris])}>
        {t('app.scan.pick.all', { count: uris.length })}
      </button>
    </div>
  );
}
