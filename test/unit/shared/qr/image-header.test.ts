import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../../shared/qr/image-header';
import { encodeJpeg, encodePng, plainCodesImage } from '../../../fixtures/qr/generate';

const image = { width: 37, height: 21, data: new Uint8ClampedArray(37 * 21 * 4).fill(200) };

describe('readImageHeader', () => {
  it('reads the size PNG and JPEG files declare', () => {
    expect(readImageHeader(encodePng(image))).toEqual({ format: 'png', width: 37, height: 21 });
    expect(readImageHeader(encodeJpeg(image, 80))).toEqual({ format: 'jpeg', width: 37, height: 21 });
  });

  it('tells the format by the bytes alone', () => {
    const code = plainCodesImage(['x']);
    expect(readImageHeader(encodeJpeg(code, 90))?.format).toBe('jpeg');
  });

  it('gives nothing for other bytes or a header cut short', () => {
    expect(readImageHeader(new TextEncoder().encode('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'))).toBeUndefined();
    expect(readImageHeader(new Uint8Array(0))).toBeUndefined();
    expect(readImageHeader(encodePng(image).subarray(0, 20))).toBeUndefined();
    expect(readImageHeader(encodeJpeg(image, 80).subarray(0, 30))).toBeUndefined();
  });
});
