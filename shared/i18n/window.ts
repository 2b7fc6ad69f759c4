/**
 * Every message the window shows: its own (`app.*`, the dialogs' in dialogs.ts) and every error
 * main may send it. The renderer gets them as one JSON file per locale (renderer/i18n/messages.ts);
 * index.ts adds what only main and the CLI show.
 */
import * as app from './app';
import * as backup from './backup';
import * as clock from './clock';
import * as dialogs from './dialogs';
import * as files from './files';
import * as lock from './lock';
import * as main from './main';
import * as otp from './otp';
import * as qr from './qr';
import * as vault from './vault';

export const en = { ...files.en, ...otp.en, ...vault.en, ...qr.en, ...main.en, ...app.en, ...lock.en, ...backup.en, ...clock.en, ...dialogs.en };

export const nl: Record<keyof typeof en, string> = { ...files.nl, ...otp.nl, ...vault.nl, ...qr.nl, ...main.nl, ...app.nl, ...lock.nl, ...backup.nl, ...clock.nl, ...dialogs.nl };
