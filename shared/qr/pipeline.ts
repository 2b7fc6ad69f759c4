import { assertRgbaImage } from './image';
import type { QrDecoder, RgbaImage } from './types';

/**
 * The shipped decode pipeline: every distinct, non-empty QR text in `image`. The decoders are
 * tried in order and the first that finds anything wins; later ones are fallbacks that only
 * cost time when the earlier ones found nothing (see docs/decoders.md for the measurements).
 * Throws `qr.badPixels` / `qr.imageTooLarge` for malformed input.
 */
export async function decodeQrTexts(image: RgbaImage, decoders: readonly QrDecoder[]): Promise<string[]> {
  assertRgbaImage(image);
  for (const decoder of decoders) {
    const texts = uniqueTexts(await decoder.decode(image));
    if (texts.length > 0) return texts;
  }
  return [];
}

/** `texts` without empty strings and repeats, first occurrence first. */
export function uniqueTexts(texts: readonly string[]): string[] {
  return [...new Set(texts.filter((text) => text !== ''))];
}

/**
 * The decoders the app and the CLI ship, in pipeline order: ZXing alone. In `npm run bench:qr`
 * jsQR found no code ZXing missed, on screenshots or camera frames, and as a fallback it only
 * slowed the frames without a code (see docs/decoders.md), so it is not in the pipeline.
 */
export function shippedDecoders(zxing: QrDecoder): QrDecoder[] {
  return [zxing];
}
