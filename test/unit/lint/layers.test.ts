/**
 * The layering of docs/architecture.md is enforced by eslint.config.js: each wrong import below
 * must fail `npm run lint`, and each right one pass.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-imports messages for `code` linted as if it were the file `file`. */
async function restrictions(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layers, enforced by lint', () => {
  it.each([
    ['a host importing another host (preview → cli)', 'preview/x.ts', "import '../cli/run';"],
    ['a host importing another host (cli → electron)', 'cli/commands/x.ts', "import '../../electron/security';"],
    ['a host importing another host (electron → cli)', 'electron/x.ts', "import '../cli/run';"],
    ['the Node layer importing a host', 'node/x.ts', "import '../electron/ipc';"],
    ['the Node layer importing Electron', 'node/keychain/x.ts', "import { app } from 'electron';"],
    ['the pure core importing Node', 'shared/otp/x.ts', "import { readFile } from 'node:fs';"],
    ['the pure core importing the Node layer', 'shared/otp/x.ts', "import '../../node/vault';"],
    ['the renderer importing the Node layer', 'renderer/features/x.ts', "import '../../node/accounts';"],
    ['the renderer importing Node', 'renderer/x.ts', "import path from 'node:path';"],
    ['the renderer importing the OTP barrel (code generation, protobufjs)', 'renderer/features/scan/x.ts', "import { describeQrText } from '../../../shared/otp';"],
    ['the renderer importing key parsing', 'renderer/features/scan/x.ts', "import { parseOtpauthUri } from '../../../shared/otp/uri';"],
    ['the renderer importing the whole message catalogue', 'renderer/features/x.ts', "import { translate } from '../../shared/i18n';"],
    ['the renderer importing messages only main shows', 'renderer/i18n/x.ts', "import * as cli from '../../shared/i18n/cli';"],
    ["the renderer importing one area's messages, not the window's catalogue", 'renderer/i18n/x.ts', "import * as dialogs from '../../shared/i18n/dialogs';"],
  ])('refuses %s', async (_name, file, code) => {
    expect(await restrictions(file, code)).toHaveLength(1);
  });

  it.each([
    ['hosts importing the Node layer and the core', 'electron/x.ts', "import '../node/vault';\nimport '../shared/errors';"],
    ['the CLI importing the Node layer', 'cli/commands/x.ts', "import '../../node/accounts';"],
    ['the Node layer importing the core and Node', 'node/x.ts', "import '../shared/errors';\nimport { readFile } from 'node:fs';"],
    ['the renderer importing the core', 'renderer/features/x.ts', "import '../../shared/api';"],
    ['the renderer importing the light OTP modules', 'renderer/features/scan/x.ts', "import '../../../shared/otp/qr-text';\nimport '../../../shared/otp/uri-labels';"],
    ["the renderer importing the window's messages", 'renderer/i18n/x.ts', "import '../../shared/i18n/window';\nimport '../../shared/i18n/locale';"],
  ])('allows %s', async (_name, file, code) => {
    expect(await restrictions(file, code)).toEqual([]);
  });
});
