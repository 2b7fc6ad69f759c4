import jsQR from 'jsqr';
import type { QrDecoder, RgbaImage } from './types';

/**
 * jsQR 1.4.0's inversion modes, less `'onlyInvert'`, which throws in that version.
 * `'attemptBoth'` also finds light-on-dark codes at about twice the cost.
 */
export type JsqrInversion = 'dontInvert' | 'attemptBoth' | 'invertFirst';

/**
 * jsQR as a QrDecoder. jsQR finds at most one code per call, so the result has zero or one text.
 */
export function createJsqrDecoder(inversion: JsqrInversion = 'attemptBoth'): QrDecoder {
  return {
    name: 'jsqr',
    async decode(image: RgbaImage): Promise<string[]> {
      const pixels =
        image.data instanceof Uint8ClampedArray
          ? image.data
          : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
      // Pass inversionAttempts on every call: jsQR 1.4.0 writes a call's options into its shared
      // defaults, so leaving it out would inherit whatever the previous caller chose.
      const found = jsQR(pixels, image.width, image.height, { inversionAttempts: inversion });
      // jsQR can "decode" a code whose data is empty; that is never a code we can use.
      return found && found.data !== '' ? [found.data] : [];
    },
  };
}
