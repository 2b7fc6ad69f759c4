/**
 * Our own search for QR finder patterns, for codes ZXing never locates: on blurred, noisy,
 * low-contrast webcam frames (σ 1.2–1.5 px of blur on 2.5–3.5 px modules, noise 9–14) a single
 * module's contrast is of the order of the noise, so ZXing's binarizer breaks the finders'
 * 1:1:3:1:1 runs. Here each place and module size is scored by how well the brightness of the
 * whole pattern correlates with its rings (dark 3 × 3 centre, light ring, dark ring, light
 * separator: 81 modules' worth of pixels, so it survives the noise), from box sums of an
 * integral image. Three finders in an L give a symbol's corners for `resampledSymbol`.
 * Pure arithmetic over typed arrays.
 */
import type { LumaImage } from './pixels';
import { knownFit, type Point, type Quad } from './resample';

/** A finder pattern candidate: its centre (pixel centres at whole coordinates), module size in pixels and score (a correlation, ≤ 1). */
interface FinderCandidate extends Point {
  module: number;
  score: number;
}

interface FinderSearch {
  /** Module sizes to try, in pixels of the searched image. */
  moduleSizes: readonly number[];
  /** The lowest correlation kept. */
  minScore: number;
  /** At most this many candidates, best first. */
  max: number;
}

/** Sums and sums of squares over every top-left rectangle, (width + 1) × (height + 1). */
interface Integral {
  stride: number;
  sums: Int32Array;
  squares: Float64Array;
}

function integralOf({ width, height, data }: LumaImage): Integral {
  const stride = width + 1;
  const sums = new Int32Array(stride * (height + 1));
  const squares = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    let rowSquares = 0;
    for (let x = 0, at = (y + 1) * stride + 1, from = y * width; x < width; x++, at++, from++) {
      const value = data[from] as number;
      rowSum += value;
      rowSquares += value * value;
      sums[at] = (sums[at - stride] as number) + rowSum;
      squares[at] = (squares[at - stride] as number) + rowSquares;
    }
  }
  return { stride, sums, squares };
}

/**
 * One module size's four squares (3, 5, 7 and 9 modules wide, centred on a pixel) as offsets
 * into an integral table from the centre's index (top-left, top-right, bottom-left, bottom-right
 * corner of each, innermost first) and their areas; `reach` and `far` bound the centres that keep
 * every square inside.
 */
interface Scale {
  module: number;
  corners: Int32Array;
  areas: Float64Array;
  reach: number;
  far: number;
}

function scaleOf(module: number, stride: number): Scale {
  const edges = [3, 5, 7, 9].map((modules) => [Math.round(0.5 - (modules * module) / 2), Math.round(0.5 + (modules * module) / 2)] as const);
  return {
    module,
    corners: Int32Array.from(edges.flatMap(([lo, hi]) => [lo * stride + lo, lo * stride + hi, hi * stride + lo, hi * stride + hi])),
    areas: Float64Array.from(edges, ([lo, hi]) => (hi - lo) * (hi - lo)),
    reach: -(edges[3]?.[0] ?? 0),
    far: edges[3]?.[1] ?? 0,
  };
}

/**
 * The finder pattern's correlation at every `step`-th pixel of `luma` for one module size, where
 * it reaches `minScore`: Pearson's r between the brightness over 9 × 9 modules and the pattern
 * (−1 centre, +1 ring, −1 ring, +1 separator). Places whose rings' mean brightness does not
 * alternate (centre darker than the first ring, the second darker than the first, the separator
 * lighter than the second) are passed over before the correlation: most places, and this runs over
 * the whole frame, so numbers and typed arrays only, the offsets in locals.
 */
