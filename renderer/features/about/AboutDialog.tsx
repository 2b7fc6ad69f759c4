/** About Tweestap: name, version, what it is, where its data is kept, links and the licence. */
import type { AppInfo, LinkName } from '../../../shared/api';
import type { WindowMessageKey } from '../../i18n/messages';
import { Dialog } from '../../components/Dialog';
import { api } from '../../api-client';
import { useAnnounce } from '../../components/Announcer';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { DialogButtons } from '../../components/DialogButtons';

const KEYCHAIN_NAMES: Record<AppInfo['platform'], WindowMessageKey> = {
  linux: 'app.about.keychain.linux',
  darwin: 'app.about.keychain.darwin',
  win32: 'app.about.keychain.win32',
  other: 'app.about.keychain.other',
};

const LINKS: [LinkName, WindowMessageKey][] = [
  ['nsePortal', 'app.about.portal'],
  ['nseHelpdesk', 'app.about.helpdesk'],
];

/** The About screen; every link goes through main's allow-list (`openLink`). */
export function AboutDialog({ info, onClose }: { info: AppInfo; onClose(): void }) {
  const { t } = useI18n();
  const open = (name: LinkName) => void api.openLink(name).catch(() => undefined);
  return (
    <Dialog title={t('app.about.title')} onClose={onClose}>
      <p>
        <strong>Tweestap</strong> <span data-testid="about-version">{t('app.about.version', { version: info.version })}</span>
      </p>
      <p>{t('app.about.description')}</p>
      <h3>{t('app.about.storage')}</h3>
      <ul className="plain-list">
        <li>{t('app.about.storageSecrets', { keychain: t(KEYCHAIN_NAMES[info.platform]) })}</li>
        <li>
          {t('app.about.storageData')} <code className="selectable">{info.dataDir}</code>
        </li>
      </ul>
      <h3>{t('app.about.links')}</h3>
      <ul className="plain-list">
        {LINKS.map(([name, key]) => (
          <li key={name}>
            <button type="button" className="link-button" onClick={() => open(name)}>
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
      <CopyDiagnosis />
      <p>
        {t('app.about.licence')}{' '}
        <button type="button" className="link-button" onClick={() => open('licence')}>
          {t('app.about.licenceLink')}
        </button>
      </p>
      <DialogButtons actions={[{ label: t('app.action.close'), onClick: onClose, kind: 'primary', autoFocus: true }]} />
    </Dialog>
  );
}

/** "Copy diagnosis": main builds and copies it, with no label, no secret and no path (node/diagnostics.ts). */
function CopyDiagnosis() {
  const { t } = useI18n();
  // Inside the dialog, so the dialog's own live region says it.
  const announce = useAnnounce();
  const copy = async () => {
    try {
      await api.copyDiagnostics();
      announce(t('app.about.diagnosisCopied'));
    } catch (error) {
      announce(errorText(t, error));
    }
  };
  return (
    <>
      <p className="field-hint" id="diagnosis-hint">
        {t('app.about.diagnosisHint')}
      </p>
      <button type="button" className="button" aria-describedby="diagnosis-hint" onClick={() => void copy()}>
        {t('app.about.copyDiagnosis')}
      </button>
    </>
  );
}
