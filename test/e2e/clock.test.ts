/**
 * Time on screen, with Chromium's clock under control (Playwright page.clock): the countdown is
 * exact at a 20-second step boundary, the next code shows in the last seconds and becomes the
 * current code at the boundary, and the testers' clock offset shifts every code and is shown.
 * Main computes the codes at the `at` the renderer sends, so the expected codes come from shared/otp.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseOtpauthUri, totpAt } from '../../shared/otp';
import { callApi, testUri, useE2e } from './harness';

// Main gives codes only within CODE_TIME_TOLERANCE_MS (60 s) of its own clock, so the page's
// clock runs near main's: it starts at most 20 s ahead and is moved by at most ~30 s in all.
const ctx = useE2e();
const PORTAL = testUri('Nse-Portal', 'tester@instelling.example.nl', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 20);
const params = parseOtpauthUri(PORTAL);
/** A 20-second step boundary: the first at least 12 s after now (set in beforeAll). */
let BOUNDARY = 0;

const codeAt = (ms: number) => totpAt(params, ms).code;
const shown = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s/g, '');

describe('countdown and next code at a step boundary', () => {
  let page: Page;

  beforeAll(async () => {
    await callApi(ctx.host, 'addFromUri', PORTAL, 'ask');
    await callApi(ctx.host, 'updateSettings', { showNextCode: true, clockOffsetSeconds: 0 });
    // Main's own window, its clock installed and then restarted as the renderer's start.
    page = ctx.app;
    BOUNDARY = Math.ceil((Date.now() + 12_000) / 20_000) * 20_000;
    await page.clock.install({ time: BOUNDARY - 12_000 });
    await page.reload();
    await page.getByTestId('code').waitFor();
    await page.clock.pauseAt(BOUNDARY - 6_000);
  });

  test('six seconds before the boundary: the current code, 6 s left, no next code yet', async () => {
    await expect.poll(() => shown(page, 'countdown')).toBe('6s');
    expect(await shown(page, 'code')).toBe(codeAt(BOUNDARY - 6_000));
    expect(await page.getByTestId('next-code').count()).toBe(0);
  });

  test('in the last five seconds the next code is shown beside the current one', async () => {
    await page.clock.runFor(1_000);
    await expect.poll(() => shown(page, 'countdown')).toBe('5s');
    expect(await shown(page, 'next-code')).toBe(`Next:${codeAt(BOUNDARY)}`);
    await page.clock.runFor(4_000);
    await expect.poll(() => shown(page, 'countdown')).toBe('1s');
    expect(await shown(page, 'code')).toBe(codeAt(BOUNDARY - 1));
  });

  test('at the boundary the next code becomes current with a full 20 s', async () => {
    await page.clock.runFor(1_000);
    await expect.poll(() => shown(page, 'countdown')).toBe('20s');
    expect(await shown(page, 'code')).toBe(codeAt(BOUNDARY));
    expect(await page.getByTestId('next-code').count()).toBe(0);
    // Main's fresh answer for the new step agrees.
    await page.clock.runFor(2_000);
    await expect.poll(() => shown(page, 'countdown')).toBe('18s');
    expect(await shown(page, 'code')).toBe(codeAt(BOUNDARY));
  });

  test('with showNextCode off, no next code appears', async () => {
    await callApi(ctx.host, 'updateSettings', { showNextCode: false });
    await page.reload();
    await page.getByTestId('code').waitFor();
    await page.clock.runFor(15_000);
    await expect.poll(() => shown(page, 'countdown')).toBe('3s');
    expect(await page.getByTestId('next-code').count()).toBe(0);
    await callApi(ctx.host, 'updateSettings', { showNextCode: true });
  });

  test('a tester clock offset shifts the codes and is shown in a banner until turned off', async () => {
    await callApi(ctx.host, 'updateSettings', { clockOffsetSeconds: 40 });
    await page.reload();
    const banner = page.getByTestId('offset-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('+40');
    const now = await page.evaluate(() => Date.now());
    await expect.poll(() => shown(page, 'code')).toBe(codeAt(now + 40_000));
    await banner.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => shown(page, 'code')).toBe(codeAt(now));
    expect((await callApi(ctx.host, 'getSettings')).clockOffsetSeconds).toBe(0);
  });
});
