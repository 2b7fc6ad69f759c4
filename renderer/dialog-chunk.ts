/**
 * Every dialog of the window, loaded as one chunk when the first is opened (lazyDialog in
 * components/LazyDialog.tsx): one file compresses better than eight, and after the first dialog
 * the others open without a wait.
 */
export { AboutDialog } from './features/about/AboutDialog';
export { DeleteDialog } from './features/accounts/DeleteDialog';
export { RenameDialog } from './features/accounts/RenameDialog';
export { AddDialog } from './features/add/AddDialog';
export { BackupDialog } from './features/backup/BackupDialog';
export { RestoreDialog } from './features/backup/RestoreDialog';
export { CodeHelp } from './features/clock/CodeHelp';
export { SettingsDialog } from './features/settings/SettingsDialog';
