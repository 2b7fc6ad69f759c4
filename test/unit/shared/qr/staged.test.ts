import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrTexts, LIVE_CLOSER_LOOK_EVERY, LIVE_FINDER_SEARCH_EVERY, shippedDecoders, stagedZxing } from '../../../../shared/qr/pipeline';
import type { LumaImage } from '../../../../shared/qr/pixels';
import type { QrDecoder, RgbaImage } from '../../../../shared/qr/types';
import { createZxingDecoder, type ZxingDecoder, type ZxingPass } from '../../../../shared/qr/zxing';
import { BUSY_PAGE, fillRect, generateCameraFrame, generateScreenshot, HARD_CAMERA, HARD_CAMERA_BLUR, HELD_BACK_PAGE, plainCodesImage } from '../../../fixtures/qr/generate';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
const UHD = { width: 3840, height: 2160 };
const FULL_HD = { width: 1920, height: 1080 };
/** Generating 4K pages and blurred camera frames takes seconds on a busy machine (no speed is tested here). */
const SLOW = 120_000;

let zxing: ZxingDecoder;
beforeAll(async () => {
  zxing = await createZxingDecoder({ wasmBinary });
});

/** The real ZXing, with a log of the calls the pipeline makes: 'full' or the size of a single pass. */
function logged(decoder: ZxingDecoder): ZxingDecoder & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: decoder.name,
    calls,
    decode(image: RgbaImage) {
      calls.push('full');
      return decoder.decode(image);
    },
    read(image: RgbaImage | LumaImage, pass: ZxingPass) {
      calls.push(`${image.width}x${image.height}`);
      return decoder.read(image, pass);
    },
  };
}

