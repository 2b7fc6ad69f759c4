/**
 * Applying the settings that live in the OS (shortcuts, login item, content protection) one by
 * one: a shortcut another program holds must not keep the login item or the other shortcut from
 * being applied.
 */
import type { Settings } from '../shared/api';

/** Applies one setting's new value; throws (a TweestapError) when the OS refuses it. */
export type SettingApplier<K extends keyof Settings> = (next: Settings[K], previous: Settings[K] | null) => void | Promise<void>;

export type SettingAppliers = { [K in keyof Settings]?: SettingApplier<K> };

/** A setting the OS refused, and why. */
export interface SettingFailure {
  setting: keyof Settings;
  error: unknown;
}

/**
 * Applies each setting that differs between `previous` (null at start: every setting) and `next`,
 * each on its own, and returns the ones that failed.
 */
export async function applySettingChanges(next: Settings, previous: Settings | null, appliers: SettingAppliers): Promise<SettingFailure[]> {
  const failures: SettingFailure[] = [];
  for (const setting of Object.keys(appliers) as (keyof Settings)[]) {
    if (previous !== null && next[setting] === previous[setting]) continue;
    const apply = appliers[setting] as SettingApplier<typeof setting> | undefined;
    try {
      await apply?.(next[setting], previous === null ? null : previous[setting]);
    } catch (error) {
      failures.push({ setting, error });
    }
  }
  return failures;
}
