/**
 * A failed API call, carrying the message key main chose so the UI can translate it. Its own
 * module (api-client.ts reaches for the bridge as it loads), so pure code can recognise it.
 */
import type { ErrorKind } from '../shared/errors';
import type { MessageParams } from '../shared/i18n/locale';
import type { WindowMessageKey } from './i18n/messages';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ErrorKind,
    readonly key: WindowMessageKey,
    readonly params: MessageParams,
  ) {
    super(key);
  }
}

