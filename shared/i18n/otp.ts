/** Messages of the otp area. Keys are `otp.*`; `nl` must translate every key of `en`. */
export const en = {
  'otp.placeholder': 'Placeholder, remove when the first real message is added.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'otp.placeholder': 'Tijdelijke tekst, weghalen zodra de eerste echte melding er is.',
};
