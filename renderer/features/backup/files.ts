/** Moving file bytes across the API as Base64: a chosen file out to main, a backup back as a download. */

/** Base64 of a chosen file's bytes, to hand to `importFromFile`. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // In slices: spreading a whole file into fromCharCode would overflow the argument limit.
  const SLICE = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += SLICE) binary += String.fromCharCode(...bytes.subarray(start, start + SLICE));
  return btoa(binary);
}

/** A blob: URL holding the bytes of `base64`, for an `<a download>`; revoke it when done. */
export function base64ToObjectUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
}
