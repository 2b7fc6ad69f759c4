/**
 * The two widest pixel loops of the decode pipeline, run in WebAssembly SIMD
 * (pixel-kernels.wat): the half-size grey copy and the step counts of `finePatches`. In
 * JavaScript they took about 13 and 8–12 ms of a 4K screenshot's half-size search; see
 * docs/decoders.md. Both return exactly the bytes of the plain loops they replaced.
 */
import type { RgbaImage } from './types';
import { PIXEL_KERNELS_WASM } from './pixel-kernels.wasm';

/** The parts of WebAssembly's JavaScript API used here: a global in browsers, workers and Node alike (shared/ sees no DOM or Node types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface Kernels {
  memory: WasmMemory;
  halve(src: number, stride: number, width: number, height: number, dst: number): void;
  countSteps(src: number, width: number, step: number, cols: number, rows: number, dst: number): void;
}

const PAGE_BYTES = 65_536;

/**
 * Kernels whose memory grew past this are dropped after the call instead of kept for the next:
 * a 4K frame needs about 2 MB (its half-size grey copy, for the step counts), and one
 * 50-megapixel photo should not leave 13 MB behind.
 */
const KEEP_MEMORY_BYTES = 4 * 1024 * 1024;

let compiled: object | undefined;
let kept: Kernels | undefined;

/**
 * Kernels with at least `bytes` of memory. The module is about 1 kB, so it compiles synchronously
 * (browsers allow that up to 4 kB, even on a page's main thread).
 */
function kernelsWith(bytes: number): Kernels {
  const { Module, Instance } = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  compiled ??= new Module(Uint8Array.from({ length: PIXEL_KERNELS_WASM.length / 2 }, (_, i) => parseInt(PIXEL_KERNELS_WASM.slice(2 * i, 2 * i + 2), 16)));
  const kernels = kept ?? (new Instance(compiled).exports as Kernels);
  const missingPages = Math.ceil(bytes / PAGE_BYTES) - kernels.memory.buffer.byteLength / PAGE_BYTES;
  if (missingPages > 0) kernels.memory.grow(missingPages);
  kept = kernels.memory.buffer.byteLength <= KEEP_MEMORY_BYTES ? kernels : undefined;
  return kernels;
}

/**
 * Output rows per call of `halve`: the RGBA rows under them (0.98 MB at 4K) are copied into the
 * kernels' memory and halved while still in the processor's cache, and the memory stays small.
 */
const HALVE_BAND_ROWS = 32;

/**
 * `width` × `height` bytes, each the brightness of the mean colour of a 2×2 block of `image`
 * (ZXing's weights 306, 601, 117 of 1024, rounded).
 */
export function halvedLuma(image: RgbaImage, width: number, height: number): Uint8Array {
  const rowBytes = image.width * 4;
  const bandBytes = 2 * HALVE_BAND_ROWS * rowBytes;
  const kernels = kernelsWith(bandBytes + HALVE_BAND_ROWS * width);
  const memory = new Uint8Array(kernels.memory.buffer);
  const pixels = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length);
  const luma = new Uint8Array(width * height);
  for (let y = 0; y < height; y += HALVE_BAND_ROWS) {
    const rows = Math.min(HALVE_BAND_ROWS, height - y);
    memory.set(pixels.subarray(2 * y * rowBytes, 2 * (y + rows) * rowBytes));
    kernels.halve(0, image.width, width, rows, bandBytes);
    luma.set(memory.subarray(bandBytes, bandBytes + rows * width), y * width);
  }
  return luma;
}

/**
 * For each 4×4 cell (`cols` × `rows` of them) of a grey image `width` pixels wide, how many
 * pixels of its first and third rows step by more than `step` levels to their right or lower
 * neighbour: 0–8, one byte per cell, row by row.
 */
export function cellStepCounts(luma: Uint8Array, width: number, step: number, cols: number, rows: number): Uint8Array {
  const counts = luma.length;
  const kernels = kernelsWith(counts + cols * rows);
  const memory = new Uint8Array(kernels.memory.buffer);
  memory.set(luma);
  kernels.countSteps(0, width, step, cols, rows, counts);
  return memory.slice(counts, counts + cols * rows);
}