function scanScale({ stride, sums, squares }: Integral, scale: Scale, luma: LumaImage, step: number, minScore: number, out: FinderCandidate[]): void {
  const { corners, areas, reach, far, module } = scale;
  const [c0, c1, c2, c3, f0, f1, f2, f3, s0, s1, s2, s3, n0, n1, n2, n3] = Array.from(corners) as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];
  const [a0, a1, a2, a3] = Array.from(areas) as [number, number, number, number];
  const [ringArea, outerRingArea, separatorArea] = [a1 - a0, a2 - a1, a3 - a2];
  const templateSum = -a0 + ringArea - outerRingArea + separatorArea;
  const templateSpread = a3 - (templateSum * templateSum) / a3;
  for (let y = reach; y + far <= luma.height; y += step) {
    for (let x = reach, at = y * stride + reach; x + far <= luma.width; x += step, at += step) {
      const centre = (sums[at + c3] as number) - (sums[at + c2] as number) - (sums[at + c1] as number) + (sums[at + c0] as number);
      const five = (sums[at + f3] as number) - (sums[at + f2] as number) - (sums[at + f1] as number) + (sums[at + f0] as number);
      // Mean brightness compared as sums over areas, multiplied out (no division on most places).
      if ((five - centre) * a0 <= centre * ringArea) continue;
      const seven = (sums[at + s3] as number) - (sums[at + s2] as number) - (sums[at + s1] as number) + (sums[at + s0] as number);
      if ((seven - five) * ringArea >= (five - centre) * outerRingArea) continue;
      const nine = (sums[at + n3] as number) - (sums[at + n2] as number) - (sums[at + n1] as number) + (sums[at + n0] as number);
      if ((nine - seven) * outerRingArea <= (seven - five) * separatorArea) continue;
      const brightnessSpread = (squares[at + n3] as number) - (squares[at + n2] as number) - (squares[at + n1] as number) + (squares[at + n0] as number) - (nine * nine) / a3;
      if (brightnessSpread <= a3) continue; // flat: less than one level of deviation
      const agreement = -centre + (five - centre) - (seven - five) + (nine - seven);
      const score = (agreement - (templateSum * nine) / a3) / Math.sqrt(brightnessSpread * templateSpread);
      if (score >= minScore) out.push({ x, y, module, score });
    }
  }
}

/**
 * Finder pattern candidates in `luma`, best first, at most `max`, none within 3.5 modules of a
 * better one. Dark on light only (as the closer look).
 */
function finderCandidates(luma: LumaImage, { moduleSizes, minScore, max }: FinderSearch): FinderCandidate[] {
  const integral = integralOf(luma);
  const found: FinderCandidate[] = [];
  for (const module of moduleSizes) scanScale(integral, scaleOf(module, integral.stride), luma, module < EVERY_PIXEL_BELOW_MODULE ? 1 : 2, minScore, found);
  found.sort((a, b) => b.score - a.score);
  const kept: FinderCandidate[] = [];
  for (const candidate of found) {
    if (kept.length >= max) break;
    if (kept.some((other) => Math.hypot(other.x - candidate.x, other.y - candidate.y) < 3.5 * Math.max(other.module, candidate.module))) continue;
    kept.push(candidate);
  }
  return kept;
}

/**
 * Symbols in `luma` found by their finder patterns (dark on light), best fit first: finder
 * candidates at each of `moduleSizes` (pixels per module), three of them in an L, the side that
 * fits best. Nothing on most frames without a code (see MIN_FIT).
 */
export function findSymbols(luma: LumaImage, moduleSizes: readonly number[]): FoundSymbol[] {
  return symbolsFromFinders(luma, finderCandidates(luma, { moduleSizes, minScore: MIN_FINDER_SCORE, max: MAX_FINDERS }));
}

/**
 * Below this many pixels per module every pixel is tried as a finder's centre, above it every
 * second one (across and down). The squares' edges are whole pixels, so on a grid of every second
 * pixel a small finder can sit a pixel, over half a module, off every centre tried. Then its
 * score falls into the noise (seeds 100046 and 100087: all three finders among the best three at
 * every pixel, one or none among the best 30 at every second), or its centre is off enough to
 * spoil the symbol's fit (seed 100041, tilt 29°: 0.21 against 0.56 from centres at every pixel).
 * It costs a frame without a code about 10 ms more.
 */
