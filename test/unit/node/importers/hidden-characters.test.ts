/**
 * Issue 12, part 4, through the importers: an Aegis, 2FAS or URI-list entry whose name holds a
 * hidden character (U+202E, zero-width, ESC, CR/LF, NUL) is skipped with the typed, translated
 * reason `otp.labelHiddenCharacter`, its label shown escaped; the other entries are imported.
 */
import { describe, expect, it } from 'vitest';
import { import2fas, importAegis, importUriList } from '../../../../node/importers';
import { aegisDb, aegisEntry, aegisPlainVault, twofasPlainExport, twofasService, uriListText } from '../../../fixtures/import/generate';
import type { OtpParams } from '../../../../shared/otp/types';

const GOOD: OtpParams = { type: 'totp', issuer: 'Nse-Portal', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 20, counter: 0 };
const HIDDEN = ['\u202E', '\u200B', '\u200D', '\u001B[2K', '\r', '\n', '\u0000'];

describe.each(HIDDEN.map((char) => [JSON.stringify(char), char]))('an entry whose name holds %s', (_shown, char) => {
  const bad = [{ ...GOOD, issuer: `Nse-Portal${char}` }, { ...GOOD, account: `alice${char}@example.com` }];

  it('is skipped by the Aegis importer, the rest imported', async () => {
    for (const entry of bad) {
      const result = await importAegis(aegisPlainVault(aegisDb([aegisEntry(GOOD), aegisEntry(entry)])));
      expect(result.accounts).toEqual([GOOD]);
      expect(result.skipped).toMatchObject([{ position: 2, key: 'otp.labelHiddenCharacter' }]);
      expect(result.skipped[0]!.label).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    }
  });

  it('is skipped by the 2FAS importer', async () => {
    for (const entry of bad) {
      const result = await import2fas(twofasPlainExport([twofasService(GOOD, 0), twofasService(entry, 1)]));
      expect(result.accounts).toEqual([GOOD]);
      expect(result.skipped).toMatchObject([{ key: 'otp.labelHiddenCharacter' }]);
    }
  });

  it('is skipped by the URI-list importer (the character percent-encoded in the link)', async () => {
    for (const entry of bad) {
      const result = await importUriList(uriListText([GOOD, entry]));
      expect(result.accounts).toEqual([GOOD]);
      expect(result.skipped).toMatchObject([{ key: 'otp.labelHiddenCharacter' }]);
    }
  });
});
