/** Where `add --image` and `import` get their accounts from. */
import { readRegularFile } from '../node/bounded-read';
import { detectImportFormat, MAX_IMPORT_BYTES } from '../node/importers';
import { TweestapError } from '../shared/errors';
import { describeQrText, notOtpauthError } from '../shared/otp';
import { MAX_IMAGE_FILE_BYTES, scanImageFile } from './scan-image';

const IMAGE_MAGIC = [Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from([0xff, 0xd8, 0xff])];

/** Checks that every text is an otpauth or migration link; anything else is named (exit 2). */
function onlyLinks(texts: readonly string[]): string[] {
  for (const text of texts) {
    const kind = describeQrText(text);
    if (kind !== 'otpauth' && kind !== 'otpauth-migration') throw notOtpauthError(kind);
  }
  return texts.map((t) => t.trim());
}

/** The authenticator links in the QR codes of an image; none at all is not-found (exit 1). */
export async function linksFromImage(file: string): Promise<string[]> {
  const { texts } = await scanImageFile(file);
  if (texts.length === 0) throw new TweestapError('not-found', 'cli.source.noQr', { file });
  return onlyLinks(texts);
}

/**
 * The file's bytes, an image's or an export's: at most the larger of their limits, from a
 * regular file only (`file.notRegular`, `file.tooLarge`); a missing or unreadable file is an
 * input error naming it.
 */
async function readSource(file: string): Promise<Buffer> {
  try {
    return await readRegularFile(file, Math.max(MAX_IMAGE_FILE_BYTES, MAX_IMPORT_BYTES));
  } catch (error) {
    if (error instanceof TweestapError) throw error;
    throw new TweestapError('input', 'cli.source.unreadable', { file });
  }
}

/** What `import` was given: links (from the argument, an image or a text file), or an export file. */
export type ImportSource = { kind: 'links'; links: string[] } | { kind: 'export'; bytes: Buffer };

/**
 * Reads `import`'s argument: the argument itself when it is a link, the QR codes of an image
 * file, the non-empty lines of a text file of links (`#` starts a comment), or the bytes of
 * another authenticator's export or a Tweestap backup (read by node/importers).
 */
export async function importSourceOf(arg: string): Promise<ImportSource> {
  if (/^otpauth(-migration)?:/i.test(arg.trim())) return { kind: 'links', links: onlyLinks([arg]) };
  const bytes = await readSource(arg);
  if (IMAGE_MAGIC.some((magic) => bytes.subarray(0, magic.length).equals(magic))) return { kind: 'links', links: await linksFromImage(arg) };
  const format = detectImportFormat(bytes);
  if (format !== 'uri-list' && format !== 'unknown') return { kind: 'export', bytes };
  const lines = bytes
    .toString('utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length === 0) throw new TweestapError('not-found', 'cli.source.noLinks', { file: arg });
  return { kind: 'links', links: onlyLinks(lines) };
}
