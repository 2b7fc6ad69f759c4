import { assertRgbaImage } from './image';
import { busiestRegion, clipRect, cropRgba, finePatches, halfLuma, lumaOf, unsharpMask, upscale2xRgba, type LumaImage, type Rect } from './pixels';
import { findSymbols } from './finders';
import { resampledSymbol, type Quad } from './resample';
import type { QrDecoder, RgbaImage } from './types';
import type { UnreadCode, ZxingDecoder } from './zxing';

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
 * The decoders the app and the CLI ship, in pipeline order: ZXing alone, driven by
 * `stagedZxing` (a half-size first pass from 1080p up, then full-size searches, a closer look at
 * hard camera frames). `live`: the pipeline for one live video loop (the webcam), whose closer
 * look runs only on every LIVE_CLOSER_LOOK_EVERY-th frame without a code; it keeps count, so make
 * one per loop (or per worker). In `npm run bench:qr` jsQR found no code ZXing missed, on
 * screenshots or camera frames, and as a fallback it only slowed the frames without a code (see
 * docs/decoders.md), so it is not in the pipeline. A decoder without ZXing's single-pass calls is
 * shipped as it is.
 */
export function shippedDecoders(zxing: QrDecoder | ZxingDecoder, { live = false } = {}): QrDecoder[] {
  return ['read' in zxing ? stagedZxing(zxing, live ? { closerLookEvery: LIVE_CLOSER_LOOK_EVERY, finderSearchEvery: LIVE_FINDER_SEARCH_EVERY } : {}) : zxing];
}

/**
 * In a live video loop (`shippedDecoders(zxing, { live: true })`, the webcam) the closer look runs
 * on the first and then every this many frames without a code, not on each: while the user is
 * still searching every frame would pay for it (about 2.2× the full search). A code held in view
 * is seen again a few frames later (at 25 frames/s, within 0.16 s), so nothing is lost but that
 * moment; single images (files, screens) always get it.
 */
export const LIVE_CLOSER_LOOK_EVERY = 4;

/**
 * In a live video loop the closer look's finder search (`findSymbols`, about 19 ms) runs on the
 * first and then every this many closer looks: on every one, when it still took 8–11 ms, it took
 * the searching frames of `camera-blur-no-code` below 40 frames/s (39.9 against 43.3 without it);
 * on every 2nd the live loop keeps 37–47 frames/s. A code held in view is still read within
 * LIVE_CLOSER_LOOK_EVERY × this many frames (0.32 s at 25 frames/s).
 */
export const LIVE_FINDER_SEARCH_EVERY = 2;

/**
 * From this many pixels up (1080p and larger) an image is first searched at half size. Safe
 * against losing the small codes that half size cannot read (2–3.4 px per module beside a larger
 * code, seeds 2044, 2098, 9005, 9006, 9037, 1157) only through the full-size crops of
 * `finePatches` and the fall-back to the full search when a page is too busy to tell or (below
 * 4K) a crop shows a code it cannot read; see docs/decoders.md for the measurements.
 */
export const HALF_SIZE_FROM_PIXELS = 1_500_000;

/** From this many pixels up (1080p and larger) the full-size search skips ZXing's downscaled pass first. */
export const FULL_SIZE_ONLY_FROM_PIXELS = 1_500_000;

/**
 * Below this many pixels (under 4K: 1080p, 1200p) the half-size search differs in two ways:
 *
 * - The half-size copy shrinks text to strokes a pixel or two apart, and `finePatches`' usual
 *   density (45% of sampled pixels with a strong step) marks ordinary text: a median of 19
 *   patches a page on the standard 1080p set, more than it looks at, so nearly every page went on
 *   to the full search. Codes of one-pixel modules step on about three pixels in four, so a patch
 *   must be denser there (55%: 5 of the 8 pixels sampled per cell).
 * - A crop that shows a code it cannot read sends the page to the full-size search (seed 1157: a
 *   blurred light-on-dark 2.1 px/module code reads from some crops around it and not from
 *   others). At 4K that search costs several times as much, and on the tuning set it added
 *   nothing but one wrong text ZXing reads on a busy page (seed 9082).
 */
const FINE_TEXT_BELOW_PIXELS = 3_000_000;

/** How the half-size search treats a page of `pixels` (see FINE_TEXT_BELOW_PIXELS). */
function halfSizeRules(pixels: number): { density: number; unreadCropMeansFullSearch: boolean } {
  return pixels < FINE_TEXT_BELOW_PIXELS ? { density: 0.55, unreadCropMeansFullSearch: true } : { density: 0.45, unreadCropMeansFullSearch: false };
}

/**
 * The closer look takes at most this large a patch (before its 2× upscale): a code of 57 modules
 * at 7 px each, with a margin. Larger codes are read by the full search; the cap keeps searching frames cheap.
 */
const MAX_CLOSER_LOOK_PIXELS = 200_000;

/**
 * The closer look re-samples at most this many codes ZXing located but could not read (a frame
 * without a code rarely shows any; this bounds what one costs).
 */
