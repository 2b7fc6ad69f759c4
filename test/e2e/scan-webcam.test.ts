/**
 * Scan with webcam in Chromium with a fake camera: a `.y4m` film written at test time (the
 * practice portal's QR filmed at an angle with blur, a Google export's parts, a web link), the
 * real decode worker, the real keychain behind the real main. The film is rewritten between
 * tests; Chromium reads it again each time the camera opens.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { encodeMigrationUris, secretFromBytes, type OtpParams } from '../../shared/otp';
import { writeY4m, type Scene } from '../fixtures/webcam/y4m';
import { axeViolations, callApi, testUri, useE2e } from './harness';
import { closeDialog, confirmedCode, openAddDialog, openPortal, recordMediaTracks, submitToPortal, trackStates } from './scan-helpers';

const dir = mkdtempSync(join(tmpdir(), 'tweestap-webcam-'));
const film = join(dir, 'camera.y4m');
// Until a test writes its scenes, the camera films an empty desk.
writeY4m(film, [{ text: null, frames: 1, seed: 1 }]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = useE2e({
  chromiumArgs: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${film}`, '--deny-permission-prompts'],
});

async function allowCamera(allowed: boolean): Promise<void> {
  await ctx.browser.clearPermissions();
  if (allowed) await ctx.browser.grantPermissions(['camera'], { origin: new URL(ctx.app.url()).origin });
}

async function startWebcam(): Promise<void> {
  await openAddDialog(ctx.app);
  await ctx.app.getByRole('button', { name: 'Scan with the webcam' }).click();
  await ctx.app.getByTestId('webcam-scanner').waitFor();
}

function account(issuer: string, period: number): OtpParams {
  return { type: 'totp', issuer, account: `${issuer.toLowerCase().replace(/\W/g, '')}@example.nl`, secret: secretFromBytes(randomBytes(20)), algorithm: 'SHA1', digits: 6, period, counter: 0 };
}

beforeAll(async () => {
  await recordMediaTracks(ctx.browser);
  // A new document, so the init script runs (going to the same URL only changes its fragment).
  await ctx.app.reload();
  await ctx.app.locator('.app-header').waitFor();
});

describe('scan with webcam', () => {
  beforeEach(() => allowCamera(true));

  test('the portal QR filmed at an angle with blur is added, its code is accepted and the camera stops', async () => {
    const { app, portal } = ctx;
    portal.reset();
    writeY4m(film, [{ text: portal.state().uri, frames: 4, seed: 5100 }]);
    await startWebcam();
    const code = await confirmedCode(app);
    expect(await app.getByTestId('added-screen').textContent()).toContain(portal.state().account);
    const states = await trackStates(app);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((state) => state === 'ended')).toBe(true);
    const portalPage = await openPortal(ctx);
    // The portal's enrolment page shows the same secret: its code check is what counts.
    expect(await submitToPortal(portalPage, code)).toContain('Koppeling gelukt');
    await portalPage.close();
    await app.getByRole('button', { name: 'Done' }).click();
  });

  test('a three-part Google export filmed out of order shows its progress and adds every account at once', async () => {
    const { app } = ctx;
    const accounts = ['Cam One', 'Cam Two', 'Cam Three', 'Cam Four', 'Cam Five'].map((issuer, index) => account(issuer, index === 0 ? 20 : 30));
    const parts = encodeMigrationUris(accounts, { batchId: 424242, perQr: 2 });
    const scenes: Scene[] = [2, 0, 1].map((index) => ({ text: parts[index]!, frames: 8, seed: 6000 + index * 10 }));
    writeY4m(film, scenes);
    // Cam One is already here with 20 seconds: the import keeps both and warns about the period.
    await callApi(ctx.host, 'addFromUri', testUri('Cam One', accounts[0]!.account, accounts[0]!.secret, 20), 'ask');
    const before = (await callApi(ctx.host, 'listAccounts')).length;
    await startWebcam();
    await expect.poll(() => app.getByTestId('batch-progress').textContent(), { timeout: 20_000 }).toMatch(/^2 of 3 scanned\./);
    await app.getByRole('button', { name: 'Keep both' }).click({ timeout: 30_000 });
    const screen = app.getByTestId('added-screen');
    await screen.waitFor({ timeout: 30_000 });
    expect(await screen.textContent()).toContain('5 accounts have been added.');
    // A Google export cannot carry the period: the screen warns about the 20-second account.
    expect(await screen.textContent()).toMatch(/Cam One.*20 seconds/);
    expect((await callApi(ctx.host, 'listAccounts')).length).toBe(before + 5);
    expect((await trackStates(app)).every((state) => state === 'ended')).toBe(true);
    await app.getByRole('button', { name: 'Done' }).click();
  });

  test('a web-link QR is named as such and nothing is added', async () => {
    const { app } = ctx;
    writeY4m(film, [{ text: 'https://nse-portal.crowdtech.com/', frames: 3, seed: 7000 }]);
    const before = (await callApi(ctx.host, 'listAccounts')).length;
    await startWebcam();
    await expect.poll(() => app.getByTestId('add-error').textContent(), { timeout: 20_000 }).toMatch(/web link/i);
    expect((await callApi(ctx.host, 'listAccounts')).length).toBe(before);
    await closeDialog(app);
    // Closing the dialog stops the camera that was still looking.
    await expect.poll(async () => (await trackStates(app)).every((state) => state === 'ended')).toBe(true);
  });

  test('camera permission denied says so and adds nothing', async () => {
    const { app } = ctx;
    await allowCamera(false);
    await startWebcam();
    const error = app.getByTestId('webcam-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Tweestap may not use the camera');
    await closeDialog(app);
  });

  test.each(['light', 'dark'] as const)('the webcam scanner has no accessibility violations (%s theme)', async (theme) => {
    const { app } = ctx;
    await app.emulateMedia({ colorScheme: theme });
    writeY4m(film, [{ text: null, frames: 1, seed: 1 }]);
    await startWebcam();
    await app.getByTestId('webcam-status').waitFor();
    expect(await axeViolations(app)).toEqual([]);
    await closeDialog(app);
  });
});
