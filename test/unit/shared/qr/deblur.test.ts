import { describe, expect, it } from 'vitest';
import { motionAxis, motionDeblur } from '../../../../shared/qr/deblur';
import type { LumaImage } from '../../../../shared/qr/pixels';

/** A checkerboard of `module`-pixel squares, dark and light (code modules). */
function checks(width: number, height: number, module: number): LumaImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = (Math.floor(x / module) + Math.floor(y / module)) % 2 === 0 ? 40 : 210;
  }
  return { width, height, data };
}

/** `image` smeared by a box of `length` pixels along x (clamped at the edges), as motion blur does. */
function smearX({ width, height, data }: LumaImage, length: number): LumaImage {
  const out = new Uint8Array(data.length);
  const half = (length - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let d = -half; d <= half; d++) sum += data[y * width + Math.min(width - 1, Math.max(0, x + d))] ?? 0;
      out[y * width + x] = Math.round(sum / length);
    }
  }
  return { width, height, data: out };
}

/** Mean distance between two images' pixels, away from the left and right edges. */
function distance(a: LumaImage, b: LumaImage): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 10; x < a.width - 10; x++, count++) sum += Math.abs((a.data[y * a.width + x] ?? 0) - (b.data[y * b.width + x] ?? 0));
  }
  return sum / count;
}

describe('motion deblur', () => {
  it('tells the axis of a one-way smear, and none for a square of both kinds of edge', () => {
    const smeared = smearX(checks(80, 40, 6), 9);
    expect(motionAxis(smeared)).toBe('x');
    const turned: LumaImage = { width: 40, height: 80, data: new Uint8Array(40 * 80) };
    for (let y = 0; y < 80; y++) for (let x = 0; x < 40; x++) turned.data[y * 40 + x] = smeared.data[x * 80 + y] ?? 0;
    expect(motionAxis(turned)).toBe('y');
    expect(motionAxis(checks(40, 40, 6))).toBeUndefined();
  });

  it('brings smeared modules closer to the sharp ones', () => {
    const sharp = checks(96, 24, 6);
    const smeared = smearX(sharp, 9);
    const restored = motionDeblur(smeared, 'x', 9);
    expect(distance(restored, sharp)).toBeLessThan(0.7 * distance(smeared, sharp));
  });
});
