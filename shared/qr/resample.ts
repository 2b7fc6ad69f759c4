/**
 * Re-reading a QR code ZXing located but could not read: ZXing binarizes every pixel and then
 * looks at one pixel per module, which on blurred, noisy camera frames (σ 1.2–2 px of blur on
 * 2.5–4 px modules) gets 5–20% of modules wrong. Here each module is the mean of its middle, the
 * symbol's corners are fitted to its known patterns (finders, timing, an alignment pattern), and
 * each module is decided against a model of how much its neighbours' ink bleeds into it (fitted
 * on the symbol itself). The result is drawn as a clean code for ZXing to read, so ZXing's
 * Reed–Solomon check still decides whether the text is valid. Pure arithmetic over typed arrays.
 */
import type { LumaImage } from './pixels';

export interface Point {
  x: number;
  y: number;
}

/** A symbol's outer corners as ZXing reports them: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/**
 * The perspective map from the unit square onto `corners` ((0, 0) → top-left, (1, 0) →
 * top-right, (1, 1) → bottom-right, (0, 1) → bottom-left).
 */
export function squareToQuad([p0, p1, p2, p3]: Quad): (u: number, v: number) => Point {
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  const [dx1, dx2, dy1, dy2] = [p1.x - p2.x, p3.x - p2.x, p1.y - p2.y, p3.y - p2.y];
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det;
  const h = (dx1 * sy - sx * dy1) / det;
  const [a, b, d, e] = [p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y];
  return (u, v) => {
    const w = g * u + h * v + 1;
    return { x: (a * u + b * v + p0.x) / w, y: (d * u + e * v + p0.y) / w };
  };
}

