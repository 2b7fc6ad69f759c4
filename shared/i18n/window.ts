/**
 * The messages the window needs from the start: its own (`app.*`) and every error main may send
 * it. With dialogs.ts, which loads with the first dialog, this is all the renderer carries;
 * index.ts adds what only main and the CLI show.
 */
import * as app from './app';
import * as backup from './backup';
import * as clock from './clock';
import * as files from './files';
import * as lock from './lock';
import * as main from './main';
import * as otp from './otp';
import * as qr from './qr';
import * as vault from './vault';

export const en = { ...files.en, ...otp.en, ...vault.en, ...qr.en, ...main.en, ...app.en, ...lock.en, ...backup.en, ...clock.en };

export const nl: Record<keyof typeof en, string> = { ...files.nl, ...otp.nl, ...vault.nl, ...qr.nl, ...main.nl, ...app.nl, ...lock.nl, ...backup.nl, ...clock.nl };
