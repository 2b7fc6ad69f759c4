/**
 * The account list: search, copy, rename, delete with confirmation, and reordering by keyboard,
 * buttons and drag-and-drop. Rows are memoised and use `content-visibility` (styles.css), so 500
 * accounts stay responsive.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AccountView, Settings } from '../../../shared/api';
import { useAnnounce } from '../../components/Announcer';
import { DialogBoundary } from '../../components/DialogBoundary';
import { lazyDialog } from '../../components/LazyDialog';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';
import type { CodesById } from '../../state/useCodes';
import { AccountRow, accountLabel, type RowActions } from './AccountRow';
import { moveItem } from './reorder';
import { useCopyCode } from './useCopyCode';

const DeleteDialog = lazyDialog('DeleteDialog');
const RenameDialog = lazyDialog('RenameDialog');

interface AccountListProps {
  accounts: readonly AccountView[];
  codes: CodesById;
  settings: Settings;
  query: string;
  onAccountsChange(accounts: AccountView[]): void;
  /** Opens Add account prefilled to re-add an account whose secret is missing. */
  onReadd(account: AccountView): void;
  /** A code was copied (the account is in use). */
  onCodeCopied?(): void;
}

/** Case-insensitive match on issuer or account name. */
function matches(account: AccountView, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  return !needle || `${account.issuer}\n${account.account}`.toLocaleLowerCase().includes(needle);
}

/** Renders the filtered list and owns its dialogs. */
export function AccountList({ accounts, codes, settings, query, onAccountsChange, onReadd, onCodeCopied }: AccountListProps) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const copy = useCopyCode();
  const [renaming, setRenaming] = useState<AccountView | null>(null);
  const [deleting, setDeleting] = useState<AccountView | null>(null);
  const dragged = useRef<string | null>(null);
  // The callbacks below read the latest list through a ref so that they stay stable for memo rows.
  const latest = useRef({ accounts, onAccountsChange, onReadd, onCodeCopied });
  useLayoutEffect(() => {
    latest.current = { accounts, onAccountsChange, onReadd, onCodeCopied };
  });

  const visible = useMemo(() => accounts.filter((account) => matches(account, query)), [accounts, query]);

  const actions = useMemo<RowActions>(() => {
    const reorder = async (ids: readonly string[], focusId: string) => {
      const { accounts: current, onAccountsChange: change } = latest.current;
      const byId = new Map(current.map((account) => [account.id, account]));
      change(ids.map((id) => byId.get(id)).filter((account): account is AccountView => !!account));
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(focusId)}"] .account-main`)?.focus());
      try {
        change(await api.reorderAccounts([...ids]));
      } catch (error) {
        announce(errorText(t, error));
        change([...current]);
      }
    };
    const ids = () => latest.current.accounts.map((account) => account.id);
    return {
      copy: (account) => void copy(account).then((copied) => copied && latest.current.onCodeCopied?.()),
      rename: setRenaming,
      remove: setDeleting,
      move: (account, delta) => {
        const order = ids();
        const from = order.indexOf(account.id);
        const moved = moveItem(order, from, from + delta);
        if (moved !== order) {
          void reorder(moved, account.id);
          announce(t('app.account.moved', { name: accountLabel(account), position: from + delta + 1, total: order.length }));
        }
      },
      dragStart: (accountId) => {
        dragged.current = accountId;
      },
      dropOn: (targetId) => {
        const source = dragged.current;
        dragged.current = null;
        if (!source) return;
        const order = ids();
        const moved = moveItem(order, order.indexOf(source), order.indexOf(targetId));
        if (moved !== order) void reorder(moved, source);
      },
      readd: (account) => latest.current.onReadd(account),
    };
  }, [announce, copy, t]);

  const onRenamed = useCallback((updated: AccountView) => {
    const { accounts: current, onAccountsChange: change } = latest.current;
    change(current.map((account) => (account.id === updated.id ? updated : account)));
    setRenaming(null);
  }, []);
  const onDeleted = useCallback((removed: AccountView) => {
    const { accounts: current, onAccountsChange: change } = latest.current;
    change(current.filter((account) => account.id !== removed.id));
    setDeleting(null);
    announce(t('app.delete.done', { name: accountLabel(removed) }));
  }, [announce, t]);

  const canReorder = !query.trim();
  const offsetMs = settings.clockOffsetSeconds * 1000;
  return (
    <>
      <p id="copy-hint" className="visually-hidden">
        {t('app.list.copyHint')}
      </p>
      {visible.length === 0 ? (
        <p className="no-results" role="status">
          {t('app.list.noMatch', { query })}
        </p>
      ) : (
        <ul className="account-list" aria-label={t('app.list.label')}>
          {visible.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              code={codes.get(account.id)}
              showNextCode={settings.showNextCode}
              offsetMs={offsetMs}
              canReorder={canReorder}
              actions={actions}
            />
          ))}
        </ul>
      )}
      <DialogBoundary
        onGiveUp={() => {
          setRenaming(null);
          setDeleting(null);
        }}
      >
        {renaming && <RenameDialog account={renaming} onDone={onRenamed} onCancel={() => setRenaming(null)} />}
        {deleting && <DeleteDialog account={deleting} onDone={onDeleted} onCancel={() => setDeleting(null)} />}
      </DialogBoundary>
    </>
  );
}