const MAX_RESAMPLED_CODES = 4;

/**
 * The closer look's own finder search (webcam-sized frames, below HALF_SIZE_FROM_PIXELS) tries
 * these module sizes on the half-size frame: 2.7–5.4 px per module at full size, the small codes
 * it is for. Four sizes read as many of the tuning sets' misses as six (9 of 32) at two thirds
 * of the cost; three read 8.
 */
export const FINDER_MODULE_SIZES = [1.35, 1.7, 2.15, 2.7];

/** The closer look re-samples at most this many symbols found by their finder patterns (each costs ~20 ms). */
const MAX_FINDER_SYMBOLS = 2;

/**
 * ZXing in stages, each only when the one before found nothing it could read:
 *
 * 1. From `halfSizeFrom` pixels up (1080p): ZXing on a half-size grey copy, every code it saw but
 *    could not read read again from a full-size crop, and codes too small for half size looked
 *    for in full-size crops of fine-textured patches.
 * 2. From 1080p up, a full-size search without ZXing's downscaled pass; then the full search
 *    (ZXing's own full-size and downscaled passes), as before.
 * 3. A closer look for webcam frames: the busiest patch of the frame, upscaled 2× with and
 *    without sharpening, for the small, blurred, noisy codes of a laptop camera (dark on light),
 *    then every code the full search or the patch located but could not read, re-sampled module
 *    by module (`resampledSymbol`), and codes found by our own finder search (`findSymbols`);
 *    with `closerLookEvery` n > 1 only on every nth image that gets this far (a live loop), the
 *    finder search with `finderSearchEvery` m > 1 only on every mth closer look.
 */
export function stagedZxing(zxing: ZxingDecoder, { halfSizeFrom = HALF_SIZE_FROM_PIXELS, closerLookEvery = 1, finderSearchEvery = 1 } = {}): QrDecoder {
  // Frames that reached stage 3 so far, and closer looks taken: the closer look runs on every
  // `closerLookEvery`-th such frame, its finder search on every `finderSearchEvery`-th closer look.
  let reachedCloserLook = 0;
  let closerLooks = 0;
  return {
    name: `${zxing.name} staged`,
    async decode(image: RgbaImage): Promise<string[]> {
      const pixels = image.width * image.height;
      const half = pixels >= halfSizeFrom ? halfLuma(image) : undefined;
      if (half) {
        const texts = await halfSizeSearch(zxing, image, half);
        if (texts.length > 0) return texts;
      }
      if (pixels >= FULL_SIZE_ONLY_FROM_PIXELS) {
        const { texts } = await zxing.read(image, { downscale: false });
        if (texts.length > 0) return uniqueTexts(texts);
      }
      const closerLookDue = reachedCloserLook % closerLookEvery === 0;
      const full = await fullSearch(zxing, image, { locate: closerLookDue });
      if (full.texts.length > 0) return uniqueTexts(full.texts);
      reachedCloserLook++;
      if (!closerLookDue) return [];
      const findersDue = closerLooks++ % finderSearchEvery === 0;
      return closerLook(zxing, image, half ?? halfLuma(image), full.unread, { findersDue });
    },
  };
}

/**
 * Stage 1: search a half-size copy, then read what it saw but could not read at full size, and
 * codes too small to be seen at half size in full-size crops of the fine-textured patches the
 * codes above do not explain. Nothing when the page has too many such patches to tell, or (below
 * 4K) a crop shows a code it cannot read: the full search follows.
 */
async function halfSizeSearch(zxing: ZxingDecoder, image: RgbaImage, half: LumaImage): Promise<string[]> {
  const seen = await zxing.read(half, { downscale: false, locate: true });
  // A code seen without a place to look again, or a page too busy to tell: leave it to the full search.
  if (seen.unread.some((box) => box.width < 1 || box.height < 1)) return [];
  const { density, unreadCropMeansFullSearch } = halfSizeRules(image.width * image.height);
  const patches = finePatches(half, [...seen.found, ...seen.unread], { density });
  if (!patches) return [];
  const texts = [...seen.texts];
  const crops = [
    ...seen.unread.map((box) => around(scaled(box, 2), 0.3, 16)),
    // The finder patterns are solid squares, not fine texture: a patch may miss a code's corners.
    ...patches.map((patch) => around(scaled(patch, 2), 0.25, 32)),
  ];
  for (const crop of unions(crops)) {
    const reading = await zxing.read(cropRgba(image, crop), { downscale: false, locate: unreadCropMeansFullSearch });
    if (reading.unread.length > 0) return [];
    texts.push(...reading.texts);
  }
  return uniqueTexts(texts);
}

/**
 * `rects` with overlapping ones replaced by the box around them, until none overlap (a code
 * split over two patches is read whole).
 */
