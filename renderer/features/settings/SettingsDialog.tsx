/**
 * Settings, applied as soon as they change (main stores them and pushes `settings-changed`).
 * Numbers are sent only when they are whole and in range; otherwise the field says why.
 */
import { useId, useState, type ReactNode } from 'react';
import { CLIPBOARD_CLEAR_NEVER, MAX_CLIPBOARD_CLEAR_SECONDS, MAX_CLOCK_OFFSET_SECONDS, MIN_CLIPBOARD_CLEAR_SECONDS, type LanguageSetting, type Settings, type ThemeSetting } from '../../../shared/api';
import type { WindowMessageKey } from '../../i18n/messages';
import { Dialog } from '../../components/Dialog';
import { api } from '../../api-client';
import { errorText, useI18n } from '../../i18n/I18nContext';
import { BackupSection } from '../backup/BackupSection';
import { LockSection } from '../lock/LockSection';
import { ClockCheck } from '../clock/ClockCheck';
import type { Panel } from '../backup/panels';
import { readableShortcut, SCAN_SHORTCUTS, SHOW_SHORTCUTS } from './shortcuts';
import { DialogButtons } from '../../components/DialogButtons';

interface SettingsDialogProps {
  settings: Settings;
  /** "Hide from screen capture" works on this system (AppInfo); elsewhere it is not offered. */
  contentProtection: boolean;
  onChange(settings: Settings): void;
  onClose(): void;
  /** Opens the backup, restore or About dialog (in place of this one). */
  onOpenPanel(panel: Panel): void;
}

/** The settings form. */
export function SettingsDialog({ settings, contentProtection, onChange, onClose, onOpenPanel }: SettingsDialogProps) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const update = async (patch: Partial<Settings>) => {
    try {
      onChange(await api.updateSettings(patch));
      setError(null);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };

  return (
    <Dialog title={t('app.settings.title')} onClose={onClose} className="dialog-wide">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <Choice<LanguageSetting>
        label={t('app.settings.language')}
        value={settings.language}
        options={[
          ['system', t('app.settings.languageSystem')],
          ['nl', 'Nederlands'],
          ['en', 'English'],
        ]}
        onChange={(language) => void update({ language })}
      />
      <Choice<ThemeSetting>
        label={t('app.settings.theme')}
        value={settings.theme}
        options={[
          ['system', t('app.settings.themeSystem')],
          ['light', t('app.settings.themeLight')],
          ['dark', t('app.settings.themeDark')],
        ]}
        onChange={(theme) => void update({ theme })}
      />
      <WholeNumber
        label={t('app.settings.clipboardClear')}
        hint={t('app.settings.clipboardClearHint')}
        value={settings.clipboardClearSeconds}
        min={MIN_CLIPBOARD_CLEAR_SECONDS}
        max={MAX_CLIPBOARD_CLEAR_SECONDS}
        also={CLIPBOARD_CLEAR_NEVER}
        rangeKey="app.settings.clipboardClearRange"
        onCommit={(clipboardClearSeconds) => void update({ clipboardClearSeconds })}
      />
      <Toggle label={t('app.settings.showNextCode')} checked={settings.showNextCode} onChange={(showNextCode) => void update({ showNextCode })} />
      {contentProtection && (
        <Toggle
          label={t('app.settings.hideFromCapture')}
          hint={t('app.settings.hideFromCaptureHint')}
          checked={settings.hideFromScreenCapture}
          onChange={(hideFromScreenCapture) => void update({ hideFromScreenCapture })}
        />
      )}
      <Toggle label={t('app.settings.tray')} hint={t('app.settings.trayHint')} checked={settings.trayEnabled} onChange={(trayEnabled) => void update({ trayEnabled })} />
      <Toggle label={t('app.settings.startAtLogin')} checked={settings.startAtLogin} onChange={(startAtLogin) => void update({ startAtLogin })} />
      <Shortcut
        label={t('app.settings.showShortcut')}
        value={settings.globalShortcut}
        presets={SHOW_SHORTCUTS}
        onChange={(globalShortcut) => void update({ globalShortcut })}
      />
      <Shortcut
        label={t('app.settings.scanShortcut')}
        value={settings.scanShortcut}
        presets={SCAN_SHORTCUTS}
        onChange={(scanShortcut) => void update({ scanShortcut })}
      />
      <section aria-labelledby="clock-check-title">
        <h3 id="clock-check-title">{t('app.clock.title')}</h3>
        <ClockCheck offsetSeconds={settings.clockOffsetSeconds} onSettings={onChange} />
      </section>
      <fieldset className="testers">
        <legend>{t('app.settings.testers')}</legend>
        <WholeNumber
          label={t('app.settings.clockOffset')}
          hint={t('app.settings.clockOffsetHint')}
          value={settings.clockOffsetSeconds}
          min={-MAX_CLOCK_OFFSET_SECONDS}
          max={MAX_CLOCK_OFFSET_SECONDS}
          rangeKey="app.settings.clockOffsetRange"
          onCommit={(clockOffsetSeconds) => void update({ clockOffsetSeconds })}
        />
      </fieldset>
      <LockSection />
      <BackupSection onOpen={onOpenPanel} />
      <DialogButtons actions={[{ label: t('app.action.close'), onClick: onClose, kind: 'primary' }]} />
    </Dialog>
  );
}

const OFF = 'off';

/** A global shortcut: off, one of the presets, or (kept as it is) one set in settings.json by hand. */
function Shortcut({ label, value, presets, onChange }: { label: string; value: string | null; presets: string[]; onChange(value: string | null): void }) {
  const { t } = useI18n();
  const choices = value && !presets.includes(value) ? [...presets, value] : presets;
  return (
    <Choice<string>
      label={label}
      value={value ?? OFF}
      options={[[OFF, t('app.settings.shortcutOff')], ...choices.map((accelerator): [string, string] => [accelerator, readableShortcut(accelerator)])]}
      onChange={(choice) => onChange(choice === OFF ? null : choice)}
    />
  );
}

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: [T, string][]; onChange(value: T): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Toggle({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <Hint id={`${id}-hint`}>{hint}</Hint>
      )}
    </div>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="field-hint">
      {children}
    </p>
  );
}

interface WholeNumberProps {
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  /** One more value accepted outside the range (0 = never for the clipboard). */
  also?: number;
  rangeKey: WindowMessageKey;
  onCommit(value: number): void;
}

/** A number field that sends its value once it is a whole number in range (or `also`); main checks the same. */
function WholeNumber({ label, hint, value, min, max, also, rangeKey, onCommit }: WholeNumberProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(String(value));
  const accepts = (entry: string) => /^-?\d+$/.test(entry) && ((Number(entry) >= min && Number(entry) <= max) || Number(entry) === also);
  const valid = accepts(text.trim());
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={1}
        min={also === undefined ? min : Math.min(min, also)}
        max={max}
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby={`${id}-hint${valid ? '' : ` ${id}-error`}`}
        onChange={(event) => {
          setText(event.target.value);
          const next = event.target.value.trim();
          if (accepts(next) && Number(next) !== value) onCommit(Number(next));
        }}
      />
      <Hint id={`${id}-hint`}>{hint}</Hint>
      {!valid && (
        <p id={`${id}-error`} className="field-error">
          {t(rangeKey, { min, max })}
        </p>
      )}
    </div>
  );
}