/** Brightness at (x, y) between pixel centres (bilinear; clamped at the edges). */
function brightnessAt(luma: LumaImage, x: number, y: number): number {
  const { width, height, data } = luma;
  const x0 = Math.max(0, Math.min(width - 2, Math.floor(x)));
  const y0 = Math.max(0, Math.min(height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const i = y0 * width + x0;
  const top = (data[i] ?? 0) * (1 - fx) + (data[i + 1] ?? 0) * fx;
  const bottom = (data[i + width] ?? 0) * (1 - fx) + (data[i + width + 1] ?? 0) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * The mean brightness of the middle `share` of each listed module (`cells`: row × size +
 * column) of a `size`-module symbol at `corners`, from `steps` × `steps` samples.
 */
export function moduleMeans(luma: LumaImage, corners: Quad, size: number, cells: ArrayLike<number>, share = 0.5, steps = 3): Float64Array {
  const map = squareToQuad(corners);
  const offsets = Array.from({ length: steps }, (_, k) => (steps === 1 ? 0 : (k / (steps - 1) - 0.5) * share));
  const means = new Float64Array(cells.length);
  for (let n = 0; n < cells.length; n++) {
    const cell = cells[n] ?? 0;
    const [row, col] = [Math.floor(cell / size), cell % size];
    let sum = 0;
    for (const dy of offsets) {
      for (const dx of offsets) {
        const { x, y } = map((col + 0.5 + dx) / size, (row + 0.5 + dy) / size);
        sum += brightnessAt(luma, x, y);
      }
    }
    means[n] = sum / (steps * steps);
  }
  return means;
}

/**
 * The modules every QR symbol of `size` modules has (cell → dark): the three finder patterns with
 * their light separators, the two timing patterns and (version 2 up) the alignment pattern nearest
 * the bottom-right corner, which every version has at the same place.
 */
export function knownModules(size: number): Map<number, boolean> {
  const known = new Map<number, boolean>();
  for (const [top, left] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
    for (let row = top - 1; row <= top + 7; row++) {
      for (let col = left - 1; col <= left + 7; col++) {
        if (row < 0 || col < 0 || row >= size || col >= size) continue;
        const ring = Math.max(Math.abs(row - top - 3), Math.abs(col - left - 3));
        known.set(row * size + col, ring !== 2 && ring !== 4);
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    known.set(6 * size + i, i % 2 === 0);
    known.set(i * size + 6, i % 2 === 0);
  }
  if (size > 21) {
    const centre = size - 7;
    for (let row = -2; row <= 2; row++) {
      for (let col = -2; col <= 2; col++) known.set((centre + row) * size + centre + col, Math.max(Math.abs(row), Math.abs(col)) !== 1);
    }
  }
  return known;
}

/** How well the modules sampled at `corners` match `known` (`light`: +1 light, −1 dark): brightness correlated with lightness, higher is better. */
function fitOf(luma: LumaImage, corners: Quad, size: number, cells: Int32Array, light: Float64Array): number {
  const means = moduleMeans(luma, corners, size, cells);
  const average = means.reduce((sum, value) => sum + value, 0) / means.length;
  let agreement = 0;
  let spread = 0;
  means.forEach((value, n) => {
    agreement += (light[n] ?? 0) * (value - average);
    spread += (value - average) ** 2;
  });
  return agreement / Math.sqrt(spread * light.length + 1e-9);
}

/** The known modules of a `size`-module symbol as cells and lightness (+1 light, −1 dark), for `fitOf`. */
function knownPattern(size: number): { cells: Int32Array; light: Float64Array } {
  const known = knownModules(size);
  return { cells: Int32Array.from(known.keys()), light: Float64Array.from(known.values(), (dark) => (dark ? -1 : 1)) };
}

/** How well a `size`-module symbol at `corners` shows the modules every symbol has (a correlation, ≤ 1; about 0 where there is none). */
export function knownFit(luma: LumaImage, corners: Quad, size: number): number {
  const { cells, light } = knownPattern(size);
  return fitOf(luma, corners, size, cells, light);
}

/**
 * `corners` moved, one at a time in steps of ½, ¼ and ⅛ of a module, while that makes the known
 * modules match better: ZXing's corners of a code it could not read are often a module off.
 */
export function fitCorners(luma: LumaImage, corners: Quad, size: number): Quad {
  const { cells, light } = knownPattern(size);
  const moduleSide = Math.hypot(corners[1].x - corners[0].x, corners[1].y - corners[0].y) / size;
  let best = corners;
  let bestFit = fitOf(luma, best, size, cells, light);
  for (const step of [0.5, 0.25, 0.125].map((share) => share * moduleSide)) {
    for (let pass = 0; pass < 3; pass++) {
      for (let corner = 0; corner < 4; corner++) {
        for (const [dx, dy] of [[step, 0], [-step, 0], [0, step], [0, -step]] as const) {
          const trial = best.map((point, n) => (n === corner ? { x: point.x + dx, y: point.y + dy } : point)) as unknown as Quad;
          const fit = fitOf(luma, trial, size, cells, light);
          if (fit > bestFit) [best, bestFit] = [trial, fit];
        }
      }
    }
  }
  return best;
}

/** Dark where a module is darker than the mean of the 7 × 7 modules around it. */
function darkerThanAround(means: Float64Array, size: number): Uint8Array {
  const dark = new Uint8Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let sum = 0;
      let count = 0;
      for (let r = Math.max(0, row - 3); r <= Math.min(size - 1, row + 3); r++) {
        for (let c = Math.max(0, col - 3); c <= Math.min(size - 1, col + 3); c++, count++) sum += means[r * size + c] ?? 0;
      }
      dark[row * size + col] = (means[row * size + col] ?? 0) < sum / count ? 1 : 0;
    }
  }
  return dark;
}

/** What a module's brightness depends on in the bleed model: 1, itself dark, its dark edge neighbours, its dark corner neighbours. */
function bleedTerms(dark: Uint8Array, size: number, row: number, col: number, self: number): [number, number, number, number] {
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= size || c >= size ? 0 : (dark[r * size + c] ?? 0));
  const edges = at(row - 1, col) + at(row + 1, col) + at(row, col - 1) + at(row, col + 1);
  const corners = at(row - 1, col - 1) + at(row - 1, col + 1) + at(row + 1, col - 1) + at(row + 1, col + 1);
  return [1, self, edges, corners];
}

/** The least-squares weights of the bleed model for `means` given the modules' current `dark`. */
function fitBleed(means: Float64Array, dark: Uint8Array, size: number): number[] {
  // The normal equations, 4 rows of [AᵀA | Aᵀb], flat.
  const normal = new Float64Array(4 * 5);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const terms = bleedTerms(dark, size, row, col, dark[row * size + col] ?? 0);
      const value = means[row * size + col] ?? 0;
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) normal[i * 5 + j] = (normal[i * 5 + j] ?? 0) + (terms[i] ?? 0) * (terms[j] ?? 0);
        normal[i * 5 + 4] = (normal[i * 5 + 4] ?? 0) + (terms[i] ?? 0) * value;
      }
    }
  }
  return solveLinear(Array.from({ length: 4 }, (_, i) => [...normal.subarray(i * 5, i * 5 + 5)]));
}

