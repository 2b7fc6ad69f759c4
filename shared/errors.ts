import type { MessageKey, MessageParams } from './i18n';
import { errorMessage } from './i18n/error-text';

/**
 * What went wrong, as a category the CLI maps to its exit code and the UI to its tone:
 * input 2, keychain 3, vault 4, not-found and verify 1.
 */
export type ErrorKind = 'input' | 'not-found' | 'verify' | 'keychain' | 'vault' | 'internal';

/**
 * The only error Tweestap code throws on purpose. It carries a message key (translated where it
 * is shown) and params. Params must never hold a secret: the English text becomes `message`,
 * which may reach logs.
 */
export class TweestapError extends Error {
  override readonly name = 'TweestapError';

  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(errorMessage(key, params));
  }
}
