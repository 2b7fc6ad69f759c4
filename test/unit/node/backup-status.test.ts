import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_STATUS_FILE,
  BackupStatusStore,
  needsBackupReminder,
  parseBackupStatus,
  REMINDER_SNOOZE_MS,
  type BackupStatusRecord,
} from '../../../node/backup-status';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const DAY = 86_400_000;
const never: BackupStatusRecord = { lastBackupAt: null, backedUpIds: [], reminderDismissedAt: null };
const backedUp = (ids: string[], extra: Partial<BackupStatusRecord> = {}): BackupStatusRecord => ({
  lastBackupAt: NOW - DAY,
  backedUpIds: ids,
  reminderDismissedAt: null,
  ...extra,
});

describe('needsBackupReminder', () => {
  it.each([
    ['no accounts and never backed up', never, [], false],
    ['one account and never backed up', never, ['a'], true],
    ['every account in the last backup', backedUp(['a', 'b']), ['a', 'b'], false],
    ['an account added since the last backup', backedUp(['a']), ['a', 'b'], true],
    ['an account removed since the last backup', backedUp(['a', 'b']), ['a'], false],
    ['all accounts removed after a backup', backedUp(['a']), [], false],
    ['dismissed a moment ago', { ...never, reminderDismissedAt: NOW - 1000 }, ['a'], false],
    ['dismissed just under 7 days ago', { ...never, reminderDismissedAt: NOW - REMINDER_SNOOZE_MS + 1 }, ['a'], false],
    ['dismissed exactly 7 days ago', { ...never, reminderDismissedAt: NOW - REMINDER_SNOOZE_MS }, ['a'], true],
    ['dismissed, then a new account within 7 days', backedUp(['a'], { reminderDismissedAt: NOW - DAY }), ['a', 'b'], false],
  ] as const)('%s → %s', (_name, record, ids, expected) => {
    expect(needsBackupReminder(record, ids, NOW)).toBe(expected);
  });
});

describe('parseBackupStatus', () => {
  it('reads a missing file as never backed up, without a problem', () => {
    expect(parseBackupStatus(null)).toEqual({ record: never, problem: null });
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['a newer version', JSON.stringify({ version: 2, lastBackupAt: 1, backedUpIds: [], reminderDismissedAt: null }), 'invalid content'],
    ['an unknown field', JSON.stringify({ version: 1, lastBackupAt: 1, backedUpIds: [], reminderDismissedAt: null, secret: 'x' }), 'invalid content'],
    ['a negative time', JSON.stringify({ version: 1, lastBackupAt: -5, backedUpIds: [], reminderDismissedAt: null }), 'invalid content'],
  ])('reads %s as never backed up, and says why', (_name, text, problem) => {
    expect(parseBackupStatus(text)).toEqual({ record: never, problem });
  });
});

describe('BackupStatusStore', () => {
  let dir: string;
  let warnings: string[];
  const open = () => new BackupStatusStore(dir, (message) => warnings.push(message));

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tweestap-backup-status-'));
    warnings = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts as never backed up when there is no file', async () => {
    expect(await open().get()).toEqual(never);
    expect(warnings).toEqual([]);
  });

  it('keeps a backup and a dismissal across restarts, and a new backup clears the dismissal', async () => {
    const store = open();
    await store.dismissReminder(NOW - DAY);
    await store.recordBackup(['a', 'b'], NOW);
    expect(await open().get()).toEqual({ lastBackupAt: NOW, backedUpIds: ['a', 'b'], reminderDismissedAt: null });
    await store.dismissReminder(NOW + 1);
    expect((await open().get()).reminderDismissedAt).toBe(NOW + 1);
  });

  it('forgets replaced accounts, so the reminder returns for them', async () => {
    const store = open();
    await store.recordBackup(['a', 'b'], NOW);
    await store.forgetAccounts(['b', 'new']);
    const record = await open().get();
    expect(record.backedUpIds).toEqual(['a']);
    expect(needsBackupReminder(record, ['a', 'b'], NOW)).toBe(true);
  });

  it('applies quick changes in order without losing one', async () => {
    const store = open();
    await Promise.all([store.recordBackup(['a'], NOW), store.dismissReminder(NOW + 5), store.forgetAccounts(['a'])]);
    expect(await open().get()).toEqual({ lastBackupAt: NOW, backedUpIds: [], reminderDismissedAt: NOW + 5 });
  });

  it('reads a damaged file as never backed up with a warning, and replaces it at the next change', async () => {
    writeFileSync(path.join(dir, BACKUP_STATUS_FILE), 'garbage');
    const store = open();
    expect(await store.get()).toEqual(never);
    expect(warnings).toHaveLength(1);
    await store.recordBackup(['a'], NOW);
    expect(JSON.parse(readFileSync(path.join(dir, BACKUP_STATUS_FILE), 'utf8'))).toEqual({
      version: 1,
      lastBackupAt: NOW,
      backedUpIds: ['a'],
      reminderDismissedAt: null,
    });
  });
});
