/**
 * Pixel operations for the decode pipeline's extra passes, in plain TypeScript over typed arrays
 * (no DOM, no Node): grey (luma) images, crop, 2× down- and upscale, sharpen, and back to RGBA
 * for ZXing. The two widest loops (the half-size copy, the step counts of `finePatches`) run in
 * WebAssembly (pixel-kernels.ts). Each makes one new array and leaves its input alone.
 */
import { cellStepCounts, halvedLuma } from './pixel-kernels';
import type { RgbaImage } from './types';

/** One byte of brightness per pixel, row by row, no padding. */
export interface LumaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rectangle in whole pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Brightness of each pixel, with the weights ZXing uses (306, 601, 117 of 1024). */
export function lumaOf(image: RgbaImage): LumaImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, k = 0; i < out.length; i++, k += 4) {
    out[i] = (306 * (data[k] ?? 0) + 601 * (data[k + 1] ?? 0) + 117 * (data[k + 2] ?? 0) + 512) >> 10;
  }
  return { width, height, data: out };
}

/** Grey pixels as RGBA (R = G = B, opaque), the form ZXing's public reader takes. */
export function rgbaOf(luma: LumaImage): RgbaImage {
  const out = new Uint8ClampedArray(luma.width * luma.height * 4);
  const words = new Int32Array(out.buffer);
  const { data } = luma;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? 0;
    words[i] = 0xff000000 | (v << 16) | (v << 8) | v; // little-endian: R, G, B, A
  }
  return { width: luma.width, height: luma.height, data: out };
}

/** `rect` clipped to an image of `width` × `height` (possibly empty). */
export function clipRect(rect: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const right = Math.min(width, Math.ceil(rect.x + rect.width));
  const bottom = Math.min(height, Math.ceil(rect.y + rect.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** The RGBA pixels inside `rect` (clipped to the image). */
export function cropRgba(image: RgbaImage, rect: Rect): RgbaImage {
  const { x, y, width, height } = clipRect(rect, image.width, image.height);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4;
    out.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data: out };
}

/** The brightness inside `rect` (clipped to the image). */
export function cropLuma(luma: LumaImage, rect: Rect): LumaImage {
  const { x, y, width, height } = clipRect(rect, luma.width, luma.height);
  const out = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    const from = (y + row) * luma.width + x;
    out.set(luma.data.subarray(from, from + width), row * width);
  }
  return { width, height, data: out };
}

/**
 * Half the size in each direction, each pixel the brightness of a 2×2 block's mean colour,
 * straight from RGBA (an odd last row or column is dropped). At 4K this runs over 33 MB, so it
 * runs in WebAssembly SIMD (`halvedLuma`).
 */
export function halfLuma(image: RgbaImage): LumaImage {
  const width = image.width >> 1;
  const height = image.height >> 1;
  return { width, height, data: halvedLuma(image, width, height) };
}

/**
 * Unsharp mask: each pixel pushed away from the mean of its four neighbours by `amount`
 * (1 doubles the local contrast of a module edge). Border pixels are copied.
 */
export function sharpen(luma: LumaImage, amount: number): LumaImage {
  const { width, height, data } = luma;
  const out = new Uint8Array(data);
  const k = Math.round(amount * 256);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const centre = data[i] ?? 0;
      const around = (data[i - 1] ?? 0) + (data[i + 1] ?? 0) + (data[i - width] ?? 0) + (data[i + width] ?? 0);
      const value = centre + ((k * (4 * centre - around)) >> 10);
      out[i] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
  return { width, height, data: out };
}

/**
 * Twice the size in each direction, bilinear (each new pixel between its source pixels at ¼ and
 * ¾), as grey RGBA ready for ZXing: the small modules of a distant code get more pixels each.
 */
export function upscale2xRgba(luma: LumaImage): RgbaImage {
  const { width, height, data } = luma;
  const outWidth = width * 2;
  const out = new Uint8ClampedArray(outWidth * height * 2 * 4);
  const words = new Int32Array(out.buffer);
  const grey = (v: number) => 0xff000000 | (v << 16) | (v << 8) | v;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // The neighbouring source row on the side of each output row (clamped at the edges).
    const above = Math.max(0, y - 1) * width;
    const below = Math.min(height - 1, y + 1) * width;
    const top = 2 * y * outWidth;
    const bottom = top + outWidth;
    for (let x = 0; x < width; x++) {
      const left = Math.max(0, x - 1);
      const right = Math.min(width - 1, x + 1);
      const c = data[row + x] ?? 0;
      // Vertical blends at ¼ / ¾ for this column and its two neighbours.
      const up = 3 * c + (data[above + x] ?? 0);
      const down = 3 * c + (data[below + x] ?? 0);
      const upLeft = 3 * (data[row + left] ?? 0) + (data[above + left] ?? 0);
      const upRight = 3 * (data[row + right] ?? 0) + (data[above + right] ?? 0);
      const downLeft = 3 * (data[row + left] ?? 0) + (data[below + left] ?? 0);
      const downRight = 3 * (data[row + right] ?? 0) + (data[below + right] ?? 0);
      words[top + 2 * x] = grey((3 * up + upLeft + 8) >> 4);
      words[top + 2 * x + 1] = grey((3 * up + upRight + 8) >> 4);
      words[bottom + 2 * x] = grey((3 * down + downLeft + 8) >> 4);
      words[bottom + 2 * x + 1] = grey((3 * down + downRight + 8) >> 4);
    }
  }
  return { width: outWidth, height: height * 2, data: out };
}

