/**
 * The window: header (search, add, settings), the tester clock banner, the account list or the
 * first-time walkthrough, and the dialogs. State comes from main through the bridge.
 */
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView, Settings } from '../shared/api';
import { AnnouncerProvider } from './components/Announcer';
import { DialogBoundary } from './components/DialogBoundary';
import { DialogLoading, lazyDialog } from './components/LazyDialog';
import { AccountList } from './features/accounts/AccountList';
import { EmptyState } from './features/accounts/EmptyState';
import { BackupReminderNotice } from './features/backup/BackupReminderNotice';
import type { Panel } from './features/backup/panels';
import { useBackupReminder } from './features/backup/useBackupReminder';
import type { Incoming } from './features/add/incoming';
import { KeychainProblem } from './features/KeychainProblem';
import { LockScreen } from './features/lock/LockScreen';
import { useLock } from './features/lock/useLock';
import { api, onApiEvent } from './api-client';
import { errorText, I18nProvider, useI18n, useLoadedLocale } from './i18n/I18nContext';
import { MessagesMissing } from './i18n/MessagesMissing';
import { useAppData, type AppData } from './state/useAppData';
import { useCodes } from './state/useCodes';
import { resolveLocale, useDocumentLook } from './state/useDocumentLook';
import { useWindowInput } from './state/useWindowInput';

const AboutDialog = lazyDialog('AboutDialog');
const AddDialog = lazyDialog('AddDialog');
const BackupDialog = lazyDialog('BackupDialog');
const CodeHelp = lazyDialog('CodeHelp');
const RestoreDialog = lazyDialog('RestoreDialog');
const SettingsDialog = lazyDialog('SettingsDialog');

/** The root: picks the locale and theme, then renders the right first screen. */
export function App() {
  const data = useAppData();
  const wanted = resolveLocale(data.settings, data.info);
  const { locale, failed } = useLoadedLocale(wanted);
  useDocumentLook(locale ?? wanted, data.settings?.theme);
  if (failed) return <MessagesMissing />;
  if (!locale) return null;
  return (
    <I18nProvider locale={locale}>
      <AnnouncerProvider>
        <Screen data={data} />
      </AnnouncerProvider>
    </I18nProvider>
  );
}

