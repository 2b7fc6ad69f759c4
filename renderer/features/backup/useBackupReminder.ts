/**
 * Whether to show the backup reminder. Main decides whether one is due (accounts not in the last
 * backup, not dismissed in the last 7 days); this hook makes sure the notice appears at most once
 * per app start: once it has been shown and then dismissed or resolved by a backup, it stays away
 * until the app starts again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../../shared/api';
import { api } from '../../api-client';

export interface BackupReminder {
  visible: boolean;
  /** "Not now": hides it for this start, and main keeps it hidden for 7 days. */
  dismiss(): void;
  /** Asks main again (after a backup was made). */
  refresh(): void;
}

/** Checks main's backup status whenever the accounts change or `refresh` is called. */
export function useBackupReminder(accounts: readonly AccountView[]): BackupReminder {
  const phase = useRef<'waiting' | 'shown' | 'over'>('waiting');
  const [visible, setVisible] = useState(false);
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    if (phase.current === 'over') return;
    let cancelled = false;
    api.backupStatus().then(
      ({ reminder }) => {
        if (cancelled || phase.current === 'over') return;
        if (reminder) phase.current = 'shown';
        else if (phase.current === 'shown') phase.current = 'over';
        setVisible(reminder);
      },
      // A reminder is a courtesy: if main cannot say, show none.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [accounts, checks]);

  const dismiss = useCallback(() => {
    phase.current = 'over';
    setVisible(false);
    void api.dismissBackupReminder().catch(() => undefined);
  }, []);
  const refresh = useCallback(() => setChecks((count) => count + 1), []);
  return { visible, dismiss, refresh };
}
