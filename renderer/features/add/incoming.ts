/**
 * What reaches the Add dialog from outside its forms: image files (dropped, pasted or opened),
 * pasted text, or a request to scan the screen (tray menu, global shortcut). Nothing is kept.
 */
import { scanBlob } from '../../qr/client';

/** Something given to the Add dialog from outside its forms. */
export type Incoming = { files: File[] } | { text: string } | { scan: 'screen' };

/** Files that look like images (by type; the decoder still has the last word). */
export function imageFiles(list: FileList | readonly File[] | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith('image/'));
}

/** Every QR text in the images, in order (the caller judges them with planScan). */
export async function textsFromImages(files: readonly File[]): Promise<string[]> {
  const texts: string[] = [];
  for (const file of files) texts.push(...(await scanBlob(file)));
  return texts;
}
