import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupSaveDialogOptions, chosenBackupPath } from '../../../electron/save-dialog';

describe('backupSaveDialogOptions', () => {
  it('suggests the day’s name in the documents folder, backups only, asking before replacing', () => {
    const options = backupSaveDialogOptions('tweestap-backup-2026-11-25.tweestap', '/home/jan/Documenten', 'nl');
    expect(options).toEqual({
      title: 'Back-up opslaan',
      defaultPath: path.join('/home/jan/Documenten', 'tweestap-backup-2026-11-25.tweestap'),
      filters: [{ name: 'Tweestap-back-up', extensions: ['tweestap'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });
});

describe('chosenBackupPath', () => {
  it('is null when the user cancelled or chose nothing', () => {
    expect(chosenBackupPath({ canceled: true, filePath: '/home/jan/x.tweestap' })).toBeNull();
    expect(chosenBackupPath({ canceled: false, filePath: '' })).toBeNull();
  });

  it('keeps a chosen name and adds .tweestap to one typed without an extension', () => {
    expect(chosenBackupPath({ canceled: false, filePath: '/media/usb/mijn.tweestap' })).toBe('/media/usb/mijn.tweestap');
    expect(chosenBackupPath({ canceled: false, filePath: '/media/usb/mijn-backup' })).toBe('/media/usb/mijn-backup.tweestap');
  });
});
