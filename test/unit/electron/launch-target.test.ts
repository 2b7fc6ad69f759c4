import { describe, expect, it } from 'vitest';
import { launchedExecutable, protocolClientTarget, type LaunchFacts } from '../../../electron/launch-target';

const installed: LaunchFacts = { platform: 'win32', execPath: 'C:\\Users\\an\\AppData\\Local\\Programs\\Tweestap\\Tweestap.exe', argv: ['Tweestap.exe'], defaultApp: false, env: {}, cwd: 'C:\\' };

describe('protocolClientTarget', () => {
  // A bare registration under `npm start` made Windows start electron.exe "%1": Electron's
  // default app, not Tweestap.
  it('registers Electron with our app folder when started as `electron .`', () => {
    const dev: LaunchFacts = { ...installed, execPath: 'C:\\src\\tweestap\\node_modules\\electron\\dist\\electron.exe', argv: ['electron.exe', '.'], defaultApp: true, cwd: 'C:\\src\\tweestap' };
    const target = protocolClientTarget({ ...dev, platform: 'linux', execPath: '/src/tweestap/node_modules/electron/dist/electron', cwd: '/src/tweestap' });
    expect(target).toEqual({ path: '/src/tweestap/node_modules/electron/dist/electron', args: ['/src/tweestap'] });
  });

  it('registers nothing under the default app when the app folder is unknown', () => {
    expect(protocolClientTarget({ ...installed, argv: ['electron.exe'], defaultApp: true })).toBeNull();
  });

  it('registers the installed executable without arguments', () => {
    expect(protocolClientTarget(installed)).toEqual({ path: installed.execPath, args: [] });
  });

  it('registers the portable .exe, not its temporary extraction folder', () => {
    const portable = { ...installed, execPath: 'C:\\Users\\an\\AppData\\Local\\Temp\\2abc\\Tweestap.exe', env: { PORTABLE_EXECUTABLE_FILE: 'E:\\Tweestap-0.1.0-portable.exe' } };
    expect(protocolClientTarget(portable)).toEqual({ path: 'E:\\Tweestap-0.1.0-portable.exe', args: [] });
  });
});

describe('launchedExecutable (start at login)', () => {
  it('is the AppImage file, not the /tmp/.mount_* folder that changes at every launch', () => {
    expect(launchedExecutable({ platform: 'linux', execPath: '/tmp/.mount_TweestXyZ/tweestap', env: { APPIMAGE: '/home/an/Apps/Tweestap-0.1.0-x86_64.AppImage' } })).toBe('/home/an/Apps/Tweestap-0.1.0-x86_64.AppImage');
  });

  it('is the portable .exe on Windows', () => {
    expect(launchedExecutable({ platform: 'win32', execPath: 'C:\\Temp\\x\\Tweestap.exe', env: { PORTABLE_EXECUTABLE_FILE: 'E:\\Tweestap.exe' } })).toBe('E:\\Tweestap.exe');
  });

  it('is execPath for an installed app, and ignores the variables on other systems', () => {
    expect(launchedExecutable({ platform: 'linux', execPath: '/opt/Tweestap/tweestap', env: {} })).toBe('/opt/Tweestap/tweestap');
    expect(launchedExecutable({ platform: 'darwin', execPath: '/Applications/Tweestap.app/Contents/MacOS/Tweestap', env: { APPIMAGE: '/x', PORTABLE_EXECUTABLE_FILE: 'y' } })).toBe('/Applications/Tweestap.app/Contents/MacOS/Tweestap');
  });
});
