/**
 * The one message catalogue. Each area owns a file exporting `en` and `nl`; `nl` is typed
 * against `en`, so a missing translation fails the type-check.
 */
import * as app from './app';
import * as backup from './backup';
import * as cli from './cli';
import * as clock from './clock';
import * as deepLink from './deep-link';
import * as lock from './lock';
import * as files from './files';
import * as otp from './otp';
import * as qr from './qr';
import * as main from './main';
import * as vault from './vault';

export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

const en = { ...files.en, ...otp.en, ...vault.en, ...qr.en, ...cli.en, ...main.en, ...app.en, ...deepLink.en, ...lock.en, ...backup.en, ...clock.en };
export type MessageKey = keyof typeof en;
export type MessageParams = Readonly<Record<string, string | number>>;

const nl: Record<MessageKey, string> = { ...files.nl, ...otp.nl, ...vault.nl, ...qr.nl, ...cli.nl, ...main.nl, ...app.nl, ...deepLink.nl, ...lock.nl, ...backup.nl, ...clock.nl };
const catalogues: Record<Locale, Record<MessageKey, string>> = { en, nl };

/** True when `key` names a message (used to validate keys that crossed a process boundary). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Maps an OS or browser locale tag (`nl-NL`, `nl_BE.UTF-8`, `en-US`) to a supported locale. */
export function localeFromTag(tag: string | undefined): Locale {
  return /^nl([-_.]|$)/i.test(tag ?? '') ? 'nl' : 'en';
}
