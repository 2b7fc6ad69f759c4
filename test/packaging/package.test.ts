/**
 * Packages the built app with the project's electron-builder configuration and inspects the
 * result: what the asar holds and leaves out (the keychain worker main forks included), keytar's
 * unpacked native module, the flipped fuses, and the size of the app's own files. Needs `npm run build` (`npm run test:packaging`).
 */
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, extractPackagedApp, packageApp, type PackagedApp } from './packaged-app';

/** Budget for the app's own files (dist/electron + dist/renderer) inside the asar. */
const OWN_FILES_BUDGET_BYTES = 4 * 1024 * 1024;

/** The fuse states electron-builder must have written, as the bytes '1' (on) and '0' (off). */
const EXPECTED_FUSES: Record<string, [FuseV1Options, boolean]> = {
  runAsNode: [FuseV1Options.RunAsNode, false],
  enableCookieEncryption: [FuseV1Options.EnableCookieEncryption, true],
  enableNodeOptionsEnvironmentVariable: [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  enableNodeCliInspectArguments: [FuseV1Options.EnableNodeCliInspectArguments, false],
  enableEmbeddedAsarIntegrityValidation: [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
  onlyLoadAppFromAsar: [FuseV1Options.OnlyLoadAppFromAsar, true],
  grantFileProtocolExtraPrivileges: [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
};

let app: PackagedApp;
/** Every path in the asar, as `/dist/electron/main.cjs`, `/node_modules/keytar/...`. */
let entries: string[];
/** The asar extracted with app.asar.unpacked laid over it. */
let extracted: string;

/** The packages a bundle requires at run time (not Electron, not Node's own, not relative files). */
async function externalRequires(bundle: string): Promise<string[]> {
  const code = await readFile(path.join(ROOT, bundle), 'utf8');
  const specifiers = [...code.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? '');
  return [...new Set(specifiers.filter((spec) => spec !== 'electron' && !spec.startsWith('.') && !isBuiltin(spec)))];
}

/**
 * Requires each specifier as `bundle` inside the extracted package would, in a fresh Node process
 * (so nothing comes from this checkout's node_modules), and returns the failures as "spec: error".
 */
async function unloadable(bundle: string, specifiers: string[]): Promise<string[]> {
  const script = `
    const { createRequire } = require('node:module');
    const load = createRequire(process.argv[1]);
    const failures = [];
    for (const spec of JSON.parse(process.argv[2])) {
      try { load(spec); } catch (error) { failures.push(spec + ': ' + String(error && error.message).split('\\n')[0]); }
    }
    process.stdout.write(JSON.stringify(failures));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, path.join(extracted, bundle), JSON.stringify(specifiers)], { cwd: extracted, env: { PATH: process.env.PATH ?? '' } });
  return JSON.parse(stdout) as string[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const found = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
  return found.filter((entry) => entry.isFile()).map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** Size of an asar entry in bytes (files only). */
function sizeInAsar(entry: string): number {
  const info = asar.statFile(app.asarPath, entry.slice(1)) as { size?: number };
  return info.size ?? 0;
}

/** The package a bare specifier belongs to: `zod/v4` → `zod`, `@scope/x/y` → `@scope/x`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * Walks the dependency tree inside the asar from `roots` the way Node resolves packages (the
 * nearest node_modules folder upwards) and returns what cannot be found, as "needed by → name".
 */
function missingDependencies(roots: string[]): string[] {
  const missing: string[] = [];
  const visited = new Set<string>();
  const resolve = (from: string, name: string): string | null => {
    for (let dir = from; ; dir = path.posix.dirname(dir)) {
      const candidate = `${dir === '/' ? '' : dir}/node_modules/${name}`;
      if (entries.includes(`${candidate}/package.json`)) return candidate;
      if (dir === '/') return null;
    }
  };
  const visit = (from: string, name: string): void => {
    const found = resolve(from, name);
    if (found === null) {
      missing.push(`${from} → ${name}`);
      return;
    }
    if (visited.has(found)) return;
    visited.add(found);
    const manifest = JSON.parse(asar.extractFile(app.asarPath, `${found.slice(1)}/package.json`).toString('utf8')) as { dependencies?: Record<string, string> };
    // Type packages (protobufjs lists @types/node) hold no code and are left out on purpose.
    for (const dependency of Object.keys(manifest.dependencies ?? {})) if (!dependency.startsWith('@types/')) visit(found, dependency);
  };
  for (const root of roots) visit('/', root);
  return missing;
}

beforeAll(async () => {
  await assertBuilt();
  app = await packageApp();
  entries = asar.listPackage(app.asarPath, { isPack: false });
  extracted = await extractPackagedApp(app);
});

afterAll(async () => {
  if (app) await rm(app.workDir, { recursive: true, force: true });
});

describe('the packaged app (Linux dir target, stand-in Electron)', () => {
  it('holds every built file of main, its keychain worker, preload and renderer, byte for byte the same size', async () => {
    const built = [...(await filesUnder('dist/electron')), ...(await filesUnder('dist/renderer'))].filter((file) => !file.endsWith('.map'));
    expect(built).toEqual(expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/keychain-worker.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']));
    for (const file of built) {
      const entry = `/${file.split(path.sep).join('/')}`;
      expect(entries, entry).toContain(entry);
      expect(sizeInAsar(entry), entry).toBe((await stat(path.join(ROOT, file))).size);
    }
  });

  it('starts from the built main: package.json "main" names a file in the asar', () => {
    const manifest = JSON.parse(asar.extractFile(app.asarPath, 'package.json').toString('utf8')) as { main: string; scripts?: unknown };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    expect(entries).toContain(`/${manifest.main}`);
    expect(manifest.scripts).toBeUndefined();
  });

  it('holds nothing of ours but the built app: no sources, tests, CLI, preview host or build scripts', () => {
    const ours = entries.filter((entry) => entry !== '/node_modules' && !entry.startsWith('/node_modules/'));
    const allowed = /^\/(package\.json|dist|dist\/electron(\/.*)?|dist\/renderer(\/.*)?)$/;
    expect(ours.filter((entry) => !allowed.test(entry))).toEqual([]);
  });

  it('holds no source maps and no TypeScript anywhere, dependencies included', () => {
    expect(entries.filter((entry) => /\.(map|ts|mts|cts|tsx)$/.test(entry))).toEqual([]);
  });

  it('holds no devDependency', async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const devDependencies = Object.keys(manifest.devDependencies);
    expect(devDependencies).toContain('electron');
    const packaged = devDependencies.filter((name) => entries.includes(`/node_modules/${name}`));
    expect(packaged).toEqual([]);
  });

  // main.cjs and the keychain worker main forks as a utility process (where keytar runs).
  it.each([
    ['main process', 'dist/electron/main.cjs', ['zod']],
    ['keychain worker', 'dist/electron/keychain-worker.cjs', ['keytar']],
  ])('holds every package the %s loads at run time, and all they depend on', async (_name, bundle, expected) => {
    const roots = [...new Set((await externalRequires(bundle)).map(packageName))];
    expect(roots).toEqual(expect.arrayContaining(expected));
    expect(missingDependencies(roots)).toEqual([]);
  });

  // Listing package.json files is not enough: protobufjs/minimal.js is only
  // require("./src/index-minimal"), and an exclusion of every package's src/ folder once left
  // the package looking whole while main died at its first line.
  it.each([
    ['main process', 'dist/electron/main.cjs'],
    ['keychain worker', 'dist/electron/keychain-worker.cjs'],
  ])('loads every package the %s requires from the packaged tree', async (_name, bundle) => {
    const specifiers = await externalRequires(bundle);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(await unloadable(bundle, specifiers)).toEqual([]);
  });

  it("unpacks keytar's native module next to the asar, where Electron can load it", async () => {
    const natives = entries.filter((entry) => entry.startsWith('/node_modules/keytar/') && entry.endsWith('.node'));
    expect(natives).toEqual(['/node_modules/keytar/build/Release/keytar.node']);
    for (const entry of natives) {
      expect((asar.statFile(app.asarPath, entry.slice(1)) as { unpacked?: boolean }).unpacked).toBe(true);
      const file = path.join(`${app.asarPath}.unpacked`, entry);
      const head = (await readFile(file)).subarray(0, 4);
      expect(head.toString('latin1')).toBe('\u007fELF');
    }
  });

  it('flips the Electron fuses in the packaged executable', async () => {
    const wire = (await getCurrentFuseWire(app.executable)) as unknown as Record<number, number>;
    for (const [name, [fuse, on]] of Object.entries(EXPECTED_FUSES)) {
      expect(String.fromCharCode(wire[fuse] ?? 0), name).toBe(on ? '1' : '0');
    }
  });

  it('keeps the app’s own files under the size budget (printed)', () => {
    const own = entries.filter((entry) => entry.startsWith('/dist/')).reduce((sum, entry) => sum + sizeInAsar(entry), 0);
    const dependencies = entries.filter((entry) => entry.startsWith('/node_modules/')).reduce((sum, entry) => sum + sizeInAsar(entry), 0);
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    console.log(`packaged app: own files ${mb(own)} of a ${mb(OWN_FILES_BUDGET_BYTES)} budget; production dependencies ${mb(dependencies)}`);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThanOrEqual(OWN_FILES_BUDGET_BYTES);
  });
});
