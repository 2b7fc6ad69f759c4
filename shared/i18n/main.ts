/** Messages of the main process the window may show: its answers to a request it refused or could not serve. Keys are `main.*`. */
export const en = {
  'main.input.unknownMethod': 'Tweestap does not know the request "{method}".',
  'main.input.arity': '{method} expects {expected} argument(s) but received {actual}.',
  'main.input.invalid': 'The value of {field} in {method} is not valid.',
  'main.input.tooLong': '{field} in {method} is too long (at most {max} characters).',
  'main.input.unknownField': '{field} in {method} has a field Tweestap does not know.',
  'main.internal': 'Something went wrong inside Tweestap. Please try again; if it keeps happening, restart the app.',
  'main.ipc.untrustedSender': 'A request came from outside the Tweestap window and was refused.',
  'main.copy.noCode': 'There is no code to copy for this account right now.',
  'main.codes.timeOutOfRange': 'Codes are only given for the time on this computer’s clock (give or take {seconds} seconds), plus the clock offset set for testers.',
  'main.link.unknown': 'Tweestap does not open the link "{name}".',
  'main.shortcut.unavailable': 'The keyboard shortcut {shortcut} cannot be used; another program may have taken it. Choose another one.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'main.input.unknownMethod': 'Tweestap kent het verzoek “{method}” niet.',
  'main.input.arity': '{method} verwacht {expected} argument(en), maar kreeg er {actual}.',
  'main.input.invalid': 'De waarde van {field} in {method} is niet geldig.',
  'main.input.tooLong': '{field} in {method} is te lang (hoogstens {max} tekens).',
  'main.input.unknownField': '{field} in {method} heeft een veld dat Tweestap niet kent.',
  'main.internal': 'Er ging iets mis in Tweestap. Probeer het opnieuw; blijft het gebeuren, start de app dan opnieuw.',
  'main.ipc.untrustedSender': 'Een verzoek kwam van buiten het Tweestap-venster en is geweigerd.',
  'main.copy.noCode': 'Er is op dit moment geen code om te kopiëren voor dit account.',
  'main.codes.timeOutOfRange': 'Codes worden alleen gegeven voor de tijd op de klok van deze computer (met {seconds} seconden speling), plus de klokverschuiving voor testers.',
  'main.link.unknown': 'Tweestap opent de link “{name}” niet.',
  'main.shortcut.unavailable': 'De sneltoets {shortcut} kan niet worden gebruikt; misschien gebruikt een ander programma hem al. Kies een andere.',
};
