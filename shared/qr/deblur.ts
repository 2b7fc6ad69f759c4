import type { LumaImage } from './pixels';

/**
 * The axis a patch was smeared along by motion blur (a hand that moves), or undefined when its
 * edges are about as strong across as down. Motion along x spreads each step between horizontal
 * neighbours over several pixels, so the sum of their squares falls well below the vertical one
 * (and the other way; plain sums of steps would not fall, a ramp climbs as far as a step).
 */
export function motionAxis({ width, height, data }: LumaImage, ratio = MOTION_RATIO): 'x' | 'y' | undefined {
  let across = 0;
  let down = 0;
  for (let y = 0; y < height - 1; y++) {
    for (let x = 0, i = y * width; x < width - 1; x++, i++) {
      const v = data[i] ?? 0;
      across += ((data[i + 1] ?? 0) - v) ** 2;
      down += ((data[i + width] ?? 0) - v) ** 2;
    }
  }
  if (across < ratio * down) return 'x';
  if (down < ratio * across) return 'y';
  return undefined;
}

/** Edges along one axis this much weaker than along the other count as motion blur. */
const MOTION_RATIO = 0.8;

/**
 * Undoes a motion blur of `length` pixels (a box along `axis`) with a Wiener filter, row by row
 * (or column by column) in the frequency domain. `noise` keeps the frequencies the blur nearly
 * removed from being amplified into noise. Each line is mirrored at its end, so the edges do not ring.
 */
export function motionDeblur(luma: LumaImage, axis: 'x' | 'y', length: number, noise = 0.05): LumaImage {
  const { width, height, data } = luma;
  const out = new Uint8Array(data.length);
  const lineLength = axis === 'x' ? width : height;
  const lines = axis === 'x' ? height : width;
  const step = axis === 'x' ? 1 : width;
  const stride = axis === 'x' ? width : 1;
  let n = 1;
  while (n < 2 * lineLength) n <<= 1;
  // The box's frequency response (real: it is centred) and the Wiener gain for each frequency.
  const gain = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    const s = Math.sin((Math.PI * f) / n);
    const h = s === 0 ? 1 : Math.sin((Math.PI * f * length) / n) / (length * s);
    gain[f] = h / (h * h + noise);
  }
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let line = 0; line < lines; line++) {
    const start = line * stride;
    for (let k = 0; k < n; k++) {
      // The line, then mirrored, then its first pixel repeated up to the transform's length.
      const at = k < lineLength ? k : k < 2 * lineLength ? 2 * lineLength - 1 - k : 0;
      re[k] = data[start + at * step] ?? 0;
      im[k] = 0;
    }
    fft(re, im, false);
    for (let f = 0; f < n; f++) {
      re[f] = (re[f] ?? 0) * (gain[f] ?? 0);
      im[f] = (im[f] ?? 0) * (gain[f] ?? 0);
    }
    fft(re, im, true);
    for (let k = 0; k < lineLength; k++) {
      const value = Math.round(re[k] ?? 0);
      out[start + k * step] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
  return { width, height, data: out };
}

/** In-place radix-2 FFT of (re, im), whose length is a power of two; `inverse` includes the 1/n. */
function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const [r, m] = [re[i] ?? 0, im[i] ?? 0];
      re[i] = re[j] ?? 0;
      im[i] = im[j] ?? 0;
      re[j] = r;
      im[j] = m;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / size;
    const [wr, wi] = [Math.cos(angle), Math.sin(angle)];
    for (let i = 0; i < n; i += size) {
      let [cr, ci] = [1, 0];
      for (let k = 0; k < size / 2; k++) {
        const a = i + k;
        const b = a + size / 2;
        const tr = (re[b] ?? 0) * cr - (im[b] ?? 0) * ci;
        const ti = (re[b] ?? 0) * ci + (im[b] ?? 0) * cr;
        re[b] = (re[a] ?? 0) - tr;
        im[b] = (im[a] ?? 0) - ti;
        re[a] = (re[a] ?? 0) + tr;
        im[a] = (im[a] ?? 0) + ti;
        [cr, ci] = [cr * wr - ci * wi, cr * wi + ci * wr];
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] = (re[i] ?? 0) / n;
      im[i] = (im[i] ?? 0) / n;
    }
  }
}
