/** Messages of the qr area. Keys are `qr.*`; `nl` must translate every key of `en`. */
export const en = {
  'qr.notAnImage': '{name} is not a PNG or JPEG image, or the file is damaged.',
  'qr.unreadableImage':
    'This is not an image Tweestap can read (PNG, JPEG, WebP, GIF or BMP), or the file is damaged.',
  'qr.imageTooLarge':
    'The image is {width} × {height} pixels; Tweestap reads images of at most {maxSide} pixels a side and {maxMegapixels} megapixels. Crop the image around the QR code or scale it down.',
  'qr.badPixels': 'The image data does not match its size of {width} × {height} pixels.',
  'qr.fileNotFound': 'There is no file {name}.',
  'qr.fileUnreadable': 'The file {name} cannot be read ({reason}).',
  'qr.decoderUnavailable': 'The QR decoder could not be loaded. Reinstall Tweestap if this keeps happening.',
} as const;

export const nl: Record<keyof typeof en, string> = {
  'qr.notAnImage': '{name} is geen PNG- of JPEG-afbeelding, of het bestand is beschadigd.',
  'qr.unreadableImage':
    'Dit is geen afbeelding die Tweestap kan lezen (PNG, JPEG, WebP, GIF of BMP), of het bestand is beschadigd.',
  'qr.imageTooLarge':
    'De afbeelding is {width} × {height} pixels; Tweestap leest afbeeldingen van hoogstens {maxSide} pixels per zijde en {maxMegapixels} megapixels. Snijd de afbeelding bij rond de QR-code of maak haar kleiner.',
  'qr.badPixels': 'De beeldgegevens passen niet bij de afmetingen van {width} × {height} pixels.',
  'qr.fileNotFound': 'Het bestand {name} bestaat niet.',
  'qr.fileUnreadable': 'Het bestand {name} kan niet worden gelezen ({reason}).',
  'qr.decoderUnavailable': 'De QR-lezer kon niet worden geladen. Installeer Tweestap opnieuw als dit blijft gebeuren.',
};
