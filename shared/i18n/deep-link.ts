/** Messages about `otpauth://` links handed to Tweestap by the OS. Keys are `deepLink.*`. */
export const en = {
  'deepLink.wrongScheme': 'Tweestap opens only otpauth:// and otpauth-migration:// links; this link starts with "{scheme}".',
  'deepLink.tooLong': 'This link is too long to be an authenticator link (at most {max} characters).',
  'deepLink.malformed': 'This link contains control characters (such as line breaks), so it is not a valid authenticator link.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'deepLink.wrongScheme': 'Tweestap opent alleen otpauth://- en otpauth-migration://-links; deze link begint met "{scheme}".',
  'deepLink.tooLong': 'Deze link is te lang voor een link van een authenticatie-app (hoogstens {max} tekens).',
  'deepLink.malformed': 'Deze link bevat stuurtekens (zoals regeleinden) en is daardoor geen geldige link van een authenticatie-app.',
};
