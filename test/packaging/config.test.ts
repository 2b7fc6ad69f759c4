/**
 * What the packaging test cannot build here (no NSIS, dmg, AppImage or deb tooling offline, no
 * real Electron) is checked in the configuration itself: per-user Windows installs, the macOS
 * permissions, the Linux desktop entry, the otpauth:// protocol and the security fuses.
 */
import { load } from 'js-yaml';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE, ROOT } from './packaged-app';

interface TargetEntry {
  target: string;
  arch?: string[];
}

/** The parts of electron-builder's configuration this test reads (js-yaml is what electron-builder parses it with). */
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  protocols: { name: string; schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: TargetEntry[] };
  nsis: Record<string, unknown>;
  portable: Record<string, unknown>;
  mac: { icon: string; category: string; target: TargetEntry[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; extendInfo: Record<string, string> };
  linux: { icon: string; executableName: string; syncDesktopName?: boolean; target: string[]; desktop: { entry: Record<string, string> } };
}

let config: BuilderConfig;

const targetNames = (targets: (TargetEntry | string)[]): string[] => targets.map((t) => (typeof t === 'string' ? t : t.target));

beforeAll(async () => {
  config = load(await readFile(CONFIG_FILE, 'utf8')) as BuilderConfig;
});

describe('build/electron-builder.yml', () => {
  it('names the app and registers the otpauth:// protocol', () => {
    expect(config.appId).toBe('nl.tweestap.app');
    expect(config.productName).toBe('Tweestap');
    expect(config.protocols).toEqual([{ name: 'otpauth', schemes: ['otpauth'] }]);
  });

  it('sets every Electron fuse the security issue asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages only the built app and rebuilds and unpacks keytar', () => {
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**/*.node');
    expect(config.npmRebuild).toBe(true);
  });

  it('installs on Windows per user without administrator rights, and offers a portable .exe', () => {
    expect(targetNames(config.win.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, packElevateHelper: false, deleteAppDataOnUninstall: false });
    expect(config.portable).toMatchObject({ requestExecutionLevel: 'user' });
  });

  it('builds a universal macOS dmg with hardened runtime, camera entitlement and usage descriptions', async () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.category).toBe('public.app-category.utilities');
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/i);
    expect(config.mac.extendInfo.NSScreenCaptureUsageDescription).toMatch(/screen/i);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const entitlements = await readFile(path.join(ROOT, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.device.camera</key>');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
  });

  it('builds an AppImage and a deb with a desktop entry in the Utility and Security menus', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.executableName).toBe('tweestap');
    expect(config.linux.desktop.entry).toMatchObject({ Name: 'Tweestap', Categories: 'Utility;Security;' });
    // MimeType=x-scheme-handler/otpauth; is written by electron-builder from `protocols`.
    expect(config.linux.desktop.entry.MimeType).toBeUndefined();
  });

  // GNOME's Wayland global-shortcuts portal identifies the app by a reverse-DNS desktop-file id;
  // Electron reports package.json's desktopName as that id, so the deb and AppImage desktop files
  // must carry the same name (electron-builder's syncDesktopName).
  it('names the Linux desktop file after a reverse-DNS desktopName that Electron reports as the app id', async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { desktopName: string };
    expect(manifest.desktopName).toBe(`${config.appId}.desktop`);
    expect(manifest.desktopName).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*){2,}\.desktop$/);
    expect(config.linux.syncDesktopName).toBe(true);
  });

  it('points every platform at the generated icons', async () => {
    for (const file of [config.win.icon, config.mac.icon, path.join(config.linux.icon, '512x512.png')]) {
      expect((await stat(path.join(ROOT, file))).size, file).toBeGreaterThan(0);
    }
  });
});
