/**
 * `npm run bench:qr [-- --quick] [-- --count N] [-- --only 1080p,4k,camera,camera-no-code] [-- --misses]
 *   [-- --shipped-only]` (the shipped pipeline alone: quick timings without jsQR's long runs)
 *
 * Generates seeded synthetic images (test/fixtures/qr/generate.ts) and runs each decoder and the
 * shipped pipeline on every image, in rotating order so warm caches and CPU boosts favour none.
 * Prints, per image kind and decoder: share of codes found, wrong texts (a text that is not one
 * of the codes placed), median / p95 / mean ms, both codes of two-code shots, frames decoded and
 * decode throughput. Compare with the targets of issue 5; nothing here passes or fails.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { nodeQrDecoders, nodeZxingDecoder } from '../../cli/scan-image';
import { createJsqrDecoder } from '../../shared/qr/jsqr';
import { decodeQrTexts } from '../../shared/qr/pipeline';
import type { QrDecoder } from '../../shared/qr/types';
import { generateCameraFrame, generateScreenshot, type GeneratedImage } from '../fixtures/qr/generate';

interface Kind {
  name: string;
  seedBase: number;
  make(seed: number): GeneratedImage;
}

const KINDS: Kind[] = [
  { name: '1080p', seedBase: 1_000, make: (seed) => generateScreenshot(seed, { width: 1920, height: 1080 }) },
  { name: '4k', seedBase: 2_000, make: (seed) => generateScreenshot(seed, { width: 3840, height: 2160 }) },
  { name: 'camera', seedBase: 3_000, make: (seed) => generateCameraFrame(seed) },
  // Frames while the user is still searching: what they cost sets the live decode rate.
  { name: 'camera-no-code', seedBase: 4_000, make: (seed) => generateCameraFrame(seed, { withCode: false }) },
];

interface Tally {
  ms: number[];
  codes: number;
  found: number;
  wrong: number;
  twoCodeShots: number;
  bothFound: number;
  framesWithCode: number;
  framesDecoded: number;
  misses: string[];
}

/** A contender: one decoder alone, or the shipped pipeline over all of them. */
interface Contender {
  name: string;
  decode(image: GeneratedImage['image']): Promise<string[]>;
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    count: { type: 'string' },
    only: { type: 'string' },
    misses: { type: 'boolean' },
    'shipped-only': { type: 'boolean' },
  },
});
const count = Number(values.count ?? (values.quick ? 20 : 100));
const kinds = values.only ? KINDS.filter((kind) => values.only?.split(',').includes(kind.name)) : KINDS;

const shipped = await nodeQrDecoders();
const zxing = await nodeZxingDecoder();
/** What the pipeline would be with jsQR as a fallback, to show what that fallback adds. */
const withFallback = [zxing, createJsqrDecoder()];
const pipeline = (decoders: QrDecoder[]): Contender => ({
  name: `pipeline (${decoders.map((decoder) => decoder.name).join(' → ')})${decoders === shipped ? ' shipped' : ''}`,
  decode: (image) => decodeQrTexts(image, decoders),
});
const contenders: Contender[] = values['shipped-only']
  ? [pipeline(shipped)]
  : [
      ...withFallback.map((decoder) => ({ name: decoder.name, decode: (image: GeneratedImage['image']) => decoder.decode(image) })),
      pipeline(withFallback),
      pipeline(shipped),
    ];

console.log(`QR benchmark: ${count} images per kind, Node ${process.version}, ${contenders.map((c) => c.name).join(', ')}`);
// Timings only mean something on a quiet machine: show how busy it was.
console.log(`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
for (const kind of kinds) {
  const tallies = new Map(contenders.map((contender) => [contender.name, emptyTally()]));
  // Warm up (wasm compilation, JIT) on an image that is not counted.
  for (const contender of contenders) await contender.decode(kind.make(kind.seedBase - 1).image);
  for (let n = 0; n < count; n++) {
    const generated = kind.make(kind.seedBase + n);
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(n + k) % contenders.length] as Contender;
      const started = performance.now();
      const texts = await contender.decode(generated.image);
      record(tallies.get(contender.name) as Tally, generated, texts, performance.now() - started);
    }
  }
  printKind(kind.name, tallies);
  console.log(`load average now ${loadavg()[0]?.toFixed(1)}`);
}

function emptyTally(): Tally {
  return { ms: [], codes: 0, found: 0, wrong: 0, twoCodeShots: 0, bothFound: 0, framesWithCode: 0, framesDecoded: 0, misses: [] };
}

function record(tally: Tally, generated: GeneratedImage, texts: string[], ms: number): void {
  const found = generated.texts.filter((text) => texts.includes(text)).length;
  tally.ms.push(ms);
  tally.codes += generated.texts.length;
  tally.found += found;
  tally.wrong += texts.filter((text) => !generated.texts.includes(text)).length;
  if (generated.texts.length === 2) {
    tally.twoCodeShots++;
    if (found === 2) tally.bothFound++;
  }
  if (generated.texts.length > 0) {
    tally.framesWithCode++;
    if (found > 0) tally.framesDecoded++;
  }
  if (found < generated.texts.length) tally.misses.push(`seed ${generated.seed}: ${generated.traits.join(', ')}`);
}

function printKind(name: string, tallies: Map<string, Tally>): void {
  console.log(`\n${name}`);
  const rows = [...tallies].map(([decoder, tally]) => {
    const sorted = [...tally.ms].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
    return {
      decoder,
      'codes found': `${tally.found}/${tally.codes} (${percent(tally.found, tally.codes)})`,
      wrong: tally.wrong,
      'both of two': `${tally.bothFound}/${tally.twoCodeShots}`,
      'frames decoded': `${percent(tally.framesDecoded, tally.framesWithCode)}`,
      'median ms': quantile(sorted, 0.5).toFixed(1),
      'p95 ms': quantile(sorted, 0.95).toFixed(1),
      'mean ms': mean.toFixed(1),
      'frames/s': (1000 / mean).toFixed(1),
    };
  });
  console.table(rows);
  if (values.misses) {
    for (const [decoder, tally] of tallies) for (const miss of tally.misses) console.log(`  missed by ${decoder}: ${miss}`);
  }
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
