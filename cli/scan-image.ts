/**
 * Node's entry to the QR pipeline: an image file in, the QR texts in it out. Used by the CLI
 * (`tweestap scan`, `add --image`, `import`); the renderer has its own entry in renderer/qr.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readRegularFile } from '../node/bounded-read';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { TweestapError } from '../shared/errors';
import { assertDecodableSize, MAX_IMAGE_MEGAPIXELS } from '../shared/qr/image';
import { readImageHeader } from '../shared/qr/image-header';
import { decodeQrTexts, shippedDecoders } from '../shared/qr/pipeline';
import type { QrDecoder, RgbaImage } from '../shared/qr/types';
import { createZxingDecoder, type ZxingDecoder } from '../shared/qr/zxing';

/** Largest image file read: far above any screenshot of a QR code, far below a memory problem. */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 * 1024;

/** What scanning one file found. `decodeMs` is the pipeline alone, without reading the file. */
export interface ImageScan {
  file: string;
  width: number;
  height: number;
  decodeMs: number;
  texts: string[];
}

let zxing: Promise<ZxingDecoder> | undefined;

/**
 * ZXing for Node, loaded once. Its `.wasm` is read from the installed zxing-wasm package, so
 * nothing is fetched from the network.
 */
export function nodeZxingDecoder(): Promise<ZxingDecoder> {
  zxing ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    return createZxingDecoder({ wasmBinary: await readFile(wasmPath) });
  })();
  return zxing;
}

/** The shipped pipeline's decoders for Node. */
export async function nodeQrDecoders(): Promise<QrDecoder[]> {
  return shippedDecoders(await nodeZxingDecoder());
}

/**
 * Reads a PNG or JPEG file (told apart by its bytes, not its name) and returns every QR text in it.
 * Throws TweestapError: `qr.fileNotFound`, `qr.fileUnreadable`, `file.notRegular` (a device such
 * as /dev/zero, a FIFO, a folder), `file.tooLarge` (checked before reading), `qr.notAnImage` (not
 * PNG/JPEG, truncated or damaged) or `qr.imageTooLarge` (checked from the header, before decoding).
 */
export async function scanImageFile(path: string): Promise<ImageScan> {
  const image = decodeImageFile(path, await readImageBytes(path));
  const started = performance.now();
  const texts = await decodeQrTexts(image, await nodeQrDecoders());
  return { file: path, width: image.width, height: image.height, decodeMs: performance.now() - started, texts };
}

async function readImageBytes(path: string): Promise<Buffer> {
  try {
    return await readRegularFile(path, MAX_IMAGE_FILE_BYTES);
  } catch (error) {
    if (error instanceof TweestapError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') throw new TweestapError('not-found', 'qr.fileNotFound', { name: path });
    throw new TweestapError('input', 'qr.fileUnreadable', { name: path, reason: code });
  }
}

/** PNG or JPEG bytes → RGBA pixels. Exported for tests and for callers that already hold the bytes. */
export function decodeImageFile(name: string, bytes: Uint8Array): RgbaImage {
  const header = readImageHeader(bytes);
  if (!header) throw new TweestapError('input', 'qr.notAnImage', { name });
  assertDecodableSize(header.width, header.height);
  try {
    if (header.format === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    // The limits repeat ours in case the header walk and jpeg-js ever disagree.
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
    return { width: decoded.width, height: decoded.height, data: decoded.data };
  } catch {
    throw new TweestapError('input', 'qr.notAnImage', { name });
  }
}