/** The solution of n equations given as rows [a₁ … aₙ | b] (Gauss–Jordan with pivoting); NaN when singular. */
export function solveLinear(rows: number[][]): number[] {
  const m = rows.map((row) => [...row]);
  const n = m.length;
  for (let i = 0; i < n; i++) {
    const pivot = m.slice(i).reduce((best, row, k) => (Math.abs(row[i] ?? 0) > Math.abs(m[best]?.[i] ?? 0) ? i + k : best), i);
    [m[i], m[pivot]] = [m[pivot] as number[], m[i] as number[]];
    const top = m[i] as number[];
    for (let k = 0; k < n; k++) {
      const row = m[k] as number[];
      if (k === i) continue;
      const factor = (row[i] ?? 0) / (top[i] ?? 0);
      for (let j = i; j <= n; j++) row[j] = (row[j] ?? 0) - factor * (top[j] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 0));
}

/**
 * Each module dark or light, from the modules' mean brightness: first against the modules around
 * it, then, for a few rounds, whichever of dark or light the bleed model (fitted anew each round)
 * predicts closer to what was measured; the known modules stay as they must be.
 */
export function decideModules(means: Float64Array, size: number, known: Map<number, boolean>, rounds = 4): Uint8Array {
  const dark = darkerThanAround(means, size);
  for (const [cell, isDark] of known) dark[cell] = isDark ? 1 : 0;
  for (let round = 0; round < rounds; round++) {
    const weights = fitBleed(means, dark, size);
    if (weights.some((weight) => !Number.isFinite(weight))) break;
    const predict = (row: number, col: number, self: number) => bleedTerms(dark, size, row, col, self).reduce((sum, term, i) => sum + term * (weights[i] ?? 0), 0);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const cell = row * size + col;
        if (known.has(cell)) continue;
        const value = means[cell] ?? 0;
        dark[cell] = Math.abs(value - predict(row, col, 1)) < Math.abs(value - predict(row, col, 0)) ? 1 : 0;
      }
    }
  }
  return dark;
}

/** `dark` modules drawn black on white, `pixels` per module, with a quiet zone of 4 modules. */
export function drawModules(dark: Uint8Array, size: number, pixels = 4): LumaImage {
  const side = (size + 8) * pixels;
  const data = new Uint8Array(side * side).fill(255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!dark[row * size + col]) continue;
      for (let y = (row + 4) * pixels; y < (row + 5) * pixels; y++) data.fill(0, y * side + (col + 4) * pixels, y * side + (col + 5) * pixels);
    }
  }
  return { width: side, height: side, data };
}

/**
 * A clean drawing of the `size`-module symbol ZXing located at `corners` in `luma`, each module
 * decided from the mean of its middle half (see the top of this file).
 */
export function resampledSymbol(luma: LumaImage, corners: Quad, size: number): LumaImage {
  const fitted = fitCorners(luma, corners, size);
  const means = moduleMeans(luma, fitted, size, Int32Array.from({ length: size * size }, (_, cell) => cell));
  return drawModules(decideModules(means, size, knownModules(size)), size);
}
