import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { TweestapError } from '../errors';
import type { QrDecoder, RgbaImage } from './types';

/**
 * Where the ZXing `.wasm` comes from: always our own files, never zxing-wasm's default CDN.
 * Node passes the bytes; a browser or worker passes the URL of the asset bundled by Vite.
 */
/** Above this many pixels (between 1440p and 4K) the first pass skips zxing's downscaling. */
const LARGE_IMAGE_PIXELS = 4_000_000;

export type ZxingWasmSource = { wasmBinary: Uint8Array } | { wasmUrl: string };

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
export async function createZxingDecoder(source: ZxingWasmSource): Promise<QrDecoder> {
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
  };
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
