/** Messages about reading files of any kind (node/bounded-read.ts). `nl` must translate every key of `en`. */
export const en = {
  'file.notRegular': '{file} is not a regular file (a folder, device, pipe or socket), so Tweestap does not read it.',
  'file.tooLarge': '{file} is too large ({size} bytes; at most {max}) for Tweestap to read.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'file.notRegular': '{file} is geen gewoon bestand (maar een map, apparaat, pijp of socket), dus Tweestap leest het niet.',
  'file.tooLarge': '{file} is te groot ({size} bytes; hoogstens {max}) voor Tweestap om te lezen.',
};
