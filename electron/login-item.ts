/**
 * Start at login. macOS and Windows have `app.setLoginItemSettings`; on Linux Electron has no
 * such API, so we write (or remove) an XDG autostart entry, as the desktops expect.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The XDG autostart file of Tweestap (`$XDG_CONFIG_HOME/autostart/tweestap.desktop`). */
export function autostartFile(env: NodeJS.ProcessEnv, home: string = os.homedir()): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, 'autostart', 'tweestap.desktop');
}

/** The desktop entry that starts `execPath` (quoted per the Desktop Entry spec) at login. */
export function autostartEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Tweestap', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

/** Writes or removes the Linux autostart entry. */
export async function setLinuxAutostart(enabled: boolean, execPath: string, env: NodeJS.ProcessEnv): Promise<void> {
  const file = autostartFile(env);
  if (!enabled) return rm(file, { force: true });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, autostartEntry(execPath), 'utf8');
}
