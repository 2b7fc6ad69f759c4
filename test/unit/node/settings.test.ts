import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TweestapError } from '../../../shared/errors';
import { DEFAULT_SETTINGS, SETTINGS_FILE, SettingsService } from '../../../node/settings';

let root: string;
let dir: string;
let warnings: string[];
const open = () => SettingsService.open(dir, (message) => warnings.push(message));
const writeRaw = (text: string) => writeFileSync(path.join(dir, SETTINGS_FILE), text);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tweestap-settings-'));
  dir = root;
  warnings = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('SettingsService', () => {
  it('gives the defaults without a file, silently', async () => {
    expect((await open()).get()).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['not JSON', '{"version": 1, "settings": {'],
    ['an array', '[]'],
    ['another version', '{"version": 99, "settings": {"theme": "dark"}}'],
    ['empty', ''],
  ])('falls back to the defaults with a warning when the file is %s', async (_name, text) => {
    writeRaw(text);
    expect((await open()).get()).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(SETTINGS_FILE);
  });

  it('keeps the valid fields of a partly bad file and names the bad ones', async () => {
    writeRaw(JSON.stringify({ version: 1, settings: { theme: 'dark', clipboardClearSeconds: 'soon', language: 'klingon', showNextCode: false } }));
    const settings = (await open()).get();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', showNextCode: false });
    expect(warnings[0]).toContain('clipboardClearSeconds');
    expect(warnings[0]).toContain('language');
  });

  it('saves an update atomically and reads it back in a new instance', async () => {
    const service = await open();
    const seen: unknown[] = [];
    service.onChange((settings) => seen.push(settings.theme));
    await service.update({ theme: 'dark', clockOffsetSeconds: -40 });
    expect((await open()).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', clockOffsetSeconds: -40 });
    expect(seen).toEqual(['dark']);
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
  });

  it('saves nothing when the shell refuses the change', async () => {
    const service = await open();
    await service.update({ theme: 'light' });
    const before = readFileSync(path.join(dir, SETTINGS_FILE), 'utf8');
    const refuse = async () => {
      throw new TweestapError('input', 'main.shortcut.unavailable', { shortcut: 'Alt+F4' });
    };
    await expect(service.update({ globalShortcut: 'Alt+F4' }, refuse)).rejects.toMatchObject({ key: 'main.shortcut.unavailable' });
    expect(service.get().globalShortcut).toBeNull();
    expect(readFileSync(path.join(dir, SETTINGS_FILE), 'utf8')).toBe(before);
  });

  it('remembers window bounds beside the settings and ignores invalid ones', async () => {
    const service = await open();
    await service.update({ trayEnabled: true });
    await service.saveWindowBounds({ x: -5, y: 30, width: 480, height: 700, maximized: true });
    await service.saveWindowBounds({ x: 0, y: 0, width: Number.NaN, height: 10, maximized: false });
    const reopened = await open();
    expect(reopened.windowBounds()).toEqual({ x: -5, y: 30, width: 480, height: 700, maximized: true });
    expect(reopened.get().trayEnabled).toBe(true);
  });

  it('creates its data folder when it does not exist yet', async () => {
    dir = path.join(dir, 'nested', 'Tweestap');
    await (await open()).update({ theme: 'dark' });
    expect((await open()).get().theme).toBe('dark');
  });
});
