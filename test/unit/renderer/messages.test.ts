/**
 * The window's messages come in two parts: shared/i18n/window.ts from the start and
 * shared/i18n/dialogs.ts with the first dialog (renderer/i18n/messages.ts). These tests keep a
 * message the start needs out of the dialogs' part, and the parts whole.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWindowMessageKey, loadDialogMessages, translate } from '../../../renderer/i18n/messages';
import * as cli from '../../../shared/i18n/cli';
import * as deepLink from '../../../shared/i18n/deep-link';
import * as dialogs from '../../../shared/i18n/dialogs';
import { LOCALES } from '../../../shared/i18n';
import * as shell from '../../../shared/i18n/shell';
import * as start from '../../../shared/i18n/window';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The parts shared/i18n/index.ts builds the whole catalogue from. */
const PARTS = [start.en, dialogs.en, cli.en, deepLink.en, shell.en].map((part) => Object.keys(part));
const ALL_KEYS = new Set(PARTS.flat());
const CATALOGUE_DIR = path.join(ROOT, 'shared', 'i18n');

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, base].find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
}

/** renderer/main.tsx and every module it imports statically, transitively (not `import()`, not `import type`). */
function startModules(): string[] {
  const seen = new Set<string>();
  const queue = [path.join(ROOT, 'renderer', 'main.tsx')];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [statement, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      if (/^(?:import|export)\s+type\s/.test(statement)) continue;
      const target = resolveImport(file, specifier as string);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

describe("the window's messages", () => {
  it('has at start every message a module loaded at start names', () => {
    const modules = startModules().filter((file) => !file.startsWith(CATALOGUE_DIR + path.sep));
    expect(modules.map((file) => path.relative(ROOT, file))).toContain(path.join('renderer', 'App.tsx'));
    const named = modules.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'([a-zA-Z]+\.[\w.]+)'/g)].map((match) => match[1] as string));
    const missing = [...new Set(named.filter((key) => ALL_KEYS.has(key) && !Object.hasOwn(start.en, key)))];
    expect(missing).toEqual([]);
  });

  it("has the dialogs' messages once the first dialog has loaded", async () => {
    expect(isWindowMessageKey('app.about.title')).toBe(false);
    expect(translate('en', 'app.about.title')).toBe('app.about.title');
    await loadDialogMessages();
    expect(isWindowMessageKey('app.about.title')).toBe(true);
    for (const locale of LOCALES) expect(translate(locale, 'app.about.title')).toBe(dialogs[locale]['app.about.title']);
    expect(translate('nl', 'app.loading')).toBe(start.nl['app.loading']);
  });

  it('puts each message in one part: the start, the dialogs, or main and the CLI only', () => {
    expect(ALL_KEYS.size).toBe(PARTS.flat().length);
  });
});
