// Screenshots of Tweestap's main screens, light and dark, English and Dutch, into docs/screenshots/.
// Drives the real renderer on the preview host (real services, a private test keyring) in Debian's
// Chromium, with a fixed clock and made-up secrets so the images are the same on every run.
//
//   npm run build && node scripts/screenshots.mjs
//
// Re-runs itself under test/keychain/with-keyring.sh (a private test keyring).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');

// The harness unsets its own marker before running the command, so we mark the child ourselves.
if (!process.env.TWEESTAP_SCREENSHOTS_IN_KEYRING) {
  const run = spawnSync('bash', [join(ROOT, 'test/keychain/with-keyring.sh'), process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, TWEESTAP_SCREENSHOTS_IN_KEYRING: '1' },
  });
  process.exit(run.status ?? 1);
}

/** 2030-01-01T09:00:07Z: a fixed moment, 13 s into a 20-second step. */
const FIXED_TIME = Date.UTC(2030, 0, 1, 9, 0, 7);
const PORTAL = 'otpauth://totp/Nse-Portal:j.de.vries%40hogeschool.example.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Nse-Portal&period=20';
const OTHERS = [
  'otpauth://totp/GitHub:jdevries?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://totp/Microsoft:j.de.vries%40hogeschool.example.nl?secret=KRSXG5CTMVRXEZLU&issuer=Microsoft',
  'otpauth://totp/SURFconext:jdevries?secret=MFRGGZDFMZTWQ2LK&issuer=SURFconext',
];
const COMBOS = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'nl', theme: 'light' },
  { language: 'nl', theme: 'dark' },
];
const TEXT = {
  en: { add: 'Add account', link: 'Paste a link', linkLabel: 'Link (otpauth:// or otpauth-migration://)', settings: 'Settings' },
  nl: { add: 'Account toevoegen', link: 'Link plakken', linkLabel: 'Link (otpauth:// of otpauth-migration://)', settings: 'Instellingen' },
};

async function startHost(home) {
  const child = spawn(process.execPath, [join(ROOT, 'dist/preview/server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, TWEESTAP_HOME: home, TWEESTAP_KEYCHAIN_SERVICE: `tweestap-screenshots-${process.pid}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`preview host exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^Tweestap preview: (\S+)$/.exec(line);
      if (match) done(match[1]);
    });
  });
  return { child, url };
}

function apiCaller(hostUrl) {
  const url = new URL(hostUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  return async (method, ...args) => {
    const response = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ args }),
    });
    const result = await response.json();
    if (!result.ok) throw new Error(`${method}: ${result.error.key}`);
    return result.value;
  };
}

const home = mkdtempSync(join(tmpdir(), 'tweestap-screenshots-'));
const profile = mkdtempSync(join(tmpdir(), 'tweestap-screenshots-chromium-'));
const host = await startHost(home);
const api = apiCaller(host.url);
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  headless: true,
  viewport: { width: 760, height: 600 },
});

try {
  mkdirSync(OUT, { recursive: true });
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.clock.install({ time: FIXED_TIME - 5_000 });
  await page.goto(host.url);
  await page.clock.pauseAt(FIXED_TIME);
  const shoot = async (name, { language, theme }) => {
    // Let the ticker and any pending code request settle on the paused clock.
    await page.clock.runFor(50);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(OUT, `${name}-${language}-${theme}.png`), animations: 'disabled' });
  };
  const show = async (combo) => {
    await api('updateSettings', { language: combo.language, theme: combo.theme, showNextCode: true });
    await page.reload();
    await page.locator('.app-header').waitFor();
  };

  for (const combo of COMBOS) {
    await show(combo);
    await shoot('first-run', combo);
  }
  for (const uri of OTHERS) await api('addFromUri', uri, 'ask');
  for (const combo of COMBOS) {
    await show(combo);
    const text = TEXT[combo.language];
    await page.getByRole('button', { name: text.add, exact: true }).first().click();
    await shoot('add-account', combo);
    await page.getByRole('button', { name: text.link }).click();
    await page.getByLabel(text.linkLabel).fill(PORTAL);
    await page.getByRole('button', { name: text.add }).last().click();
    await page.getByTestId('added-screen').getByTestId('code').waitFor();
    await shoot('account-added', combo);
    await page.keyboard.press('Escape');
    await page.locator('.account-row').nth(3).getByTestId('code').waitFor();
    await shoot('accounts', combo);
    await page.getByRole('button', { name: text.settings }).click();
    await shoot('settings', combo);
    await page.keyboard.press('Escape');
    const portal = (await api('listAccounts')).find((account) => account.issuer === 'Nse-Portal');
    await api('removeAccount', portal.id);
  }
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  host.child.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}
