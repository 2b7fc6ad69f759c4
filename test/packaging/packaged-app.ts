/**
 * Packages the built app (dist/) with electron-builder for Linux (`dir` target) against a
 * stand-in Electron, because Electron's own binary cannot be downloaded on the build machine.
 * The stand-in is a small executable that carries Electron's fuse wire (sentinel, version,
 * length, one byte per fuse), so electron-builder flips the fuses in it as it would in the real
 * binary and the test can read them back.
 */
import { execFile } from 'node:child_process';
import * as asar from '@electron/asar';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CONFIG_FILE = path.join(ROOT, 'build', 'electron-builder.yml');

/** Marks the start of Electron's fuse wire in its executable (from @electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/**
 * The fuses as a stock Electron 45 ships them, '1' on and '0' off, in @electron/fuses' order:
 * RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity,
 * OnlyLoadAppFromAsar, BrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
 */
export const STOCK_FUSES = '10110001';

/** Files `npm run build` must have produced before anything can be packaged. */
export const BUILT_ENTRY_POINTS = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];

export interface PackagedApp {
  /** The temporary folder holding the stand-in Electron and the output; remove it afterwards. */
  workDir: string;
  /** The unpacked app folder (`linux-unpacked`). */
  appDir: string;
  asarPath: string;
  executable: string;
}

/** Throws a readable error when `npm run build` has not been run (the test never builds by itself). */
export async function assertBuilt(): Promise<void> {
  for (const file of BUILT_ENTRY_POINTS) {
    const found = await stat(path.join(ROOT, file)).catch(() => null);
    if (!found?.isFile()) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm run test:packaging\` does).`);
  }
}

async function makeStandInElectron(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const wire = `${FUSE_SENTINEL}${String.fromCharCode(FUSE_WIRE_VERSION, STOCK_FUSES.length)}${STOCK_FUSES}`;
  await writeFile(path.join(dir, 'electron'), `#!/bin/sh\necho "stand-in for Electron; it cannot run the app" >&2\nexit 1\n# ${wire}\n`, 'latin1');
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'version'), '45.5.0');
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), '');
}

/**
 * Runs electron-builder with the project's configuration, changed only where this machine
 * forces it: the stand-in Electron, a temporary output folder, and no native rebuild (rebuilding
 * keytar for Electron needs Electron's headers from the internet; the keytar.node built for
 * Node is packaged instead, which is enough to check where it lands, and lets the packaged
 * keychain worker run under Node). `configFile`: another configuration (a test of a defect).
 */
export async function packageApp(options: { configFile?: string } = {}): Promise<PackagedApp> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'tweestap-packaging-'));
  const electronDist = path.join(workDir, 'electron');
  const output = path.join(workDir, 'release');
  await makeStandInElectron(electronDist);
  const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    cli, '--config', options.configFile ?? CONFIG_FILE, '--linux', 'dir', '--publish', 'never',
    `--config.electronDist=${electronDist}`, '--config.npmRebuild=false', `--config.directories.output=${output}`,
  ];
  try {
    await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`, { cause: error });
  }
  const unpacked = (await readdir(output)).find((name) => /^linux(-[a-z0-9]+)?-unpacked$/.test(name));
  if (unpacked === undefined) throw new Error(`electron-builder wrote no linux-unpacked folder into ${output}`);
  const appDir = path.join(output, unpacked);
  return { workDir, appDir, asarPath: path.join(appDir, 'resources', 'app.asar'), executable: path.join(appDir, 'tweestap') };
}

/**
 * Lays the packaged app out as Electron reads it: the asar extracted, with `app.asar.unpacked`
 * (keytar's native module) laid over it. Returns the folder (`dir`, by default `extracted` in the
 * app's work folder).
 */
export async function extractPackagedApp(app: PackagedApp, dir = path.join(app.workDir, 'extracted')): Promise<string> {
  asar.extractAll(app.asarPath, dir);
  const unpacked = `${app.asarPath}.unpacked`;
  if (await stat(unpacked).catch(() => null)) await cp(unpacked, dir, { recursive: true });
  return dir;
}
