/**
 * The current and next code of every TOTP account, asked from main with the renderer clock and
 * asked again the moment the earliest code expires (each account has its own period).
 */
import { useEffect, useState } from 'react';
import type { AccountView, CodeView } from '../../shared/api';
import { api } from '../api-client';

export type CodesById = ReadonlyMap<string, CodeView>;

const NO_CODES: CodesById = new Map();

/**
 * Codes keyed by account id. `offsetMs` is the tester clock offset: main computes the codes at
 * `at + offset`, so their validity times are on that shifted clock.
 */
export function useCodes(accounts: readonly AccountView[] | null, offsetMs: number): CodesById {
  const [codes, setCodes] = useState<CodesById>(NO_CODES);
  const anyTotp = !!accounts?.some((account) => account.type === 'totp' && !account.secretMissing);

  useEffect(() => {
    if (!anyTotp) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async (): Promise<void> => {
      let views: CodeView[] = [];
      try {
        views = await api.codes(Date.now());
      } catch {
        // Keep the old codes; the next attempt comes in a second.
      }
      if (cancelled) return;
      setCodes(new Map(views.map((view) => [view.accountId, view])));
      const earliest = Math.min(...views.map((view) => view.validUntil - offsetMs));
      const wait = Number.isFinite(earliest) ? Math.max(0, earliest - Date.now()) : 1000;
      timer = setTimeout(() => void refresh(), Math.max(wait, 50));
    };
    void refresh();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [accounts, anyTotp, offsetMs]);

  return anyTotp ? codes : NO_CODES;
}
