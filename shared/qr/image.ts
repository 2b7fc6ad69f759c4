import { TweestapError } from '../errors';
import type { RgbaImage } from './types';

/**
 * The largest image we decode. A 6K display is 20 megapixels and a 48-megapixel phone photo
 * still fits; past this the RGBA buffer alone would pass 200 MB.
 */
export const MAX_IMAGE_SIDE = 16_384;
export const MAX_IMAGE_MEGAPIXELS = 50;

/** Throws `qr.imageTooLarge` (before anything is allocated) when the size is past our limits. */
export function assertDecodableSize(width: number, height: number): void {
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_MEGAPIXELS * 1_000_000) {
    throw new TweestapError('input', 'qr.imageTooLarge', {
      width,
      height,
      maxSide: MAX_IMAGE_SIDE,
      maxMegapixels: MAX_IMAGE_MEGAPIXELS,
    });
  }
}

/** Throws `qr.badPixels` unless `image` holds exactly width × height RGBA pixels within our limits. */
export function assertRgbaImage(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new TweestapError('input', 'qr.badPixels', { width, height });
  }
  assertDecodableSize(width, height);
  if (data.length !== width * height * 4) throw new TweestapError('input', 'qr.badPixels', { width, height });
}
