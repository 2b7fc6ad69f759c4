/** Messages of the app area. Keys are `app.*`; `nl` must translate every key of `en`. */
export const en = {
  'app.placeholder': 'Placeholder, remove when the first real message is added.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'app.placeholder': 'Tijdelijke tekst, weghalen zodra de eerste echte melding er is.',
};
