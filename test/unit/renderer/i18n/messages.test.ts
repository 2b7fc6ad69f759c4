/**
 * The window's messages arrive one locale at a time (renderer/i18n/messages.ts; the build fetches
 * them as JSON, test/packaging/renderer-budget.test.ts checks those files). These tests keep each
 * message in one part of the catalogue and show what the window has before and after a load.
 */
import { describe, expect, it } from 'vitest';
import { hasMessages, isWindowMessageKey, loadMessages, translate } from '../../../../renderer/i18n/messages';
import * as cli from '../../../../shared/i18n/cli';
import * as deepLink from '../../../../shared/i18n/deep-link';
import * as dialogs from '../../../../shared/i18n/dialogs';
import * as shell from '../../../../shared/i18n/shell';
import * as windowMessages from '../../../../shared/i18n/window';

/** The parts shared/i18n/index.ts builds the whole catalogue from. */
const PARTS = [windowMessages.en, cli.en, deepLink.en, shell.en].map((part) => Object.keys(part));

describe("the window's messages", () => {
  it('has a locale only once it has loaded, with the dialogs and every error main may send', async () => {
    expect(hasMessages('nl')).toBe(false);
    expect(isWindowMessageKey('app.about.title')).toBe(false);
    expect(translate('nl', 'app.about.title')).toBe('app.about.title');
    await loadMessages('nl');
    expect(hasMessages('nl')).toBe(true);
    expect(translate('nl', 'app.about.title')).toBe(dialogs.nl['app.about.title']);
    expect(translate('nl', 'app.loading')).toBe(windowMessages.nl['app.loading']);
    expect(translate('nl', 'vault.unreadable')).toBe(windowMessages.nl['vault.unreadable']);
    expect(isWindowMessageKey('app.about.title')).toBe(true);
    expect(isWindowMessageKey(Object.keys(cli.en)[0] as string)).toBe(false);
    expect(hasMessages('en')).toBe(false);
    expect(translate('en', 'app.loading')).toBe('app.loading');
  });

  it('puts each message in one part: the window, or main and the CLI only', () => {
    expect(new Set(PARTS.flat()).size).toBe(PARTS.flat().length);
  });
});
