// Makes every app icon from the one source, build/icon.svg:
//   build/icons/<n>x<n>.png (16 … 1024), build/icons/icon.ico (Windows), build/icons/icon.icns (macOS).
//   node scripts/make-icons.mjs            (npm run icons)
// Rasterised by Debian's Chromium through playwright-core, which works offline and draws SVG
// exactly as the renderer would. The .ico and .icns containers are written here: both are a
// small index around PNG images (Windows Vista+ and macOS 10.7+ read PNG entries), which no
// maintained pure-JS package does better than these few lines.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'build', 'icon.svg');
const OUT = path.join(ROOT, 'build', 'icons');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// Apple's icon types that hold a PNG, with the pixel size each one expects.
const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

/** Renders the SVG at each size in Chromium; returns a Map of size → PNG bytes (transparent corners). */
async function rasterise(svg, sizes) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--force-color-profile=srgb'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** An ICO file: a 6-byte header, one 16-byte entry per image, then the PNGs. */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** An ICNS file: 'icns' and the total length, then per image its 4-letter type, length and PNG. */
export function icnsFromPngs(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main() {
  const svg = await readFile(SOURCE, 'utf8');
  const pngs = await rasterise(svg, PNG_SIZES);
  await mkdir(OUT, { recursive: true });
  for (const [size, png] of pngs) await writeFile(path.join(OUT, `${size}x${size}.png`), png);
  await writeFile(path.join(OUT, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  await writeFile(path.join(OUT, 'icon.icns'), icnsFromPngs(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  console.log(`icons: ${PNG_SIZES.length} PNGs, icon.ico (${ICO_SIZES.length} sizes), icon.icns (${ICNS_TYPES.length} entries) in ${path.relative(ROOT, OUT)}/`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