describe('staged ZXing pipeline', () => {
  it('is what ships', () => {
    const [shipped, ...rest] = shippedDecoders(zxing);
    expect(rest).toEqual([]);
    expect(shipped?.name).toBe('zxing-wasm staged');
  });

  it('reads a hard webcam frame (small, blurred, noisy code) that only the closer look decodes', async () => {
    const frame = generateCameraFrame(5002, { camera: HARD_CAMERA });
    expect(await zxing.decode(frame.image)).toEqual([]);
    expect(await decodeQrTexts(frame.image, shippedDecoders(zxing))).toEqual(frame.texts);
  }, SLOW);

  it('reads a blurred webcam frame only through the re-sampled drawing of a code ZXing located but could not read', async () => {
    // Seed 5042 (tuning set camera-hard): a low-contrast 41-module code, 3.8 px/module, blur 2.
    const frame = generateCameraFrame(5042, { camera: HARD_CAMERA });
    const spy = logged(zxing);
    expect(await stagedZxing(spy).decode(frame.image)).toEqual(frame.texts);
    // The full search and both upscaled patches found no text; the last call, which did, read the
    // drawing of 41 + 8 modules at 4 px.
    expect(spy.calls[0]).toBe('1280x720');
    expect(spy.calls.at(-1)).toBe('196x196');
    expect(await zxing.decode(frame.image)).toEqual([]);
  }, SLOW);

  it('reads a blurred, low-contrast webcam frame no ZXing call locates, through its finder patterns', async () => {
    // Seed 100004 (tuning set camera-blur): a 37-module code, ink 99 on paper 174, 3.3 px/module, Gaussian blur 1.5, noise 12.
    const frame = generateCameraFrame(100004, { camera: HARD_CAMERA_BLUR });
    const spy = logged(zxing);
    expect(await stagedZxing(spy).decode(frame.image)).toEqual(frame.texts);
    // The full search, which located nothing to re-sample (and this low-contrast frame has no
    // busiest patch to upscale), then the drawing of 37 + 8 modules at 4 px.
    expect(spy.calls).toEqual(['1280x720', '180x180']);
  }, SLOW);

  it('finds nothing in frames without a code, after the full search and one closer look', async () => {
    for (const seed of [6000, 6001, 6002]) {
      const spy = logged(zxing);
      expect(await stagedZxing(spy).decode(generateCameraFrame(seed, { camera: HARD_CAMERA, withCode: false }).image)).toEqual([]);
      // The full search (one ZXing call that also reports codes it located but could not read).
      expect(spy.calls[0]).toBe('1280x720');
      // At most two reads of one upscaled patch; never a second full-frame search.
      expect(spy.calls.filter((call) => call === '1280x720' || call === 'full')).toHaveLength(1);
      expect(spy.calls.length).toBeLessThanOrEqual(3);
    }
  }, SLOW);

  it('in a live loop takes the closer look on the first frame without a code and then only every Nth', async () => {
    // Seed 5002: only the closer look reads it (checked in the test above).
    const frame = generateCameraFrame(5002, { camera: HARD_CAMERA });
    const spy = logged(zxing);
    const [live] = shippedDecoders(spy, { live: true });
    const found: string[][] = [];
    const callsPerFrame: string[][] = [];
    for (let k = 0; k <= LIVE_CLOSER_LOOK_EVERY; k++) {
      spy.calls.length = 0;
      found.push(await decodeQrTexts(frame.image, [live as QrDecoder]));
      callsPerFrame.push([...spy.calls]);
    }
    expect(LIVE_CLOSER_LOOK_EVERY).toBeGreaterThan(1);
    expect(found[0]).toEqual(frame.texts);
    for (let k = 1; k < LIVE_CLOSER_LOOK_EVERY; k++) {
      expect(found[k], `frame ${k}`).toEqual([]);
      expect(callsPerFrame[k], `frame ${k}`).toEqual(['full']);
    }
    expect(found[LIVE_CLOSER_LOOK_EVERY]).toEqual(frame.texts);
    expect(callsPerFrame[LIVE_CLOSER_LOOK_EVERY]?.length).toBeGreaterThan(1);
    // A single image (file, screen) gets the closer look every time.
    const [still] = shippedDecoders(zxing);
    for (let k = 0; k < 2; k++) expect(await decodeQrTexts(frame.image, [still as QrDecoder])).toEqual(frame.texts);
  }, SLOW);

  it('in a live loop runs the finder search on the first closer look and then only every Mth', async () => {
    // Seed 100004: only the finder search reads it (checked above).
    const frame = generateCameraFrame(100004, { camera: HARD_CAMERA_BLUR });
    const [live] = shippedDecoders(zxing, { live: true });
    const every = LIVE_CLOSER_LOOK_EVERY * LIVE_FINDER_SEARCH_EVERY;
    expect(LIVE_FINDER_SEARCH_EVERY).toBeGreaterThan(1);
    const readOn: number[] = [];
    for (let k = 0; k <= every; k++) if ((await decodeQrTexts(frame.image, [live as QrDecoder])).length > 0) readOn.push(k);
    expect(readOn).toEqual([0, every]);
  }, SLOW);

  it('searches 4K screenshots at half size: both codes, a code too small for half size included, without a full-size search', async () => {
    // Seed 2003: a 2.3 px/module code (HiDPI-softened) beside an 8 px/module one. Seeds 2044 and
    // 2098 (standard 4K set) and 90000 (held-back set): a 2 px/module code beside a larger one,
    // which a half-size search alone loses.
    const shots = [2003, 2044, 2098].map((seed) => generateScreenshot(seed, UHD));
    shots.push(generateScreenshot(90000, { ...UHD, page: HELD_BACK_PAGE }));
    for (const shot of shots) {
      expect(shot.texts, `seed ${shot.seed}`).toHaveLength(2);
      const spy = logged(zxing);
      expect((await stagedZxing(spy).decode(shot.image)).sort(), `seed ${shot.seed}`).toEqual([...shot.texts].sort());
      expect(spy.calls[0]).toBe('1920x1080');
      // Then only crops: no full-size search.
      expect(spy.calls, `seed ${shot.seed}`).not.toContain('full');
      expect(spy.calls, `seed ${shot.seed}`).not.toContain('3840x2160');
    }
  }, SLOW);

  it('searches 1080p screenshots at half size too: a 2 px/module code beside a larger one from a patch, without a full-size search', async () => {
    // Seeds 1001 (light-on-dark) and 1010: one code read at half size, a 2.0 px/module one only
    // from the full-size crop of its fine-textured patch. Seed 1019: both codes at half size.
    for (const seed of [1001, 1010, 1019]) {
      const shot = generateScreenshot(seed, FULL_HD);
      expect(shot.texts, `seed ${seed}`).toHaveLength(2);
      const spy = logged(zxing);
      expect((await stagedZxing(spy).decode(shot.image)).sort(), `seed ${seed}`).toEqual([...shot.texts].sort());
      expect(spy.calls[0]).toBe('960x540');
      expect(spy.calls, `seed ${seed}`).not.toContain('1920x1080');
      expect(spy.calls, `seed ${seed}`).not.toContain('full');
    }
  }, SLOW);

  it('leaves a page to the full-size search when a patch crop shows a code it cannot read', async () => {
    // Seed 1157: a blurred light-on-dark 2.1 px/module code beside a 5 px/module one. The crop
    // around its patch sees the code but cannot read it; the full-size search reads both.
    const shot = generateScreenshot(1157, FULL_HD);
    const spy = logged(zxing);
    expect((await stagedZxing(spy).decode(shot.image)).sort()).toEqual([...shot.texts].sort());
    expect(spy.calls[0]).toBe('960x540');
    expect(spy.calls).toContain('1920x1080');
  }, SLOW);

  it('leaves a 4K page with too many fine-textured patches to tell to the full-size search', async () => {
    const uri = 'otpauth://totp/Nse-Portal:jan@example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal';
    const code = plainCodesImage([uri], 8);
    const page = { width: 3840, height: 2160, data: new Uint8ClampedArray(3840 * 2160 * 4).fill(255) };
    for (let y = 0; y < code.height; y++) page.data.set(code.data.subarray(y * code.width * 4, (y + 1) * code.width * 4), ((400 + y) * 3840 + 400) * 4);
    // 20 tiles of a 2-px chequerboard (fine texture at half size, no code): more than finePatches looks at.
    for (let tile = 0; tile < 20; tile++) {
      for (let y = 0; y < 48; y += 2) for (let x = 0; x < 48; x += 2) if ((x + y) % 4 === 0) fillRect(page, 1400 + tile * 120 + x, 1400 + y, 2, 2, [0, 0, 0]);
    }
    const spy = logged(zxing);
    expect(await stagedZxing(spy).decode(page)).toEqual([uri]);
    expect(spy.calls.slice(0, 2)).toEqual(['1920x1080', '3840x2160']);
  }, SLOW);

  it('finds both codes on busy 4K pages, and light-on-dark codes', async () => {
    for (const seed of [9005, 9006, 9029]) {
      const shot = generateScreenshot(seed, { ...UHD, page: BUSY_PAGE });
      expect((await decodeQrTexts(shot.image, shippedDecoders(zxing))).sort(), `seed ${seed}`).toEqual([...shot.texts].sort());
    }
  }, SLOW);

  it('falls back to the full search when the first search finds nothing', async () => {
    const blank = { width: 3840, height: 2160, data: new Uint8ClampedArray(3840 * 2160 * 4).fill(255) };
    for (const options of [{}, { halfSizeFrom: Number.POSITIVE_INFINITY }]) {
      const spy = logged(zxing);
      expect(await stagedZxing(spy, options).decode(blank)).toEqual([]);
      expect(spy.calls).toContain('full');
    }
  }, SLOW);

  it('without the half-size search, reads 4K screenshots in full size first, without the downscaled pass', async () => {
    const shot = generateScreenshot(2044, UHD);
    const spy = logged(zxing);
    expect((await stagedZxing(spy, { halfSizeFrom: Number.POSITIVE_INFINITY }).decode(shot.image)).sort()).toEqual([...shot.texts].sort());
    expect(spy.calls).toEqual(['3840x2160']);
  }, SLOW);

  it('never returns the text of a code it saw but could not read', async () => {
    const uri = 'otpauth://totp/Nse-Portal:jan@example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';
    const damaged = plainCodesImage([uri], 4);
    // Stripes over the data modules, away from the three finder patterns: found, not readable.
    for (let x = 60; x < damaged.width - 60; x += 12) fillRect(damaged, x, 40, 6, damaged.height - 80, [0, 0, 0]);
    const reading = await zxing.read(damaged, { downscale: false, locate: true });
    expect(reading.texts).toEqual([]);
    expect(await decodeQrTexts(damaged, shippedDecoders(zxing))).toEqual([]);
  }, SLOW);

  it('returns only the codes placed, over a run of hard frames and busy pages', async () => {
    for (let seed = 5000; seed < 5012; seed++) {
      const frame = generateCameraFrame(seed, { camera: HARD_CAMERA });
      for (const text of await decodeQrTexts(frame.image, shippedDecoders(zxing))) expect(frame.texts).toContain(text);
    }
    for (const seed of [9000, 9001]) {
      const shot = generateScreenshot(seed, { ...UHD, page: BUSY_PAGE });
      for (const text of await decodeQrTexts(shot.image, shippedDecoders(zxing))) expect(shot.texts).toContain(text);
    }
  }, SLOW);
});
