/**
 * The app lock in the window (issue 12.8), through main: turned on from Settings by keyboard
 * once main's own question is answered (Cancel first: nothing turned on), "Lock now" replaces everything with the unlock screen (no account name left in the
 * page, main refuses the list), a wrong PIN is announced, the right one brings the accounts back;
 * axe finds nothing on the unlock screen; turned off again with the current PIN.
 */
import { describe, expect, test } from 'vitest';
import { pendingDialog } from '../shell/launch';
import { axeViolations, callApi, testUri, useE2e } from './harness';

const ctx = useE2e();
const PIN = 'paard-4321';

describe('app lock', () => {
  test('locks, hides every name, unlocks with the PIN only, and turns off again', async () => {
    const page = ctx.app;
    await callApi(ctx.host, 'addFromUri', testUri('Lock Bank', 'anna@example.nl', 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU'), 'ask');
    await page.reload();
    await page.locator('.account-row').first().waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByTestId('lock-section');
    await section.getByText('Off: anyone at this computer can see your codes while Tweestap is open.').waitFor();
    await section.getByRole('button', { name: 'Turn on app lock…' }).click();
    await page.keyboard.type(PIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    // Main asks outside the window (a compromised window could not lock the user out): first No...
    const question = await pendingDialog(ctx.host.shell, 'messageBox');
    expect(question.options).toMatchObject({ message: 'Turn on the app lock?', defaultId: 1 });
    await ctx.host.shell.answerDialog(question.id, { response: 1 });
    await section.getByRole('alert').filter({ hasText: 'The app lock was not turned on.' }).waitFor();
    expect(await callApi(ctx.host, 'lockStatus')).toMatchObject({ enabled: false });
    // ...then yes.
    await page.keyboard.press('Enter');
    await ctx.host.shell.answerDialog((await pendingDialog(ctx.host.shell, 'messageBox')).id, { response: 0 });
    // A dialog has its own announcer above its backdrop.
    await expect.poll(() => page.getByRole('dialog', { name: 'Settings' }).getByTestId('announcer').textContent()).toContain('App lock is on.');
    await section.getByText('On: Tweestap locks after 5 minutes without use and when you hide its window.').waitFor();

    await section.getByRole('button', { name: 'Lock now' }).click();
    const screen = page.getByTestId('lock-screen');
    await screen.getByRole('heading', { name: 'Tweestap is locked' }).waitFor();
    expect(await page.content()).not.toContain('Lock Bank');
    await expect(callApi(ctx.host, 'listAccounts')).rejects.toThrow('lock.locked');
    await expect(callApi(ctx.host, 'codes', Date.now())).rejects.toThrow('lock.locked');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await screen.getByRole('alert').filter({ hasText: 'That is not the right PIN or password.' }).waitFor();
    await screen.getByLabel('PIN or password').fill(PIN);
    await page.keyboard.press('Enter');
    await page.locator('.account-row').filter({ hasText: 'Lock Bank' }).waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    await section.getByRole('button', { name: 'Turn off app lock' }).click();
    await section.getByLabel('Current PIN or password').fill(PIN);
    await page.keyboard.press('Enter');
    await section.getByText('Off: anyone at this computer can see your codes while Tweestap is open.').waitFor();
    expect(await callApi(ctx.host, 'lockStatus')).toMatchObject({ enabled: false, locked: false });
  });
});
