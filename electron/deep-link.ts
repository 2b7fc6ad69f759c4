/**
 * `otpauth://` links handed to Tweestap by the operating system. Pure functions, no Electron:
 * electron/main.ts calls them from `open-url` (macOS), from `second-instance` and from its own
 * `process.argv` (Windows and Linux start the app with the link as an argument).
 *
 * A link only ever reaches the add flow after the user has confirmed it; this module finds and
 * checks links, it never adds anything.
 */
import { TweestapError } from '../shared/errors';
import { firstHiddenCharacter } from '../shared/hidden-characters';
import { translate, type Locale, type MessageKey, type MessageParams } from '../shared/i18n';
import { displayName } from '../shared/otp/label';
import type { LinkDuplicateChoice, LinkPreview } from '../shared/otp/link-preview';
import { decodeComponent } from '../shared/otp/percent';
import { MAX_URI_LENGTH } from '../shared/limits';

/** The scheme registered with the OS (`app.setAsDefaultProtocolClient`, electron-builder `protocols`). */
export const PROTOCOL_SCHEME = 'otpauth';

/** Schemes accepted as a link to add; a migration part can arrive by hand-typed command line. */
export const DEEP_LINK_SCHEMES: readonly string[] = [PROTOCOL_SCHEME, 'otpauth-migration'];

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function schemeOf(text: string): string | null {
  return SCHEME.exec(text)?.[1]?.toLowerCase() ?? null;
}

/**
 * Checks a link the OS handed over (macOS `open-url` gives exactly one) and returns it unchanged.
 * Throws a `TweestapError` of kind `input` when the scheme is not ours, the link is longer than
 * the API accepts, or it holds hidden characters (shared/hidden-characters.ts: controls, bidi and
 * zero-width marks, line separators), as they are or once percent-decoded: `%0A%E2%80%AE` is a
 * line break and a right-to-left override to whatever shows the decoded text. The error never
 * quotes the link (it may hold a secret); at most its scheme.
 */
export function validateDeepLink(link: string): string {
  const scheme = schemeOf(link);
  if (scheme === null || !DEEP_LINK_SCHEMES.includes(scheme)) {
    // Only a short, well-formed scheme is worth quoting; anything else is shown as "?".
    throw new TweestapError('input', 'deepLink.wrongScheme', { scheme: scheme !== null && scheme.length <= 32 ? `${scheme}:` : '?' });
  }
  if (link.length > MAX_URI_LENGTH) {
    throw new TweestapError('input', 'deepLink.tooLong', { max: MAX_URI_LENGTH });
  }
  if (firstHiddenCharacter(link) !== undefined || firstHiddenCharacter(decodeComponent(link)) !== undefined) {
    throw new TweestapError('input', 'deepLink.malformed');
  }
  return link;
}

/**
 * The first `otpauth://` or `otpauth-migration://` argument in a command line (Windows and Linux
 * pass the clicked link as an argument, next to the executable, the app path and Chromium's own
 * switches), checked by `validateDeepLink`; null when there is none. Other arguments, including
 * Windows paths such as `C:\…` that look like a scheme, are ignored.
 */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  const link = argv.find((arg) => {
    const scheme = schemeOf(arg);
    return scheme !== null && DEEP_LINK_SCHEMES.includes(scheme);
  });
  return link === undefined ? null : validateDeepLink(link);
}

/** What the queue needs from main: how to handle one link (ask the user, then add) and how to report a failure. */
export interface DeepLinkHandlers {
  handle(link: string): Promise<void>;
  onError(error: unknown): void;
}

/**
 * Holds links until the app can handle them (macOS sends `open-url` before `ready`), then hands
 * them to `handle` one at a time, so two quick clicks never open two confirmation dialogs at once.
 * A link equal to one already waiting or being handled is dropped (some desktops report one click
 * twice).
 */
export class DeepLinkQueue {
  readonly #waiting: string[] = [];
  #current: string | null = null;
  #handlers: DeepLinkHandlers | null = null;

  /** Queues a link (already validated) and handles it at once when the queue has started. */
  push(link: string): void {
    if (link === this.#current || this.#waiting.includes(link)) return;
    this.#waiting.push(link);
    void this.#drain();
  }

  /** Starts handling: waiting links first, in the order they came. Call once, when main is ready. */
  start(handlers: DeepLinkHandlers): void {
    this.#handlers = handlers;
    void this.#drain();
  }

  /** Links not yet handled (for tests and diagnostics; never log them, they may hold a secret). */
  get pending(): number {
    return this.#waiting.length + (this.#current === null ? 0 : 1);
  }

  async #drain(): Promise<void> {
    const handlers = this.#handlers;
    if (handlers === null || this.#current !== null) return;
    for (let link = this.#waiting.shift(); link !== undefined; link = this.#waiting.shift()) {
      this.#current = link;
      try {
        await handlers.handle(link);
      } catch (error) {
        handlers.onError(error);
      } finally {
        this.#current = null;
      }
    }
  }
}

/** What main's confirmation dialog shows (`dialog.showMessageBox` options) and what each button means. */
export interface LinkPrompt {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** Cancel: Enter or a stray click on the default never adds an account. */
  defaultId: number;
  cancelId: number;
  /** The meaning of each button, by index. */
  choices: (LinkDuplicateChoice | 'cancel')[];
}

/**
 * The confirmation dialog for a link: every account it would add (name, and the period of its
 * codes), those you already have marked, and buttons that can only add or keep both, never
 * replace. Cancel is the default.
 */
export function linkPrompt(preview: LinkPreview, locale: Locale): LinkPrompt {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const { accounts } = preview;
  const duplicates = accounts.filter((account) => account.duplicate !== 'none').length;
  const lines = accounts.map((account) => {
    const name = displayName(account);
    const line = account.type === 'totp' ? t('main.deepLink.totp', { name, period: account.period }) : t('main.deepLink.hotp', { name });
    return `• ${account.duplicate === 'none' ? line : `${line} ${t(account.duplicate === 'same' ? 'main.deepLink.same' : 'main.deepLink.lookAlike')}`}`;
  });
  const notes = [t('main.deepLink.detail'), ...(duplicates > 0 ? [t('main.deepLink.neverReplaces')] : [])];
  const actions: [string, LinkDuplicateChoice][] =
    duplicates === 0
      ? [[t('main.dialog.add'), 'skip']]
      : duplicates === accounts.length
        ? [[t('main.dialog.keepBoth'), 'keep-both']]
        : [
            [t('main.dialog.addNewOnly'), 'skip'],
            [t('main.dialog.addAllKeepBoth'), 'keep-both'],
          ];
  const cancel = actions.length;
  return {
    title: t('main.deepLink.title'),
    message: accounts.length === 1 ? t('main.deepLink.questionOne') : t('main.deepLink.questionMany', { count: accounts.length }),
    detail: [lines.join('\n'), ...notes].join('\n\n'),
    buttons: [...actions.map(([label]) => label), t('main.dialog.cancel')],
    defaultId: cancel,
    cancelId: cancel,
    choices: [...actions.map(([, choice]) => choice), 'cancel'],
  };
}
