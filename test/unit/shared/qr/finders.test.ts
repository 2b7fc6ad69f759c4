import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSymbols } from '../../../../shared/qr/finders';
import { FINDER_MODULE_SIZES } from '../../../../shared/qr/pipeline';
import { halfLuma, lumaOf, type LumaImage } from '../../../../shared/qr/pixels';
import { createZxingDecoder, type ZxingDecoder } from '../../../../shared/qr/zxing';
import { generateCameraFrame, HARD_CAMERA, HARD_CAMERA_BLUR, plainCodesImage, Random } from '../../../fixtures/qr/generate';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
/** Generating blurred camera frames takes seconds on a busy machine (no speed is tested here). */
const SLOW = 120_000;

let zxing: ZxingDecoder;
beforeAll(async () => {
  zxing = await createZxingDecoder({ wasmBinary });
});

/** A grey image of `width` × `height` filled by `level(x, y)`. */
function lumaImage(width: number, height: number, level: (x: number, y: number) => number): LumaImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = level(x, y);
  return { width, height, data };
}

/** `findSymbols`' best symbol in `frame` has the code's side and its corners within 1.5 modules of the true ones. */
function expectSymbolFound(frame: ReturnType<typeof generateCameraFrame>): void {
  const truth = frame.symbol;
  if (!truth) throw new Error('the generator places a code');
  const [topLeft, topRight] = truth.corners;
  const module = Math.hypot((topRight?.x ?? NaN) - (topLeft?.x ?? NaN), (topRight?.y ?? NaN) - (topLeft?.y ?? NaN)) / truth.size;
  const [best] = findSymbols(halfLuma(frame.image), FINDER_MODULE_SIZES);
  expect(best?.modules).toBe(truth.size);
  best?.corners.forEach(({ x, y }, n) => {
    // Half-size coordinates in the frame's: a half-size pixel's centre lies between two of the frame's.
    expect(Math.hypot(2 * x + 0.5 - (truth.corners[n]?.x ?? NaN), 2 * y + 0.5 - (truth.corners[n]?.y ?? NaN)) / module, `corner ${n}`).toBeLessThan(1.5);
  });
}

describe('finding QR symbols by their finder patterns', () => {
  it('finds a blurred, low-contrast code ZXing does not locate, with its side and corners', async () => {
    // Seed 100004 (tuning set camera-blur): a 37-module code, ink 99 on paper 174, 3.3 px/module, Gaussian blur 1.5, noise 12.
    const frame = generateCameraFrame(100004, { camera: HARD_CAMERA_BLUR });
    const { unread } = await zxing.read(frame.image, { downscale: true, locate: true });
    expect(unread.filter((code) => code.modules > 0)).toEqual([]);
    expectSymbolFound(frame);
  }, SLOW);

  it.each([
    // Small finders a pixel off every second pixel's centre: found, or fitted, only when every pixel is tried.
    [100041, 'tilt 29°, 2.7 px/module'],
    [100046, 'motion blur, 3.8 px/module'],
    [100087, '2.7 px/module'],
  ])('finds the code of seed %i (%s) within 1.5 modules of its corners', (seed) => {
    expectSymbolFound(generateCameraFrame(seed, { camera: HARD_CAMERA_BLUR }));
  }, SLOW);

  it('finds nothing in webcam frames without a code', () => {
    for (const frame of [
      ...[101000, 101001, 101002].map((seed) => generateCameraFrame(seed, { camera: HARD_CAMERA_BLUR, withCode: false })),
      ...[6000, 6001, 6002].map((seed) => generateCameraFrame(seed, { camera: HARD_CAMERA, withCode: false })),
    ]) {
      expect(findSymbols(halfLuma(frame.image), FINDER_MODULE_SIZES), `seed ${frame.seed}`).toEqual([]);
    }
  }, SLOW);

  it('finds nothing in empty, tiny, flat or noisy images', () => {
    const random = new Random(3);
    for (const image of [lumaImage(0, 0, () => 0), lumaImage(1, 1, () => 0), lumaImage(20, 20, () => 0), lumaImage(640, 360, () => 128), lumaImage(640, 360, () => random.int(0, 255))]) {
      expect(findSymbols(image, FINDER_MODULE_SIZES), `${image.width}×${image.height}`).toEqual([]);
    }
  });

  it('finds two clean codes side by side as its best two symbols', () => {
    const texts = ['otpauth://totp/Tweestap:ann?secret=JBSWY3DPEHPK3PXP', 'otpauth://totp/Tweestap:bob?secret=JBSWY3DPEHPK3PXP'];
    const found = findSymbols(lumaOf(plainCodesImage(texts, 2)), FINDER_MODULE_SIZES);
    const side = (plainCodesImage([texts[0] ?? ''], 2).width - 16) / 2;
    expect(found.slice(0, 2).map((symbol) => symbol.modules)).toEqual([side, side]);
    expect(new Set(found.slice(0, 2).map((symbol) => Math.round(symbol.corners[0].x)))).toEqual(new Set([8, 8 + 2 * (side + 8)]));
  });

  it('combines only the best few finder patterns of a frame full of codes', () => {
    // Eight codes: 24 finder patterns. At most 8 are combined (8 corners × 21 pairs of the others).
    const found = findSymbols(lumaOf(plainCodesImage(Array.from({ length: 8 }, (_, n) => `otpauth://totp/Tweestap:${n}?secret=JBSWY3DPEHPK3PXP`), 2)), FINDER_MODULE_SIZES);
    expect(found.length).toBeLessThanOrEqual(8 * 21);
    for (const symbol of found) expect(symbol.modules).toBeLessThanOrEqual(57);
  });
});
