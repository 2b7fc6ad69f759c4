import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartEntry, autostartFile, setLinuxAutostart } from '../../../electron/login-item';

let config: string;
beforeEach(() => {
  config = mkdtempSync(path.join(tmpdir(), 'tweestap-autostart-'));
});
afterEach(() => rmSync(config, { recursive: true, force: true }));

describe('Linux start at login', () => {
  it('follows XDG_CONFIG_HOME when absolute, else ~/.config', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/x/conf' }, '/home/jan')).toBe('/x/conf/autostart/tweestap.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative' }, '/home/jan')).toBe('/home/jan/.config/autostart/tweestap.desktop');
  });

  it('quotes the executable path as the Desktop Entry spec asks', () => {
    expect(autostartEntry('/opt/Twee "stap"/tweestap')).toContain('Exec="/opt/Twee \\"stap\\"/tweestap"');
  });

  it('writes the entry when switched on and removes it when switched off', async () => {
    const env = { XDG_CONFIG_HOME: config };
    await setLinuxAutostart(true, '/opt/Tweestap/tweestap', env);
    expect(readFileSync(autostartFile(env), 'utf8')).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Tweestap\nExec="\/opt\/Tweestap\/tweestap"/);
    await setLinuxAutostart(false, '/opt/Tweestap/tweestap', env);
    expect(existsSync(autostartFile(env))).toBe(false);
    await expect(setLinuxAutostart(false, '/opt/Tweestap/tweestap', env)).resolves.toBeUndefined();
  });
});
