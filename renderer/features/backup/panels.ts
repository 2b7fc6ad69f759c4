/** The dialogs reachable from Settings' "Backup and information" section and the reminder. */
export type Panel = 'backup' | 'restore' | 'about';
