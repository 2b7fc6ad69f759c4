/** Moving a chosen file's bytes to main as Base64 (backups never come back: main saves them itself). */

/** Base64 of a chosen file's bytes, to hand to `importFromFile`. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // In slices: spreading a whole file into fromCharCode would overflow the argument limit.
  const SLICE = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += SLICE) binary += String.fromCharCode(...bytes.subarray(start, start + SLICE));
  return btoa(binary);
}
