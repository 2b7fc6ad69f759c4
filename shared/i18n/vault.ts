/** Messages of the vault area. Keys are `vault.*`; `nl` must translate every key of `en`. */
export const en = {
  'vault.placeholder': 'Placeholder, remove when the first real message is added.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'vault.placeholder': 'Tijdelijke tekst, weghalen zodra de eerste echte melding er is.',
};