/**
 * Unsharp mask with a wider reach: each pixel pushed away from the mean of the (2r+1)² square
 * around it by `amount`. Undoes part of a blur as wide as a module (a webcam's defocus).
 */
export function unsharpMask(luma: LumaImage, radius: number, amount: number): LumaImage {
  const { width, height, data } = luma;
  const across = new Uint32Array(width * height);
  // Running sums along each row, then down each column, clamped at the edges.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let sum = 0;
    for (let x = -radius; x <= radius; x++) sum += data[row + Math.min(width - 1, Math.max(0, x))] ?? 0;
    for (let x = 0; x < width; x++) {
      across[row + x] = sum;
      sum += (data[row + Math.min(width - 1, x + radius + 1)] ?? 0) - (data[row + Math.max(0, x - radius)] ?? 0);
    }
  }
  const out = new Uint8Array(width * height);
  const count = (2 * radius + 1) ** 2;
  const k = amount / count;
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let y = -radius; y <= radius; y++) sum += across[Math.min(height - 1, Math.max(0, y)) * width + x] ?? 0;
    for (let y = 0; y < height; y++) {
      const i = y * width + x;
      const centre = data[i] ?? 0;
      const value = Math.round(centre + amount * centre - k * sum);
      out[i] = value < 0 ? 0 : value > 255 ? 255 : value;
      sum += (across[Math.min(height - 1, y + radius + 1) * width + x] ?? 0) - (across[Math.max(0, y - radius) * width + x] ?? 0);
    }
  }
  return { width, height, data: out };
}

/**
 * Where a code most likely is when no decoder found one: the largest patch of dense edges.
 * Works on 8×8 cells of the half-size image: a cell counts when its edge energy is well above
 * the frame's typical cell (noise and smooth background stay below), and the biggest 8-connected
 * group of such cells, with a margin, is the answer. Undefined when nothing stands out.
 */
export function busiestRegion(half: LumaImage, cell = 4): Rect | undefined {
  const { width, height, data } = half;
  const cols = Math.floor((width - 1) / cell);
  const rows = Math.floor((height - 1) / cell);
  if (cols < 4 || rows < 4) return undefined;
  const energy = new Float64Array(cols * rows);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      let sum = 0;
      for (let y = cy * cell; y < (cy + 1) * cell; y++) {
        for (let x = cx * cell, i = y * width + x; x < (cx + 1) * cell; x++, i++) {
          const v = data[i] ?? 0;
          sum += Math.abs((data[i + 1] ?? 0) - v) + Math.abs((data[i + width] ?? 0) - v);
        }
      }
      energy[cy * cols + cx] = sum;
    }
  }
  const sorted = Float64Array.from(energy).sort();
  const typical = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const threshold = Math.max(2.2 * typical, typical + 4 * cell * cell);
  const busy = energy.map((value) => (value >= threshold ? 1 : 0));
  let best: CellGroup | undefined;
  for (const group of cellGroups(Uint8Array.from(busy), cols, rows)) if (!best || group.count > best.count) best = group;
  // A code is at least about 20 modules of 2.5 px across: 50 px, three 8-px cells of the full frame.
  if (!best || best.count < 6) return undefined;
  const margin = 2;
  const x0 = Math.max(0, best.x0 - margin) * cell;
  const y0 = Math.max(0, best.y0 - margin) * cell;
  const x1 = Math.min(cols, best.x1 + 1 + margin) * cell;
  const y1 = Math.min(rows, best.y1 + 1 + margin) * cell;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Patches of fine, strong texture: cells of 4×4 pixels where at least `density` of the pixels
 * of every other row (half the work, and enough to tell texture from text) differ from their
 * right or lower neighbour by more than `step` levels (`cellStepCounts`), kept only where
 * a whole `block`×`block` square of such cells lies (a code is a solid square of texture; text,
 * rules and icons leave gaps), then joined into 8-connected groups, each with a one-cell margin.
 * On a half-size screenshot that is what a code too small to read at half size looks like
 * (modules of one or two pixels). Cells inside `known` (codes already read) are skipped.
 * Undefined when there are more than `most` groups (too busy to tell: search in full instead).
 */
