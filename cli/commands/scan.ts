/** `tweestap scan`: every QR text in image files, through the app's own decode pipeline. */
import { scanImageFile } from '../scan-image';
import { expectPositionals, parseCommandArgs } from '../args';
import type { CliContext, Command } from '../context';
import { EXIT } from '../exit-codes';

const OPTIONS = { json: { type: 'boolean' } } as const;

export const scanCommand: Command = {
  help: `Usage:
  tweestap scan <image>... [--json]

Decodes every QR code in each PNG or JPEG file with the same pipeline the app uses and prints its
text (an otpauth:// link holds a secret: treat the output accordingly). Exits 1 when no image
holds a QR code.

  --json   [{ file, width, height, decodeMs, texts: [...] }], decodeMs being the decode time
           without reading the file.`,

  async run(argv: string[], ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const files = expectPositionals(positionals, 1, Infinity);
    const results = [];
    for (const file of files) results.push(await scanImageFile(file));
    if (values.json) {
      ctx.json(results);
    } else {
      for (const r of results) {
        ctx.out(ctx.t('cli.scan.file', { file: r.file, width: r.width, height: r.height, count: r.texts.length, ms: r.decodeMs.toFixed(1) }));
        for (const text of r.texts) ctx.out(`  ${text}`);
      }
    }
    return results.some((r) => r.texts.length > 0) ? EXIT.ok : EXIT.failed;
  },
};
