/**
 * A failed API call, carrying the message key main chose so the UI can translate it (errorText
 * shows a key the window has no message for as the generic error). Its own module (api-client.ts
 * reaches for the bridge as it loads), so pure code can recognise it.
 */
import type { ErrorKind } from '../shared/errors';
import type { MessageParams } from '../shared/i18n/locale';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ErrorKind,
    readonly key: string,
    readonly params: MessageParams,
  ) {
    super(key);
  }
}
