/**
 * The app lock as the window knows it (issue 12.8): main decides and says so with `lock-changed`;
 * this hook only mirrors it. Locked means the window gets no names and no codes from main.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LockStatus } from '../../../shared/api';
import { api, onApiEvent } from '../../api-client';

export interface Lock {
  /** null until main answered (or when it could not: then the window behaves as unlocked, main still refuses). */
  status: LockStatus | null;
  /** Asks main again (after unlocking or changing the lock). */
  refresh(): void;
}

/** Follows main's lock state; `onLockChange` runs when main locks or unlocks the window. */
export function useLock(onLockChange: (locked: boolean) => void): Lock {
  const [status, setStatus] = useState<LockStatus | null>(null);
  const refresh = useCallback(() => {
    api.lockStatus().then(setStatus, () => undefined);
  }, []);
  useEffect(() => {
    refresh();
    return onApiEvent((event) => {
      if (event.type !== 'lock-changed') return;
      onLockChange(event.locked);
      refresh();
    });
  }, [refresh, onLockChange]);
  return { status, refresh };
}
