/**
 * The app's settings (shared/api.ts `Settings`) and the window's last bounds, in
 * `<dataDir>/settings.json`. Reading never fails: a missing file gives the defaults, a bad one
 * the defaults for whatever is bad, plus a warning. Writing is atomic (temp file, fsync, rename).
 */
import path from 'node:path';
import { z } from 'zod';
import type { Settings } from '../shared/api';
import { translate } from '../shared/i18n';
import { settingsSchema } from './api-validation';
import { writeFileAtomic } from './atomic-file';
import { MAX_SMALL_FILE_BYTES, readRegularFile } from './bounded-read';

export const SETTINGS_FILE = 'settings.json';
const FILE_VERSION = 1;

/** Tray off by default: not every Linux desktop shows tray icons, and a hidden app confuses. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  language: 'system',
  theme: 'system',
  clipboardClearSeconds: 30,
  showNextCode: true,
  hideFromScreenCapture: false,
  trayEnabled: false,
  startAtLogin: false,
  globalShortcut: null,
  scanShortcut: null,
  clockOffsetSeconds: 0,
});

/** Where and how large the window was, in screen pixels. */
export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

const windowBoundsSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});

interface SettingsFile {
  version: number;
  settings: Settings;
  window: WindowBounds | null;
}

/** Receives warnings meant for the log (never for secrets: settings hold none). */
export type WarningSink = (message: string) => void;

/**
 * Reads settings.json leniently: each valid field is kept, each missing or invalid one takes its
 * default. Returns the result and the reason it was not read cleanly, if any.
 */
export function parseSettingsFile(text: string | null): { file: SettingsFile; problem: string | null } {
  const fallback: SettingsFile = { version: FILE_VERSION, settings: { ...DEFAULT_SETTINGS }, window: null };
  if (text === null) return { file: fallback, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { file: fallback, problem: 'not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { file: fallback, problem: 'not an object' };
  const record = raw as Record<string, unknown>;
  if (record.version !== FILE_VERSION) return { file: fallback, problem: `unknown version ${String(record.version)}` };

  const stored = typeof record.settings === 'object' && record.settings !== null ? (record.settings as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const badFields: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!Object.hasOwn(stored, key)) continue;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) settings[key] = parsed.data;
    else badFields.push(key);
  }
  const bounds = windowBoundsSchema.safeParse(record.window);
  const file = { version: FILE_VERSION, settings: settings as unknown as Settings, window: bounds.success ? bounds.data : null };
  return { file, problem: badFields.length > 0 ? `invalid ${badFields.join(', ')}` : null };
}

/** Owns settings.json. One instance per process; the app's main process is its only writer. */
export class SettingsService {
  private readonly listeners = new Set<(settings: Settings) => void>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly filePath: string,
    private state: SettingsFile,
  ) {}

  /** Loads `<dir>/settings.json` (absent or bad → defaults, with a warning for bad). */
  static async open(dir: string, warn: WarningSink = console.warn): Promise<SettingsService> {
    const filePath = path.join(dir, SETTINGS_FILE);
    let text: string | null = null;
    try {
      text = (await readRegularFile(filePath, MAX_SMALL_FILE_BYTES)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(translate('en', 'main.settings.fileReset', { file: filePath, reason: String((error as Error).message) }));
    }
    const { file, problem } = parseSettingsFile(text);
    if (problem) warn(translate('en', 'main.settings.fileReset', { file: filePath, reason: problem }));
    return new SettingsService(filePath, file);
  }

  /** The current settings (a copy). */
  get(): Settings {
    return { ...this.state.settings };
  }

  /**
   * Applies a validated patch. `beforeSave` (the shell applying login item, shortcut, …) may
   * throw a TweestapError, in which case nothing is saved and the settings stay as they were.
   */
  async update(patch: Partial<Settings>, beforeSave?: (next: Settings, previous: Settings) => Promise<void>): Promise<Settings> {
    const previous = this.get();
    const next: Settings = { ...previous, ...definedOnly(patch) };
    await beforeSave?.(next, previous);
    await this.save({ ...this.state, settings: next });
    for (const listener of this.listeners) listener({ ...next });
    return { ...next };
  }

  /** The window bounds saved at the last close, if any. */
  windowBounds(): WindowBounds | null {
    return this.state.window ? { ...this.state.window } : null;
  }

  /** Remembers the window bounds (called when the window closes). Invalid bounds are ignored. */
  async saveWindowBounds(bounds: WindowBounds): Promise<void> {
    const parsed = windowBoundsSchema.safeParse(bounds);
    if (parsed.success) await this.save({ ...this.state, window: parsed.data });
  }

  /** Calls `listener` after every successful update; returns the unsubscribe function. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes are queued so that two quick updates cannot interleave their renames. */
  private save(next: SettingsFile): Promise<void> {
    this.state = next;
    const text = `${JSON.stringify(next, null, 2)}\n`;
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.filePath, text));
    return this.writing;
  }
}

function definedOnly(patch: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
}
