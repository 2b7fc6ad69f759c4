/** Messages of the cli area. Keys are `cli.*`; `nl` must translate every key of `en`. */
export const en = {
  'cli.placeholder': 'Placeholder, remove when the first real message is added.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'cli.placeholder': 'Tijdelijke tekst, weghalen zodra de eerste echte melding er is.',
};
