import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { lumaOf } from '../../../../shared/qr/pixels';
import { decideModules, drawModules, fitCorners, knownModules, moduleMeans, resampledSymbol, solveLinear, squareToQuad, type Quad } from '../../../../shared/qr/resample';
import { createZxingDecoder, type ZxingDecoder } from '../../../../shared/qr/zxing';
import { plainCodesImage, Random } from '../../../fixtures/qr/generate';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
const TEXT = 'otpauth://totp/Tweestap:ann?secret=JBSWY3DPEHPK3PXP&issuer=Tweestap';

let zxing: ZxingDecoder;
beforeAll(async () => {
  zxing = await createZxingDecoder({ wasmBinary });
});

/** A clean code at 4 px/module (quiet zone 4 modules), its side in modules and its outer corners. */
function cleanCode() {
  const image = plainCodesImage([TEXT], 4);
  const modules = image.width / 4 - 8;
  const [a, b] = [16, 16 + modules * 4];
  const corners: Quad = [{ x: a, y: a }, { x: b, y: a }, { x: b, y: b }, { x: a, y: b }];
  return { luma: lumaOf(image), modules, corners };
}

describe('re-sampling a located code', () => {
  it('maps the unit square onto a perspective quad, corners to corners', () => {
    const quad: Quad = [{ x: 10, y: 20 }, { x: 110, y: 30 }, { x: 120, y: 140 }, { x: 5, y: 100 }];
    const map = squareToQuad(quad);
    [map(0, 0), map(1, 0), map(1, 1), map(0, 1)].forEach((point, n) => {
      expect(point.x).toBeCloseTo(quad[n]?.x ?? NaN, 9);
      expect(point.y).toBeCloseTo(quad[n]?.y ?? NaN, 9);
    });
  });

  it('knows the finder, timing and alignment modules', () => {
    // Version 1: three finders with separators (3 × 8 × 8) and two timing runs of 5.
    expect(knownModules(21).size).toBe(3 * 64 + 2 * 5);
    // Version 2 adds the 5 × 5 alignment pattern, with a dark centre.
    expect(knownModules(25).size).toBe(3 * 64 + 2 * 9 + 25);
    expect(knownModules(25).get(18 * 25 + 18)).toBe(true);
    expect(knownModules(25).get(17 * 25 + 18)).toBe(false);
  });

  it('solves linear equations', () => {
    // x + y = 3, x − y = 1
    expect(solveLinear([[1, 1, 3], [1, -1, 1]])).toEqual([2, 1]);
  });

  it('draws a clean code ZXing reads with the same text', async () => {
    const { luma, modules, corners } = cleanCode();
    expect((await zxing.read(resampledSymbol(luma, corners, modules), { downscale: false })).texts).toEqual([TEXT]);
  });

  it('moves corners that are half a module off back onto the code (to within a third of a module)', () => {
    const { luma, modules, corners } = cleanCode();
    const off = corners.map(({ x, y }, n) => ({ x: x + (n % 2 === 0 ? 2 : -2), y: y + 2 })) as unknown as Quad;
    fitCorners(luma, off, modules).forEach((point, n) => {
      expect(Math.abs(point.x - (corners[n]?.x ?? NaN))).toBeLessThanOrEqual(4 / 3);
      expect(Math.abs(point.y - (corners[n]?.y ?? NaN))).toBeLessThanOrEqual(4 / 3);
    });
  });

  it('decides modules whose ink bleeds into their neighbours, where a plain threshold does not', () => {
    const { luma, modules, corners } = cleanCode();
    const cells = Int32Array.from({ length: modules * modules }, (_, cell) => cell);
    const truth = Uint8Array.from(moduleMeans(luma, corners, modules, cells), (mean) => (mean < 128 ? 1 : 0));
    // Blur in module terms: a module keeps half its own ink and takes 10% of each edge neighbour's; plus noise.
    const random = new Random(7);
    const at = (row: number, col: number) => (row < 0 || col < 0 || row >= modules || col >= modules ? 0 : (truth[row * modules + col] ?? 0));
    const bled = Float64Array.from(cells, (cell) => {
      const [row, col] = [Math.floor(cell / modules), cell % modules];
      const ink = 0.5 * at(row, col) + 0.1 * (at(row - 1, col) + at(row + 1, col) + at(row, col - 1) + at(row, col + 1));
      return 200 - 150 * ink + (random.next() - 0.5) * 20;
    });
    const decided = decideModules(bled, modules, knownModules(modules));
    const plain = decideModules(bled, modules, knownModules(modules), 0);
    const errors = (dark: Uint8Array) => dark.reduce((sum, value, cell) => sum + (value !== truth[cell] ? 1 : 0), 0);
    expect(errors(plain)).toBeGreaterThan(5);
    expect(errors(decided)).toBe(0);
  });

  it('gives no text when the sampling is garbled: a wrong size, corners a quarter of the code off, modules at random', async () => {
    const { luma, modules, corners } = cleanCode();
    const shifted = corners.map(({ x, y }) => ({ x: x + modules, y: y + modules })) as unknown as Quad;
    const random = new Random(11);
    const noise = Uint8Array.from({ length: modules * modules }, () => (random.next() < 0.5 ? 1 : 0));
    for (const drawing of [resampledSymbol(luma, corners, modules + 4), resampledSymbol(luma, shifted, modules), drawModules(noise, modules)]) {
      expect((await zxing.read(drawing, { downscale: false, locate: true })).texts).toEqual([]);
    }
  });
});
