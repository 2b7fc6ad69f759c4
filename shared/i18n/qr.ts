/** Messages of the qr area. Keys are `qr.*`; `nl` must translate every key of `en`. */
export const en = {
  'qr.placeholder': 'Placeholder, remove when the first real message is added.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'qr.placeholder': 'Tijdelijke tekst, weghalen zodra de eerste echte melding er is.',
};
