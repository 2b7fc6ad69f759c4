/**
 * What the whole window needs from main: app info, settings and the account list, loaded at start
 * and kept fresh from the events main pushes (another window, the tray or the CLI changed them).
 */
import { useCallback, useEffect, useState } from 'react';
import type { AccountView, AppInfo, Settings } from '../../shared/api';
import { api, onApiEvent } from '../api-client';

export interface AppData {
  info: AppInfo | null;
  settings: Settings | null;
  accounts: AccountView[] | null;
  /** Set when the first load failed (e.g. the preview host is gone). */
  loadError: unknown;
  setAccounts(accounts: AccountView[]): void;
  setSettings(settings: Settings): void;
  reloadAccounts(): Promise<void>;
  /** Loads everything again (after a keychain problem was fixed). */
  retry(): void;
}

/** Loads app info, settings and accounts, and follows main's change events. */
export function useAppData(): AppData {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const reloadAccounts = useCallback(async () => {
    try {
      setAccounts(await api.listAccounts());
    } catch (error) {
      setLoadError(error);
    }
  }, []);

  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setLoadError(null);
    setAttempt((count) => count + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [appInfo, loaded] = await Promise.all([api.appInfo(), api.getSettings()]);
        if (cancelled) return;
        setInfo(appInfo);
        setSettings(loaded);
        // With a keychain problem the first screen explains it; the list would only fail.
        if (!appInfo.keychainProblem) await reloadAccounts();
      } catch (error) {
        if (!cancelled) setLoadError(error);
      }
    })();
    const unsubscribe = onApiEvent((event) => {
      if (event.type === 'accounts-changed') void reloadAccounts();
      if (event.type === 'settings-changed') setSettings(event.settings);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [reloadAccounts, attempt]);

  return { info, settings, accounts, loadError, setAccounts, setSettings, reloadAccounts, retry };
}
