/**
 * docs/backup-format.md must stay true: its worked example decrypts with Tweestap's reader, and
 * its Python reader (an implementation nobody here runs in production) reads a fresh backup.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decryptBackup, encryptBackup } from '../../../node/backup';
import { FIXTURE_ACCOUNTS } from '../../fixtures/import/generate';

const DOC = fileURLToPath(new URL('../../../docs/backup-format.md', import.meta.url));

/** The body of the first fenced block in `markdown` opened with ```<language>. */
function fencedBlock(markdown: string, language: string): string {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(markdown);
  if (!match?.[1]) throw new Error(`no ${language} block in ${DOC}`);
  return match[1];
}

const pythonHasCryptography =
  spawnSync('python3', ['-c', 'import cryptography.hazmat.primitives.ciphers.aead'], { stdio: 'ignore' }).status === 0;

describe('docs/backup-format.md', () => {
  it('has a worked example that decrypts with its stated password to its stated account', async () => {
    const example = fencedBlock(await readFile(DOC, 'utf8'), 'text');
    const { createdAt, accounts } = await decryptBackup(Buffer.from(example, 'ascii'), 'voorbeeld');
    expect(createdAt).toBe(1_748_736_000_000);
    expect(accounts).toEqual([
      {
        type: 'totp',
        issuer: 'Nse-Portal',
        account: 'tester@example.nl',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 20,
        counter: 0,
      },
    ]);
  });

  // Needs python3 with the cryptography package (Debian: python3-cryptography).
  const itWithPython = it.skipIf(!pythonHasCryptography);
  itWithPython('has a Python reader that reads a fresh backup at the default cost', { timeout: 30_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tweestap-doc-'));
    try {
      const password = 'Ünïcode wachtwoord';
      await writeFile(path.join(dir, 'read_backup.py'), fencedBlock(await readFile(DOC, 'utf8'), 'python'));
      await writeFile(path.join(dir, 'backup.tweestap'), await encryptBackup([...FIXTURE_ACCOUNTS], password, { createdAt: 5 }));
      const output = execFileSync('python3', [path.join(dir, 'read_backup.py'), path.join(dir, 'backup.tweestap')], {
        input: `${password}\n`,
        encoding: 'utf8',
      });
      expect(JSON.parse(output)).toEqual({ createdAt: 5, accounts: FIXTURE_ACCOUNTS });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
