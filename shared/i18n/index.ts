/**
 * The one message catalogue. Each area owns a file exporting `en` and `nl`; `nl` is typed
 * against `en`, so a missing translation fails the type-check. window.ts gathers the areas the
 * window shows; this adds the CLI's, the deep links' and main's own (shell.ts).
 */
import * as cli from './cli';
import * as deepLink from './deep-link';
import { fillPlaceholders, type Locale, type MessageParams } from './locale';
import * as shell from './shell';
import * as window from './window';

export { LOCALES, localeFromTag, type Locale, type MessageParams } from './locale';

const en = { ...window.en, ...cli.en, ...deepLink.en, ...shell.en };
export type MessageKey = keyof typeof en;

const nl: Record<MessageKey, string> = { ...window.nl, ...cli.nl, ...deepLink.nl, ...shell.nl };
const catalogues: Record<Locale, Record<MessageKey, string>> = { en, nl };

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(catalogues[locale][key], params);
}
