/**
 * The locales and how a message is filled in, without any messages: the full catalogue
 * (index.ts, for main and the CLI) and the window's (window.ts) are both built on it.
 */
export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageParams = Readonly<Record<string, string | number>>;

/** `template` with its `{name}` placeholders filled from `params` (unknown names are left as they are). */
export function fillPlaceholders(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Maps an OS or browser locale tag (`nl-NL`, `nl_BE.UTF-8`, `en-US`) to a supported locale. */
export function localeFromTag(tag: string | undefined): Locale {
  return /^nl([-_.]|$)/i.test(tag ?? '') ? 'nl' : 'en';
}
