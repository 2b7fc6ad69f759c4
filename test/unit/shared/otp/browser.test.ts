/**
 * The core is pure: bundled for the browser, it runs in Debian's Chromium under the app's strict
 * Content-Security-Policy (no 'unsafe-eval'), where the renderer and scan worker may import it,
 * and gives the same results as in Node.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as otp from '../../../../shared/otp';

const CSP = "default-src 'none'; script-src 'self'";
const ORIGIN = 'http://tweestap.test';
const GOOGLE_EXPORT = 'otpauth-migration://offline?data=CjYKEExyJfPiZeroMa/MdF%2BnkTISE2pvaG5kb2VAZXhhbXBsZS5jb20aB0Rpc2NvcmQgASgBMAIQARgBIAA%3D';
const NSE_URI = 'otpauth://totp/Nse-Portal:a%40b.nl?secret=jbsw+y3dp+ehpk+3pxp&issuer=Nse-Portal&period=20';

/** What the page computes with the bundle; the same function runs in Node for comparison. */
function exercise(core: typeof otp, exportUri: string, uri: string): unknown {
  const account = core.parseOtpauthUri(uri);
  const exported = core.decodeMigrationUri(exportUri);
  return {
    account,
    code: core.totpAt(account, 1_700_000_000_000),
    exported,
    reencoded: core.encodeMigrationUris(exported.accounts, { batchId: -1 }),
    kind: core.describeQrText('https://example.com'),
  };
}

describe('the OTP core in Chromium under a strict CSP', () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let bundle: string;

  beforeAll(async () => {
    const result = await build({
      entryPoints: ['shared/otp/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'tweestapOtp',
      write: false,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('parses, computes and decodes exactly as in Node, with no CSP violation', { timeout: 60_000 }, async () => {
    // The page's own script runs the exercise at load, so any eval in the bundle meets the CSP.
    const run = `try {
      globalThis.result = JSON.stringify((${exercise.toString()})(globalThis.tweestapOtp, ${JSON.stringify(GOOGLE_EXPORT)}, ${JSON.stringify(NSE_URI)}));
    } catch (error) { globalThis.result = 'error: ' + error; }`;
    const scripts: Record<string, string> = { '/otp.js': bundle, '/run.js': run };
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => problems.push(message.text()));
    await page.route(`${ORIGIN}/**`, (route) => {
      const script = scripts[new URL(route.request().url()).pathname];
      return script !== undefined
        ? route.fulfill({ contentType: 'text/javascript', body: script })
        : route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: '<script src="/otp.js"></script><script src="/run.js"></script>' });
    });
    await page.goto(`${ORIGIN}/`);
    const result = await page.evaluate(() => (globalThis as unknown as { result?: string }).result);
    expect(problems).toEqual([]);
    expect(JSON.parse(result ?? 'null')).toEqual(JSON.parse(JSON.stringify(exercise(otp, GOOGLE_EXPORT, NSE_URI))));
    await page.close();
  });
});
