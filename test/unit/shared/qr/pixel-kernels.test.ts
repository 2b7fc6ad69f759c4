import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cellStepCounts, halvedLuma } from '../../../../shared/qr/pixel-kernels';
import type { RgbaImage } from '../../../../shared/qr/types';
import { BUSY_PAGE, generateCameraFrame, generateScreenshot } from '../../../fixtures/qr/generate';

// The plain loops the WebAssembly kernels replaced, as the reference they must match byte for byte.

function referenceHalf(image: RgbaImage, width: number, height: number): Uint8Array {
  const { data } = image;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [a, b, c, d] = [(2 * y * image.width + 2 * x) * 4, (2 * y * image.width + 2 * x + 1) * 4, ((2 * y + 1) * image.width + 2 * x) * 4, ((2 * y + 1) * image.width + 2 * x + 1) * 4];
      const sum = (channel: number) => (data[a + channel] as number) + (data[b + channel] as number) + (data[c + channel] as number) + (data[d + channel] as number);
      out[y * width + x] = (306 * sum(0) + 601 * sum(1) + 117 * sum(2) + 2048) >> 12;
    }
  }
  return out;
}

function referenceSteps(luma: Uint8Array, width: number, step: number, cols: number, rows: number): Uint8Array {
  const counts = new Uint8Array(cols * rows);
  for (let cy = 0; cy < rows; cy++) {
    for (const y of [4 * cy, 4 * cy + 2]) {
      for (let x = 0; x < 4 * cols; x++) {
        const here = luma[y * width + x] as number;
        const steps = Math.abs((luma[y * width + x + 1] as number) - here) > step || Math.abs((luma[(y + 1) * width + x] as number) - here) > step;
        if (steps) counts[cy * cols + (x >> 2)] = (counts[cy * cols + (x >> 2)] as number) + 1;
      }
    }
  }
  return counts;
}

/** Pixels from a fixed pseudo-random sequence: every byte value, no structure. */
function noise(width: number, height: number, seed: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = Math.imul(i + seed, 2654435761) >>> 24;
  return { width, height, data };
}

describe('pixel kernels (WebAssembly SIMD)', () => {
  // Widths around the 8-pixel (halving) and 16-pixel (step counting) vector widths, odd sizes,
  // heights across several 32-row bands, a camera frame and a busy page.
  const images: [string, RgbaImage][] = [
    ['1×1', noise(1, 1, 1)],
    ['2×2', noise(2, 2, 2)],
    ['15×3', noise(15, 3, 3)],
    ['16×4', noise(16, 4, 4)],
    ['17×5', noise(17, 5, 5)],
    ['33×66', noise(33, 66, 6)],
    ['70×131', noise(70, 131, 7)],
    ['131×70', noise(131, 70, 8)],
    ['camera frame', generateCameraFrame(3000).image],
    ['busy 1080p page', generateScreenshot(8000, { width: 1920, height: 1080, page: BUSY_PAGE }).image],
  ];

  it.each(images)('halves %s to exactly the bytes of the plain 2×2 mean', (_, image) => {
    const [width, height] = [image.width >> 1, image.height >> 1];
    expect(Buffer.from(halvedLuma(image, width, height)).equals(Buffer.from(referenceHalf(image, width, height)))).toBe(true);
  });

  it.each(images)('counts the steps of %s per 4×4 cell exactly as the plain loop', (_, image) => {
    const [width, height] = [image.width >> 1, image.height >> 1];
    const luma = referenceHalf(image, width, height);
    const [cols, rows] = [Math.max(0, Math.floor((width - 1) / 4)), Math.max(0, Math.floor((height - 1) / 4))];
    for (const step of [0, 40, 254]) {
      expect(Buffer.from(cellStepCounts(luma, width, step, cols, rows)).equals(Buffer.from(referenceSteps(luma, width, step, cols, rows)))).toBe(true);
    }
  });

  it('reads pixels from a view that starts inside a larger buffer', () => {
    const whole = noise(9, 7, 9);
    const buffer = new Uint8ClampedArray(whole.data.length + 12);
    buffer.set(whole.data, 12);
    const view = { ...whole, data: buffer.subarray(12) };
    expect([...halvedLuma(view, 4, 3)]).toEqual([...referenceHalf(whole, 4, 3)]);
  });

  it('gives the same bytes after a large image as before it (memory grown, then dropped)', () => {
    const small = noise(40, 40, 10);
    const before = halvedLuma(small, 20, 20);
    // 4.4 MB of grey pixels: more than the kernels keep between calls.
    cellStepCounts(new Uint8Array(2100 * 2100), 2100, 40, 524, 524);
    expect([...halvedLuma(small, 20, 20)]).toEqual([...before]);
  });

  it('ships the bytes its WebAssembly text assembles to', () => {
    const check = spawnSync(process.execPath, ['scripts/build-pixel-kernels.mjs', '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
