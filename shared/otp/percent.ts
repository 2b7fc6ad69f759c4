import { TweestapError } from '../errors';

/** decodeURIComponent that throws `otp.percentEscapeInvalid` (kind 'input') instead of a URIError. */
export function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new TweestapError('input', 'otp.percentEscapeInvalid');
  }
}
