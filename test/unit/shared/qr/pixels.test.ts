import { describe, expect, it } from 'vitest';
import { busiestRegion, cropRgba, finePatches, halfLuma, lumaOf, rgbaOf, unsharpMask, upscale2xRgba, type LumaImage } from '../../../../shared/qr/pixels';
import { fillRect, generateCameraFrame, HARD_CAMERA, plainCodesImage } from '../../../fixtures/qr/generate';

function luma(width: number, height: number, value: (x: number, y: number) => number): LumaImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = value(x, y);
  return { width, height, data };
}

describe('pixel operations', () => {
  it('halves an image by the mean brightness of each 2×2 block, dropping an odd last row and column', () => {
    const image = rgbaOf(luma(5, 3, (x, y) => (x < 2 ? 0 : 200) + y));
    const half = halfLuma(image);
    expect([half.width, half.height]).toEqual([2, 1]);
    expect([...half.data]).toEqual([1, 201]);
  });

  it('reads colour with the weights ZXing uses', () => {
    const red = { width: 1, height: 1, data: new Uint8ClampedArray([255, 0, 0, 255]) };
    expect(lumaOf(red).data[0]).toBe(76);
  });

  it('crops to the part of a rectangle inside the image', () => {
    const image = rgbaOf(luma(4, 4, (x, y) => 10 * y + x));
    const crop = cropRgba(image, { x: 2, y: -1, width: 5, height: 3 });
    expect([crop.width, crop.height]).toEqual([2, 2]);
    expect([...lumaOf(crop).data]).toEqual([2, 3, 12, 13]);
  });

  it('upscales 2× bilinearly: flat stays flat, an edge gets an in-between step', () => {
    const flat = upscale2xRgba(luma(3, 2, () => 90));
    expect([flat.width, flat.height]).toEqual([6, 4]);
    expect(new Set(lumaOf(flat).data)).toEqual(new Set([90]));
    const edge = lumaOf(upscale2xRgba(luma(2, 1, (x) => (x === 0 ? 0 : 160)))).data;
    expect([...edge.subarray(0, 4)]).toEqual([0, 40, 120, 160]);
  });

  it('unsharp mask leaves flat areas alone and steepens edges', () => {
    expect(new Set(unsharpMask(luma(9, 9, () => 77), 2, 2).data)).toEqual(new Set([77]));
    const step = luma(12, 3, (x) => (x < 6 ? 100 : 150));
    const sharpened = unsharpMask(step, 2, 1).data;
    expect(sharpened[1 * 12 + 5]).toBeLessThan(100);
    expect(sharpened[1 * 12 + 6]).toBeGreaterThan(150);
    expect(sharpened[1 * 12 + 0]).toBe(100);
  });
});

describe('finePatches', () => {
  it('finds a code of one-pixel modules among lines of text, and skips what is already known', () => {
    // What a 4K screenshot's 2 px/module code looks like in the half-size copy the search runs on.
    const page = { width: 400, height: 200, data: new Uint8ClampedArray(400 * 200 * 4).fill(255) };
    for (let y = 10; y < 190; y += 12) for (let x = 10; x < 380; x += 40) fillRect(page, x, y, 30, 6, [30, 30, 30]);
    expect(finePatches(lumaOf(page), [])).toEqual([]);

    const code = plainCodesImage(['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'], 1);
    const [left, top] = [204, 64];
    fillRect(page, left - 4, top - 4, code.width + 8, code.height + 8, [255, 255, 255]);
    for (let y = 0; y < code.height; y++) page.data.set(code.data.subarray(y * code.width * 4, (y + 1) * code.width * 4), ((top + y) * 400 + left) * 4);
    const patches = finePatches(lumaOf(page), []);
    expect(patches).toHaveLength(1);
    const [patch = { x: 0, y: 0, width: 0, height: 0 }] = patches ?? [];
    expect(patch.x).toBeLessThanOrEqual(left + 4);
    expect(patch.y).toBeLessThanOrEqual(top + 4);
    expect(patch.x + patch.width).toBeGreaterThanOrEqual(left + code.width - 4);
    expect(patch.y + patch.height).toBeGreaterThanOrEqual(top + code.height - 4);
    expect(finePatches(lumaOf(page), [{ x: left - 8, y: top - 8, width: code.width + 16, height: code.height + 16 }])).toEqual([]);
  });

  it('gives up (undefined) on a page with more fine-textured patches than it may look at', () => {
    // A chequerboard of 1-px squares in 40 separate 24×24 tiles (20 across, 2 down): each one a patch.
    const page = luma(640, 120, (x, y) => (x % 32 < 24 && y % 60 < 24 && (x + y) % 2 === 0 ? 0 : 255));
    expect(finePatches(page, [], { most: 40 })).toHaveLength(40);
    expect(finePatches(page, [], { most: 39 })).toBeUndefined();
  });
});

describe('busiestRegion', () => {
  it('finds the code in a hard webcam frame, and nothing on a flat one', () => {
    const frame = generateCameraFrame(5002, { camera: HARD_CAMERA });
    const region = busiestRegion(halfLuma(frame.image));
    expect(region).toBeDefined();
    expect((region?.width ?? 0) * (region?.height ?? 0)).toBeLessThan(640 * 360 * 0.25);
    expect(busiestRegion(luma(640, 360, () => 128))).toBeUndefined();
  }, 120_000);
});