function Screen({ data }: { data: AppData }) {
  const { t } = useI18n();
  const { setAccounts, retry } = data;
  // Locked: forget the names held so far; unlocked: load everything again.
  const lock = useLock(useCallback((locked: boolean) => (locked ? setAccounts([]) : retry()), [setAccounts, retry]));
  if (lock.status?.locked) return <LockScreen status={lock.status} onUnlocked={lock.refresh} />;
  if (data.loadError) {
    return (
      <main className="centered">
        <h1>Tweestap</h1>
        <p role="alert">{errorText(t, data.loadError)}</p>
        <button type="button" className="button primary" onClick={data.retry}>
          {t('app.keychain.retry')}
        </button>
      </main>
    );
  }
  if (data.info?.keychainProblem) return <KeychainProblem problem={data.info.keychainProblem} onRetry={data.retry} />;
  if (!data.settings || !data.accounts) {
    return (
      <main className="centered" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  }
  return <MainScreen data={data} settings={data.settings} accounts={data.accounts} />;
}

type AddState = { incoming: { id: number; value: Incoming } | null; readd: AccountView | null };

function MainScreen({ data, settings, accounts }: { data: AppData; settings: Settings; accounts: AccountView[] }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState<AddState | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [panel, setPanel] = useState<Panel | null>(null);
  const reminder = useBackupReminder({ paused: adding !== null });
  const search = useRef<HTMLInputElement>(null);
  const incomingCount = useRef(0);
  const offsetMs = settings.clockOffsetSeconds * 1000;
  const codes = useCodes(accounts, offsetMs);
  const { reloadAccounts, setSettings, setAccounts } = data;

  const openAdd = useCallback((readd: AccountView | null = null) => setAdding({ incoming: null, readd }), []);
  const onIncoming = useCallback((value: Incoming) => {
    incomingCount.current += 1;
    const id = incomingCount.current;
    setAdding((old) => ({ readd: old?.readd ?? null, incoming: { id, value } }));
  }, []);
  useWindowInput({
    onIncoming,
    onTypeToSearch: () => search.current?.focus(),
    listening: !adding && !settingsOpen && !panel,
  });
  const onAdded = useCallback(() => void reloadAccounts(), [reloadAccounts]);
  // Tray menu and global shortcut: open Add account and scan the screen straight away.
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type === 'scan-screen') onIncoming({ scan: 'screen' });
      }),
    [onIncoming],
  );

  return (
    <>
      <header className="app-header">
        <h1 className="app-title">Tweestap</h1>
        {accounts.length > 0 && (
          <input
            ref={search}
            type="search"
            className="search"
            placeholder={t('app.search.placeholder')}
            aria-label={t('app.search.label')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setQuery('');
            }}
          />
        )}
        <button type="button" className="icon-button large" aria-label={t('app.add.title')} title={t('app.add.title')} onClick={() => openAdd()}>
          +
        </button>
        <button type="button" className="icon-button large" aria-label={t('app.settings.title')} title={t('app.settings.title')} onClick={() => setSettingsOpen(true)}>
          ⚙
        </button>
      </header>
      {settings.clockOffsetSeconds !== 0 && (
        <div className="banner" role="status" data-testid="offset-banner">
          <span>{t('app.offset.banner', { seconds: `${settings.clockOffsetSeconds > 0 ? '+' : ''}${settings.clockOffsetSeconds}` })}</span>
          <button
            type="button"
            className="button"
            onClick={() => void api.updateSettings({ clockOffsetSeconds: 0 }).then(setSettings, () => undefined)}
          >
            {t('app.offset.off')}
          </button>
        </div>
      )}
      {reminder.visible && <BackupReminderNotice unsaved={reminder.unsaved} total={reminder.total} onBackup={() => setPanel('backup')} onDismiss={reminder.dismiss} />}
      <main className="app-main">
        {accounts.length === 0 ? (
          <EmptyState onScan={() => onIncoming({ scan: 'screen' })} onAdd={() => openAdd()} />
        ) : (
          <AccountList accounts={accounts} codes={codes} settings={settings} query={query} onAccountsChange={setAccounts} onReadd={openAdd} onCodeCopied={reminder.noteUsed} />
        )}
      </main>
      <DialogBoundary
        onGiveUp={() => {
          setAdding(null);
          setSettingsOpen(false);
          setPanel(null);
        }}
      >
        {adding && (
          <AddDialog
            codes={codes}
            offsetMs={offsetMs}
            incoming={adding.incoming}
            readd={adding.readd}
            info={data.info}
            codeHelp={
              // Its own boundary: while it loads, the Add account dialog around it stays shown.
              <Suspense fallback={<DialogLoading />}>
                <CodeHelp offsetSeconds={settings.clockOffsetSeconds} onSettings={setSettings} />
              </Suspense>
            }
            onAdded={onAdded}
            onClose={() => setAdding(null)}
          />
        )}
        {settingsOpen && (
          <SettingsDialog
            settings={settings}
            contentProtection={data.info?.contentProtection ?? false}
            onChange={setSettings}
            onClose={() => setSettingsOpen(false)}
            onOpenPanel={(next) => {
              setSettingsOpen(false);
              setPanel(next);
            }}
          />
        )}
        {panel === 'backup' && <BackupDialog onClose={() => setPanel(null)} onBackedUp={reminder.refresh} />}
        {panel === 'restore' && <RestoreDialog onClose={() => setPanel(null)} />}
        {panel === 'about' && data.info && <AboutDialog info={data.info} onClose={() => setPanel(null)} />}
      </DialogBoundary>
    </>
  );
}