export function finePatches(
  luma: LumaImage,
  known: readonly Rect[],
  { step = 40, density = 0.45, block = 4, most = 16 } = {},
): Rect[] | undefined {
  const { width, height, data } = luma;
  const cell = 4;
  const cols = Math.floor((width - 1) / cell);
  const rows = Math.floor((height - 1) / cell);
  const dense = cellStepCounts(data, width, step, cols, rows);
  const needed = (density * cell * cell) / 2;
  for (let k = 0; k < dense.length; k++) dense[k] = (dense[k] as number) >= needed ? 1 : 0;
  for (const rect of known) {
    const x0 = Math.max(0, Math.floor(rect.x / cell));
    const y0 = Math.max(0, Math.floor(rect.y / cell));
    const x1 = Math.min(cols, Math.ceil((rect.x + rect.width) / cell));
    const y1 = Math.min(rows, Math.ceil((rect.y + rect.height) / cell));
    for (let cy = y0; cy < y1; cy++) dense.fill(0, cy * cols + x0, cy * cols + Math.max(x0, x1));
  }
  const solid = solidSquares(dense, cols, rows, block);
  const groups = cellGroups(solid, cols, rows);
  if (groups.length > most) return undefined;
  groups.sort((a, b) => b.count - a.count);
  return groups.map((group) => ({
    x: Math.max(0, group.x0 - 1) * cell,
    y: Math.max(0, group.y0 - 1) * cell,
    width: (Math.min(cols, group.x1 + 2) - Math.max(0, group.x0 - 1)) * cell,
    height: (Math.min(rows, group.y1 + 2) - Math.max(0, group.y0 - 1)) * cell,
  }));
}

/** The set cells of `set` that lie in some `block`×`block` square of set cells (a summed-area table). */
function solidSquares(set: Uint8Array, cols: number, rows: number, block: number): Uint8Array {
  const sums = new Int32Array((cols + 1) * (rows + 1));
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      sums[(y + 1) * (cols + 1) + x + 1] = (set[y * cols + x] ?? 0) + (sums[y * (cols + 1) + x + 1] ?? 0) + (sums[(y + 1) * (cols + 1) + x] ?? 0) - (sums[y * (cols + 1) + x] ?? 0);
    }
  }
  const out = new Uint8Array(cols * rows);
  const full = block * block;
  for (let y = 0; y + block <= rows; y++) {
    for (let x = 0; x + block <= cols; x++) {
      const count = (sums[(y + block) * (cols + 1) + x + block] ?? 0) - (sums[y * (cols + 1) + x + block] ?? 0) - (sums[(y + block) * (cols + 1) + x] ?? 0) + (sums[y * (cols + 1) + x] ?? 0);
      if (count === full) for (let dy = 0; dy < block; dy++) out.fill(1, (y + dy) * cols + x, (y + dy) * cols + x + block);
    }
  }
  return out;
}

interface CellGroup {
  count: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The 8-connected groups of set cells in a `cols` × `rows` grid, with their bounds (inclusive). */
function cellGroups(set: Uint8Array, cols: number, rows: number): CellGroup[] {
  const seen = new Uint8Array(cols * rows);
  const groups: CellGroup[] = [];
  const stack: number[] = [];
  for (let start = 0; start < set.length; start++) {
    if (seen[start] || !set[start]) continue;
    seen[start] = 1;
    stack.push(start);
    const group = { count: 0, x0: cols, y0: rows, x1: 0, y1: 0 };
    while (stack.length > 0) {
      const at = stack.pop() ?? 0;
      const ax = at % cols;
      const ay = (at - ax) / cols;
      group.count++;
      group.x0 = Math.min(group.x0, ax);
      group.x1 = Math.max(group.x1, ax);
      group.y0 = Math.min(group.y0, ay);
      group.y1 = Math.max(group.y1, ay);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = ax + dx;
          const ny = ay + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const next = ny * cols + nx;
          if (seen[next] || !set[next]) continue;
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    groups.push(group);
  }
  return groups;
}
