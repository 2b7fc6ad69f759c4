import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { createJsqrDecoder } from '../../../../shared/qr/jsqr';
import { invertImage, plainCodesImage } from '../../../fixtures/qr/generate';

const URI = 'otpauth://totp/Nse-Portal:jan@example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';

describe('jsQR adapter', () => {
  it('reads a plain code', async () => {
    expect(await createJsqrDecoder().decode(plainCodesImage([URI]))).toEqual([URI]);
  });

  it('never returns an empty string, although jsQR itself reports an empty code as ""', async () => {
    const emptyCode = plainCodesImage([new Uint8Array(0)]);
    const raw = jsQR(new Uint8ClampedArray(emptyCode.data), emptyCode.width, emptyCode.height, { inversionAttempts: 'dontInvert' });
    expect(raw?.data).toBe('');
    expect(await createJsqrDecoder().decode(emptyCode)).toEqual([]);
  });

  it('keeps finding light-on-dark codes after another caller asked jsQR not to invert', async () => {
    const inverted = invertImage(plainCodesImage([URI]));
    // jsQR 1.4.0 copies a call's options into its shared defaults; the adapter must not inherit them.
    jsQR(new Uint8ClampedArray(inverted.data), inverted.width, inverted.height, { inversionAttempts: 'dontInvert' });
    expect(await createJsqrDecoder('attemptBoth').decode(inverted)).toEqual([URI]);
    expect(await createJsqrDecoder('dontInvert').decode(inverted)).toEqual([]);
    expect(await createJsqrDecoder('attemptBoth').decode(inverted)).toEqual([URI]);
  });

  it('accepts plain Uint8Array pixels (as PNG and JPEG decoders give them)', async () => {
    const image = plainCodesImage([URI]);
    expect(await createJsqrDecoder().decode({ ...image, data: new Uint8Array(image.data) })).toEqual([URI]);
  });
});
