/**
 * Turns what arrives by dropping, pasting or opening (image files or text) into add requests:
 * images go through the QR worker, text is taken as a link. Nothing is kept afterwards.
 */
import { TweestapError } from '../../../shared/errors';
import { scanBlob } from '../../qr/client';
import type { AddRequest } from './useAddFlow';

/** Something given to the Add dialog from outside its forms. */
export type Incoming = { files: File[] } | { text: string };

/** Files that look like images (by type; the decoder still has the last word). */
export function imageFiles(list: FileList | readonly File[] | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith('image/'));
}

/**
 * Every QR text in the images, or the pasted text, as requests. Throws a TweestapError when an
 * image holds no QR code at all; main judges each text (and names a web link as such).
 */
export async function requestsFrom(incoming: Incoming): Promise<AddRequest[]> {
  if ('text' in incoming) return [{ kind: 'uri', uri: incoming.text.trim() }];
  const texts: string[] = [];
  for (const file of incoming.files) texts.push(...(await scanBlob(file)));
  if (texts.length === 0) throw new TweestapError('input', 'app.image.noQr');
  const otp = texts.filter((text) => /^otpauth(-migration)?:\/\//i.test(text));
  // Only non-authenticator codes: send one so main says what it is.
  return (otp.length ? otp : texts.slice(0, 1)).map((uri) => ({ kind: 'uri', uri }));
}
