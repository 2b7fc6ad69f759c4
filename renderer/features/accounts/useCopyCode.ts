/** Copying a code (main computes and copies it) with the spoken and shown confirmation. */
import { useCallback } from 'react';
import type { AccountView } from '../../../shared/api';
import { api } from '../../api-client';
import { useAnnounce } from '../../components/Announcer';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { accountLabel } from './AccountRow';

/** A stable function that copies the account's current code and announces it. */
export function useCopyCode(): (account: AccountView) => Promise<void> {
  const { t } = useI18n();
  const announce = useAnnounce();
  return useCallback(
    async (account: AccountView) => {
      try {
        const at = Date.now();
        const { clearsAt } = await api.copyCode(account.id, at);
        const copied = t('app.copy.done', { name: accountLabel(account) });
        announce(clearsAt === null ? copied : `${copied} ${t('app.copy.clears', { seconds: Math.round((clearsAt - at) / 1000) })}`);
      } catch (error) {
        announce(errorText(t, error));
      }
    },
    [announce, t],
  );
}
