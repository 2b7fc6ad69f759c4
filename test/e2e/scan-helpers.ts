/**
 * Shared steps of the scanning browser tests (scan-screen, scan-webcam): open Add account, read
 * the confirmed code, type it into the practice portal, and record every media track the page
 * opens so a test can prove they were all stopped.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { showInOwnWindow } from '../shell/launch';
import type { E2eContext } from './harness';

/** Wraps getUserMedia and getDisplayMedia in every page so their tracks land in `window.__tracks`. */
export async function recordMediaTracks(browser: BrowserContext): Promise<void> {
  await browser.addInitScript(() => {
    const tracks: MediaStreamTrack[] = [];
    (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks = tracks;
    const media = navigator.mediaDevices;
    if (!media) return;
    for (const name of ['getUserMedia', 'getDisplayMedia'] as const) {
      const original = media[name].bind(media) as (constraints?: MediaStreamConstraints) => Promise<MediaStream>;
      media[name] = async (constraints?: MediaStreamConstraints) => {
        const stream = await original(constraints);
        tracks.push(...stream.getTracks());
        return stream;
      };
    }
  });
}

/** The states of the tracks recorded so far (`live` or `ended`). */
export function trackStates(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks.map((track) => track.readyState));
}

export async function openAddDialog(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Add account', exact: true }).first().click();
  await app.getByRole('dialog', { name: 'Add account' }).waitFor();
}

/** Closes the Add dialog (Escape) and waits until it is gone. */
export async function closeDialog(app: Page): Promise<void> {
  await app.keyboard.press('Escape');
  await expect.poll(() => app.getByRole('dialog').count()).toBe(0);
}

/** The code on the confirmation screen, without the grouping space. */
export async function confirmedCode(app: Page): Promise<string> {
  const screen = app.getByTestId('added-screen');
  await screen.getByTestId('code').waitFor({ timeout: 30_000 });
  return ((await screen.getByTestId('code').textContent()) ?? '').replace(/\s/g, '');
}

/** Types `code` into the practice portal (in `page`, already showing it) and returns its verdict. */
export async function submitToPortal(page: Page, code: string): Promise<string> {
  await page.getByLabel('Zescijferige code').fill(code);
  await page.getByRole('button', { name: 'Koppelen' }).click();
  return (await page.locator('#result').textContent()) ?? '';
}

/**
 * Opens the practice portal in a browser window of its own (as the user's browser would show it;
 * a tab in main's window would leave the screen with it when main hides the window for a scan).
 */
export async function openPortal(ctx: E2eContext): Promise<Page> {
  const page = await showInOwnWindow(ctx.app, '<title>portal</title>');
  await page.goto(`${ctx.portal.url}/`);
  return page;
}
