import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { TweestapError } from '../errors';
import type { LumaImage, Rect } from './pixels';
import type { Quad } from './resample';
import type { QrDecoder, RgbaImage } from './types';

/** Above this many pixels (between 1440p and 4K) the first pass skips zxing's downscaling. */
const LARGE_IMAGE_PIXELS = 4_000_000;

/**
 * Where the ZXing `.wasm` comes from: always our own files, never zxing-wasm's default CDN.
 * Node passes the bytes; a browser or worker passes the URL of the asset bundled by Vite.
 */
export type ZxingWasmSource = { wasmBinary: Uint8Array } | { wasmUrl: string };

/** One ZXing call as the pipeline's passes need it (see `ZxingDecoder.read`). */
export interface ZxingPass {
  /** zxing's own extra passes over 1/3-size copies of the image (ReaderOptions.tryDownscale). */
  downscale: boolean;
  /** Also report where codes were found that could not be read (for a closer look). */
  locate?: boolean;
  /** Also look for light-on-dark codes (ReaderOptions.tryInvert, a second search); default true. */
  invert?: boolean;
}

/** What one ZXing call found: readable texts and where they are, and the boxes of codes seen but not read. */
export interface ZxingReading {
  texts: string[];
  found: Rect[];
  unread: UnreadCode[];
}

/** A code ZXing saw but could not read: the box around it, its corners, and its side in modules (0 when not known, or a Micro QR). */
export interface UnreadCode extends Rect {
  corners: Quad;
  modules: number;
}

/**
 * ZXing as a QrDecoder (`decode`: the full search) plus single calls for the pipeline's passes,
 * on RGBA or on grey pixels (one byte per pixel).
 */
export interface ZxingDecoder extends QrDecoder {
  read(image: RgbaImage | LumaImage, pass: ZxingPass): Promise<ZxingReading>;
}

/** QR only: the all-formats default is several times slower and could report other symbologies. */
const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryInvert: true,
  tryRotate: true,
  tryDownscale: true,
  maxNumberOfSymbols: 8,
};

/**
 * Loads ZXing-C++ (WebAssembly) from `source` and returns it as a QrDecoder. There is no default
 * source on purpose: without one zxing-wasm would fetch its binary from jsDelivr.
 */
export async function createZxingDecoder(source: ZxingWasmSource): Promise<ZxingDecoder> {
  try {
    await prepareZXingModule({ overrides: moduleOverrides(source), fireImmediately: true });
  } catch {
    throw new TweestapError('internal', 'qr.decoderUnavailable');
  }
  return {
    name: 'zxing-wasm',
    async decode(image: RgbaImage): Promise<string[]> {
      // readBarcodes takes any { width, height, data } object as RGBA pixels (it tests for the
      // three fields, not for the DOM's ImageData class), so this works in Node too.
      // A 4K screenshot decodes in full resolution without zxing's extra downscaled pass (about
      // 15% faster, nothing lost in npm run bench:qr); only when that finds nothing is the full
      // search tried, so large or blurry codes are still found.
      if (image.width * image.height > LARGE_IMAGE_PIXELS) {
        const texts = validTexts(await readBarcodes(image, { ...READER_OPTIONS, tryDownscale: false }));
        if (texts.length > 0) return texts;
      }
      return validTexts(await readBarcodes(image, READER_OPTIONS));
    },
    async read(image: RgbaImage | LumaImage, { downscale, locate = false, invert = true }: ZxingPass): Promise<ZxingReading> {
      const results = await readBarcodes(image.data.length === image.width * image.height ? pgmOf(image) : image, { ...READER_OPTIONS, tryDownscale: downscale, returnErrors: locate, tryInvert: invert });
      const read = results.filter((result) => result.isValid && result.text !== '');
      return {
        texts: read.map((result) => result.text),
        found: read.map((result) => boundsOf(result.position)),
        unread: results.filter((result) => !result.isValid).map((result) => ({ ...boundsOf(result.position), corners: cornersOf(result.position), modules: modulesOf(result.version) })),
      };
    },
  };
}

/**
 * Grey pixels as a binary PGM (P5) file. readBarcodes turns RGBA into grey in a JavaScript loop on
 * every call, but hands file bytes to the wasm's own image decoder, which reads PGM: grey pixels
 * go in without being widened to RGBA and converted back (at 4K half size, 37 → 26 ms measured
 * for the grey copy plus the ZXing call, the same results).
 */
function pgmOf({ width, height, data }: RgbaImage | LumaImage): Uint8Array {
  const header = Uint8Array.from(`P5\n${width} ${height}\n255\n`, (char) => char.charCodeAt(0));
  const file = new Uint8Array(header.length + data.length);
  file.set(header);
  file.set(data, header.length);
  return file;
}

type Position = Awaited<ReturnType<typeof readBarcodes>>[number]['position'];

function cornersOf(position: Position): Quad {
  return [position.topLeft, position.topRight, position.bottomRight, position.bottomLeft];
}

/** A QR code's side in modules from its version ("1"–"40"); 0 for Micro QR ("M1"–"M4") or none. */
function modulesOf(version: string): number {
  return /^\d+$/.test(version) ? 17 + 4 * Number(version) : 0;
}

/** The upright box around a code's four corners. */
function boundsOf(position: Position): Rect {
  const corners = cornersOf(position);
  const xs = corners.map((corner) => corner.x);
  const ys = corners.map((corner) => corner.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function validTexts(results: Awaited<ReturnType<typeof readBarcodes>>): string[] {
  return results.filter((result) => result.isValid && result.text !== '').map((result) => result.text);
}

function moduleOverrides(source: ZxingWasmSource) {
  if ('wasmBinary' in source && source.wasmBinary instanceof Uint8Array && source.wasmBinary.length > 0) {
    // An exact copy: a Node Buffer may be a view into a larger shared pool.
    const { wasmBinary } = source;
    return { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer };
  }
  if ('wasmUrl' in source && typeof source.wasmUrl === 'string' && source.wasmUrl !== '') {
    const { wasmUrl } = source;
    return { locateFile: () => wasmUrl };
  }
  throw new TweestapError('internal', 'qr.decoderUnavailable');
}