const EVERY_PIXEL_BELOW_MODULE = 2;

/** The weakest finder pattern kept: blurred, noisy finders of the tuning sets' misses score 0.37–0.74. */
const MIN_FINDER_SCORE = 0.3;

/** The best this many finder candidates are combined (true finders of the tuning sets' misses were among the best 6 of a frame but for one). */
const MAX_FINDERS = 8;

/** A symbol found by its finder patterns: its outer corners, side in modules and how well its known modules fit (`knownFit`). */
export interface FoundSymbol {
  corners: Quad;
  modules: number;
  fit: number;
}

/** The largest side looked for (version 10): larger codes on a webcam frame are read by ZXing's own search. */
const MAX_SIDE = 57;

/**
 * The fit of the known modules (finders, separators, timing, alignment) a guessed symbol must
 * reach. On the tuning sets' half-size frames true symbols fit at 0.40–0.85 and the best guess
 * on a frame without a code at most 0.20; a guess one version off fits at 0.1–0.6.
 */
const MIN_FIT = 0.35;

/**
 * Symbols three of `finders` could be the finder patterns of, best fit first: an L of two legs of
 * about equal length (within LEG_RATIO) at 90° ± ANGLE_SLACK, the finders' module sizes within
 * MODULE_RATIO of each other. For each L the side (17 + 4v) its legs allow (`possibleSides`) whose
 * known modules fit `luma` best, if that fit reaches MIN_FIT. Corners from the three centres, the
 * fourth by parallelogram and then moved to fit (`withFourthCorner`); `resampledSymbol` fits
 * all four finer.
 */
function symbolsFromFinders(luma: LumaImage, finders: readonly FinderCandidate[]): FoundSymbol[] {
  const found: FoundSymbol[] = [];
  for (let a = 0; a < finders.length; a++) {
    for (let b = 0; b < finders.length; b++) {
      for (let c = b + 1; c < finders.length; c++) {
        if (a === b || a === c) continue;
        const corner = finders[a] as FinderCandidate;
        const l = lShape(corner, finders[b] as FinderCandidate, finders[c] as FinderCandidate);
        if (!l) continue;
        const best = possibleSides(l.span, l.module)
          .map((side) => {
            const corners = outerCorners(corner, l.right, l.down, side);
            return { corners, modules: side, fit: knownFit(luma, corners, side) };
          })
          .reduce<FoundSymbol | undefined>((p, q) => (p && p.fit >= q.fit ? p : q), undefined);
        if (best && best.fit >= MIN_FIT) found.push(withFourthCorner(luma, best));
      }
    }
  }
  return found.sort((p, q) => q.fit - p.fit);
}

/** A symbol's two legs (finder to finder) differ at most this much: up to 30° of tilt and some perspective. */
const LEG_RATIO = 1.4;
/** Finders of one symbol may score best at module sizes this far apart (blur along one axis, tilt). */
const MODULE_RATIO = 1.6;
/** The legs' angle may be this many degrees off 90° (tilt). */
const ANGLE_SLACK = 25;

