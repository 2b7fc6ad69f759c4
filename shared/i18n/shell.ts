/** Messages of the shell area. Keys are `shell.*`; `nl` must translate every key of `en`. */
export const en = {
  'shell.placeholder': 'Placeholder, remove when the first real message is added.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'shell.placeholder': 'Tijdelijke tekst, weghalen zodra de eerste echte melding er is.',
};
