/** Copying a code (main computes and copies it) with the spoken and shown confirmation. */
import { useCallback } from 'react';
import type { AccountView } from '../../../shared/api';
import { api } from '../../api-client';
import { useAnnounce } from '../../components/Announcer';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { accountLabel } from './AccountRow';

export interface CopyOptions {
  /** The moment whose code to copy (renderer clock, Unix ms); default now. A later moment copies a later code. */
  at?: number;
  /** Said instead of "Code of … copied." (e.g. the added-account confirmation). */
  confirmation?: string;
}

/** A stable function that copies the account's code and announces it; true when it was copied. */
export function useCopyCode(): (account: AccountView, options?: CopyOptions) => Promise<boolean> {
  const { t } = useI18n();
  const announce = useAnnounce();
  return useCallback(
    async (account: AccountView, options: CopyOptions = {}) => {
      try {
        const now = Date.now();
        const { clearsAt } = await api.copyCode(account.id, options.at ?? now);
        const copied = options.confirmation ?? t('app.copy.done', { name: accountLabel(account) });
        announce(clearsAt === null ? copied : `${copied} ${t('app.copy.clears', { seconds: Math.round((clearsAt - now) / 1000) })}`);
        return true;
      } catch (error) {
        announce(errorText(t, error));
        return false;
      }
    },
    [announce, t],
  );
}