function unions(rects: readonly Rect[]): Rect[] {
  const out = [...rects];
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length && !merged; j++) {
        const [a, b] = [out[i] as Rect, out[j] as Rect];
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
          const x = Math.min(a.x, b.x);
          const y = Math.min(a.y, b.y);
          out[i] = { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
          out.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  return out;
}

/**
 * Stage 2's full search. With `locate`, below 1080p (webcam frames), it also tells where it saw
 * codes it could not read, for the closer look to re-sample; only asked when the closer look would
 * follow, since it costs the search about 1–3 ms more.
 */
async function fullSearch(zxing: ZxingDecoder, image: RgbaImage, { locate }: { locate: boolean }): Promise<{ texts: string[]; unread: UnreadCode[] }> {
  if (!locate || image.width * image.height >= FULL_SIZE_ONLY_FROM_PIXELS) return { texts: await zxing.decode(image), unread: [] };
  return zxing.read(image, { downscale: true, locate: true });
}

/**
 * Stage 3: the busiest patch of the frame at full size, upscaled 2×, with and without an unsharp
 * mask (undoing part of a webcam's defocus); then the codes located but not read (`unread` from
 * the full search, and the patch's), re-sampled; then, on webcam-sized frames and when
 * `findersDue`, codes no ZXing call located, found by their finder patterns (`findSymbols`, about
 * 19 ms of the cost) and re-sampled. Runs on frames where everything before found nothing, which
 * includes every frame while the user is still searching (in the live loop only some of them).
 */
async function closerLook(zxing: ZxingDecoder, image: RgbaImage, half: LumaImage, unread: readonly UnreadCode[], { findersDue }: { findersDue: boolean }): Promise<string[]> {
  // Where to re-sample: the corners in the frame and the side in modules.
  const located: LocatedCode[] = [...unread];
  const region = busiestRegion(half);
  if (region && region.width * region.height * 4 <= MAX_CLOSER_LOOK_PIXELS) {
    const patchRect = clipRect(scaled(region, 2), image.width, image.height);
    const patch = lumaOf(cropRgba(image, patchRect));
    // Strongly sharpened first (blur as wide as a module), then upscaled alone (noise that
    // sharpening would amplify). Dark on light only: an inverted search as well would double the
    // cost of every searching frame, and it found no more codes in the benchmark.
    for (const prepared of [() => upscale2xRgba(unsharpMask(patch, 3, 2)), () => upscale2xRgba(patch)]) {
      const reading = await zxing.read(prepared(), { downscale: false, invert: false, locate: true });
      if (reading.texts.length > 0) return uniqueTexts(reading.texts);
      located.push(...reading.unread.map(({ corners, modules }) => ({ corners: inFrame(corners, patchRect, 2), modules })));
    }
  }
  let luma: LumaImage | undefined;
  const frameLuma = () => (luma ??= lumaOf(image));
  const texts = await readResampled(zxing, frameLuma, located.filter((code) => code.modules > 0).slice(0, MAX_RESAMPLED_CODES));
  if (texts.length > 0) return texts;
  if (!findersDue || image.width * image.height >= HALF_SIZE_FROM_PIXELS) return [];
  // Codes no ZXing call located (too blurred and noisy for its binarizer): found by their finder patterns.
  const found = findSymbols(half, FINDER_MODULE_SIZES).slice(0, MAX_FINDER_SYMBOLS);
  return readResampled(zxing, frameLuma, found.map(({ corners, modules }) => ({ corners: fromHalfSize(corners), modules })));
}

/** Codes at known places, re-sampled module by module from the frame's brightness (`resampledSymbol`) and read again. */
async function readResampled(zxing: ZxingDecoder, frameLuma: () => LumaImage, codes: readonly LocatedCode[]): Promise<string[]> {
  for (const code of codes) {
    const { texts } = await zxing.read(resampledSymbol(frameLuma(), code.corners, code.modules), { downscale: false, invert: false });
    if (texts.length > 0) return uniqueTexts(texts);
  }
  return [];
}

type LocatedCode = Pick<UnreadCode, 'corners' | 'modules'>;

/** `corners` found in a `scale`× copy of the frame's `patch`, in the frame's coordinates. */
function inFrame(corners: Quad, patch: Rect, scale: number): Quad {
  return corners.map(({ x, y }) => ({ x: patch.x + x / scale, y: patch.y + y / scale })) as unknown as Quad;
}

/** `corners` in a half-size copy, in the frame (a half-size pixel's centre lies between two of the frame's). */
function fromHalfSize(corners: Quad): Quad {
  return corners.map(({ x, y }) => ({ x: 2 * x + 0.5, y: 2 * y + 0.5 })) as unknown as Quad;
}

function scaled(rect: Rect, factor: number): Rect {
  return { x: rect.x * factor, y: rect.y * factor, width: rect.width * factor, height: rect.height * factor };
}

/** `rect` grown by `share` of its size and `pixels` more on every side (a code's quiet zone and some slack). */
function around(rect: Rect, share: number, pixels: number): Rect {
  const dx = rect.width * share + pixels;
  const dy = rect.height * share + pixels;
  return { x: rect.x - dx, y: rect.y - dy, width: rect.width + 2 * dx, height: rect.height + 2 * dy };
}
