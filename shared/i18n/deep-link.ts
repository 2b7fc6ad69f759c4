/** Messages about `otpauth://` links handed to Tweestap by the OS. Keys are `deepLink.*`. */
export const en = {
  'deepLink.wrongScheme': 'Tweestap opens only otpauth:// and otpauth-migration:// links; this link starts with "{scheme}".',
  'deepLink.tooLong': 'This link is too long to be an authenticator link (at most {max} characters).',
  'deepLink.malformed': 'This link contains hidden characters (such as line breaks or direction marks, also written as %-codes), so it is not a valid authenticator link.',
  'deepLink.exportPart':
    'This link is part {part} of {total} of an export from another authenticator app. Open such an export in Tweestap itself: click + (Add account) and scan all its QR codes.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'deepLink.wrongScheme': 'Tweestap opent alleen otpauth://- en otpauth-migration://-links; deze link begint met "{scheme}".',
  'deepLink.tooLong': 'Deze link is te lang voor een link van een authenticatie-app (hoogstens {max} tekens).',
  'deepLink.malformed': 'Deze link bevat verborgen tekens (zoals regeleinden of richtingstekens, ook als %-code geschreven) en is daardoor geen geldige link van een authenticatie-app.',
  'deepLink.exportPart':
    'Deze link is deel {part} van {total} van een export uit een andere authenticatie-app. Open zo’n export in Tweestap zelf: klik op + (Account toevoegen) en scan al zijn QR-codes.',
};