/** `corner`, `one` and `two` as the top-left, top-right and bottom-left finders of a symbol, if they can be. */
function lShape(corner: FinderCandidate, one: FinderCandidate, two: FinderCandidate): { right: Point; down: Point; span: number; module: number } | undefined {
  const modules = [corner.module, one.module, two.module];
  if (Math.max(...modules) > MODULE_RATIO * Math.min(...modules)) return undefined;
  const legOne = { x: one.x - corner.x, y: one.y - corner.y };
  const legTwo = { x: two.x - corner.x, y: two.y - corner.y };
  const [lengthOne, lengthTwo] = [Math.hypot(legOne.x, legOne.y), Math.hypot(legTwo.x, legTwo.y)];
  if (Math.max(lengthOne, lengthTwo) > LEG_RATIO * Math.min(lengthOne, lengthTwo)) return undefined;
  const cosine = (legOne.x * legTwo.x + legOne.y * legTwo.y) / (lengthOne * lengthTwo);
  if (Math.abs(cosine) > Math.sin((ANGLE_SLACK * Math.PI) / 180)) return undefined;
  const span = (lengthOne + lengthTwo) / 2;
  const module = (corner.module + one.module + two.module) / 3;
  // Clockwise in the image (y down): top-left → top-right turns towards bottom-left.
  const clockwise = legOne.x * legTwo.y - legOne.y * legTwo.x > 0;
  return { right: clockwise ? one : two, down: clockwise ? two : one, span, module };
}

/**
 * The QR sides (17 + 4v, up to MAX_SIDE) whose finders would lie `span` pixels apart with modules
 * within MODULE_SLACK of `module` pixels: the finder search's module size is only a coarse step,
 * and blur widens it, so the fit decides.
 */
function possibleSides(span: number, module: number): number[] {
  const sides: number[] = [];
  for (let side = 21; side <= MAX_SIDE; side += 4) {
    const implied = span / (side - 7);
    if (implied >= module / MODULE_SLACK && implied <= module * MODULE_SLACK) sides.push(side);
  }
  return sides;
}

/** How far the module size the legs imply may be off the finders' (see `possibleSides`). */
const MODULE_SLACK = 1.35;

/**
 * `symbol` with its bottom-right corner moved, in whole modules up to FOURTH_CORNER_REACH along
 * the symbol's sides, to where the known modules (the alignment pattern near that corner above
 * all) fit best: under a tilt the parallelogram's fourth corner is a few modules off (2.7 on seed
 * 100065, tilt 20°), more than `fitCorners` reaches.
 */
function withFourthCorner(luma: LumaImage, symbol: FoundSymbol): FoundSymbol {
  const [topLeft, topRight, bottomRight, bottomLeft] = symbol.corners;
  const across = { x: (topRight.x - topLeft.x) / symbol.modules, y: (topRight.y - topLeft.y) / symbol.modules };
  const down = { x: (bottomLeft.x - topLeft.x) / symbol.modules, y: (bottomLeft.y - topLeft.y) / symbol.modules };
  let best = symbol;
  for (let u = -FOURTH_CORNER_REACH; u <= FOURTH_CORNER_REACH; u++) {
    for (let v = -FOURTH_CORNER_REACH; v <= FOURTH_CORNER_REACH; v++) {
      const moved = { x: bottomRight.x + u * across.x + v * down.x, y: bottomRight.y + u * across.y + v * down.y };
      const corners: Quad = [topLeft, topRight, moved, bottomLeft];
      const fit = knownFit(luma, corners, symbol.modules);
      if (fit > best.fit) best = { corners, modules: symbol.modules, fit };
    }
  }
  return best;
}

/** How many modules `withFourthCorner` moves the fourth corner at most, each way along each side. */
const FOURTH_CORNER_REACH = 3;

/** The symbol's outer corners from its finders' centres (3.5 modules in from each corner). */
function outerCorners(topLeft: Point, topRight: Point, bottomLeft: Point, side: number): Quad {
  const across = { x: (topRight.x - topLeft.x) / (side - 7), y: (topRight.y - topLeft.y) / (side - 7) };
  const down = { x: (bottomLeft.x - topLeft.x) / (side - 7), y: (bottomLeft.y - topLeft.y) / (side - 7) };
  const at = (u: number, v: number): Point => ({ x: topLeft.x + (u - 3.5) * across.x + (v - 3.5) * down.x, y: topLeft.y + (u - 3.5) * across.y + (v - 3.5) * down.y });
  return [at(0, 0), at(side, 0), at(side, side), at(0, side)];
}
