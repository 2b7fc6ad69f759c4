/** Pixels as four bytes per pixel (R, G, B, A), row by row, no padding. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** One QR decoding library behind a common face. */
export interface QrDecoder {
  readonly name: string;
  /** Every QR text found in `image` (possibly none). Never returns an empty string. */
  decode(image: RgbaImage): Promise<string[]>;
}
