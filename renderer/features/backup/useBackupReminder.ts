/**
 * Whether to show the backup reminder. Main decides whether one is due (accounts not in the last
 * backup, not dismissed in the last 7 days); this hook makes sure the notice appears at most once
 * per app start: once it has been shown and then dismissed or resolved by a backup, it stays away
 * until the app starts again.
 *
 * It never interrupts enrolment (issue 14): it asks main when the window opens and when a code is
 * used (`noteUsed`), not when an account is added, and it stays hidden while `paused` (the Add
 * dialog is open). An account added now is thus first mentioned once it was used, or at the next start.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupStatus } from '../../../shared/api';
import { api } from '../../api-client';

export interface BackupReminder {
  visible: boolean;
  /** The accounts not in the last backup, of all: the notice's wording. */
  unsaved: number;
  total: number;
  /** A code was copied from the list: the accounts are in use, so a due reminder may show. */
  noteUsed(): void;
  /** "Not now": hides it for this start, and main keeps it hidden for 7 days. */
  dismiss(): void;
  /** Asks main again (after a backup was made). */
  refresh(): void;
}

/** Checks main's backup status whenever the accounts change or `refresh` is called. */
export function useBackupReminder({ paused }: { paused: boolean }): BackupReminder {
  const phase = useRef<'waiting' | 'shown' | 'over'>('waiting');
  const [status, setStatus] = useState<Pick<BackupStatus, 'reminder' | 'unsavedAccounts' | 'totalAccounts'> | null>(null);
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    if (phase.current === 'over') return;
    let cancelled = false;
    api.backupStatus().then(
      (next) => {
        if (cancelled || phase.current === 'over') return;
        if (next.reminder) phase.current = 'shown';
        else if (phase.current === 'shown') phase.current = 'over';
        setStatus(next);
      },
      // A reminder is a courtesy: if main cannot say, show none.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [checks]);

  const dismiss = useCallback(() => {
    phase.current = 'over';
    setStatus(null);
    void api.dismissBackupReminder().catch(() => undefined);
  }, []);
  const refresh = useCallback(() => setChecks((count) => count + 1), []);
  const visible = !paused && (status?.reminder ?? false);
  return { visible, unsaved: status?.unsavedAccounts ?? 0, total: status?.totalAccounts ?? 0, noteUsed: refresh, dismiss, refresh };
}
