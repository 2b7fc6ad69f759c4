import { describe, expect, it } from 'vitest';
import { DeepLinkQueue, deepLinkFromArgv, linkPrompt, validateDeepLink } from '../../../electron/deep-link';
import type { LinkAccountPreview } from '../../../shared/otp/link-preview';
import { MAX_URI_LENGTH } from '../../../shared/limits';
import { TweestapError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';

const PORTAL_LINK = 'otpauth://totp/Nse-Portal:jan%40school.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';
const MIGRATION_LINK = 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU';

function thrown(action: () => unknown): TweestapError {
  try {
    action();
  } catch (error) {
    if (error instanceof TweestapError) return error;
    throw error;
  }
  throw new Error('expected a TweestapError');
}

describe('validateDeepLink', () => {
  it.each([
    ['an otpauth link', PORTAL_LINK],
    ['an upper-case scheme', PORTAL_LINK.replace('otpauth', 'OTPAUTH')],
    ['a migration link', MIGRATION_LINK],
    ['a link of exactly the longest accepted length', `otpauth://totp/x?secret=${'A'.repeat(MAX_URI_LENGTH - 24)}`],
  ])('returns %s unchanged', (_name, link) => {
    expect(link.length).toBeLessThanOrEqual(MAX_URI_LENGTH);
    expect(validateDeepLink(link)).toBe(link);
  });

  it.each([
    ['a web link', 'https://example.com/?secret=JBSWY3DPEHPK3PXP', 'https:'],
    ['a file link', 'file:///etc/passwd', 'file:'],
    ['a look-alike scheme', 'otpauthx://totp/a?secret=AAAA', 'otpauthx:'],
    ['text without a scheme', 'JBSWY3DPEHPK3PXP', '?'],
    ['an empty string', '', '?'],
    ['an absurdly long scheme', `${'a'.repeat(40)}://x`, '?'],
  ])('refuses %s, naming only its scheme', (_name, link, scheme) => {
    const error = thrown(() => validateDeepLink(link));
    expect(error.kind).toBe('input');
    expect(error.key).toBe('deepLink.wrongScheme');
    expect(error.params).toEqual({ scheme });
    expect(error.message).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('refuses a link longer than the API accepts, without quoting it', () => {
    const link = `otpauth://totp/x?secret=${'A'.repeat(MAX_URI_LENGTH)}`;
    const error = thrown(() => validateDeepLink(link));
    expect(error.key).toBe('deepLink.tooLong');
    expect(error.params).toEqual({ max: MAX_URI_LENGTH });
    expect(error.message).not.toContain('AAAAAAAA');
  });

  it.each([
    ['a line break', `${PORTAL_LINK}\nforged log line`],
    ['a NUL byte', `${PORTAL_LINK}\u0000`],
    ['a tab', PORTAL_LINK.replace('?', '\t?')],
    ['a Unicode line separator', `${PORTAL_LINK}\u2028`],
    ['a C1 control', `${PORTAL_LINK}\u0085`],
  ])('refuses a link holding %s', (_name, link) => {
    expect(thrown(() => validateDeepLink(link)).key).toBe('deepLink.malformed');
  });

  it.each([
    ['a line break and a right-to-left override, percent-encoded (issue 12.1)', PORTAL_LINK.replace('jan%40school.nl', 'jan%0A%E2%80%AE')],
    ['a zero-width joiner, percent-encoded', PORTAL_LINK.replace('Nse-Portal&', 'Nse%E2%80%8D-Portal&')],
    ['a NUL byte, percent-encoded', `${PORTAL_LINK}%00`],
    ['a raw right-to-left override', PORTAL_LINK.replace('jan', 'jan\u202E')],
  ])('refuses a link holding %s', (_name, link) => {
    expect(thrown(() => validateDeepLink(link)).key).toBe('deepLink.malformed');
  });

  it('refuses a broken %-escape with a typed error', () => {
    expect(thrown(() => validateDeepLink(`${PORTAL_LINK}%E2%80`))).toMatchObject({ kind: 'input', key: 'otp.percentEscapeInvalid' });
  });

  it('has Dutch and English text for every refusal', () => {
    for (const key of ['deepLink.wrongScheme', 'deepLink.tooLong', 'deepLink.malformed'] as const) {
      expect(translate('en', key, { scheme: 'https:', max: 1 })).not.toBe(translate('nl', key, { scheme: 'https:', max: 1 }));
    }
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link a Windows second instance receives after Chromium switches', () => {
    const argv = ['C:\\Users\\jan\\AppData\\Local\\Programs\\Tweestap\\Tweestap.exe', '--allow-file-access-from-files', PORTAL_LINK];
    expect(deepLinkFromArgv(argv)).toBe(PORTAL_LINK);
  });

  it('finds the link of a development run (electron <app path> <link>)', () => {
    expect(deepLinkFromArgv(['/usr/lib/electron/electron', '/home/jan/tweestap', PORTAL_LINK])).toBe(PORTAL_LINK);
  });

  it('takes the first of several links', () => {
    expect(deepLinkFromArgv(['/opt/Tweestap/tweestap', MIGRATION_LINK, PORTAL_LINK])).toBe(MIGRATION_LINK);
  });

  it.each([
    ['a plain start', ['/opt/Tweestap/tweestap']],
    ['an empty command line', []],
    ['a Windows path that looks like a scheme', ['C:\\Program Files\\Tweestap\\Tweestap.exe', 'D:\\data']],
    ['a web link and switches', ['/opt/Tweestap/tweestap', '--no-sandbox', 'https://example.com/']],
    ['a switch that merely contains a link', ['/opt/Tweestap/tweestap', `--url=${PORTAL_LINK}`]],
  ])('returns null for %s', (_name, argv) => {
    expect(deepLinkFromArgv(argv)).toBeNull();
  });

  it('refuses an oversized link instead of ignoring it, so the user hears why nothing happened', () => {
    const argv = ['/opt/Tweestap/tweestap', `otpauth://totp/x?secret=${'A'.repeat(MAX_URI_LENGTH)}`];
    expect(thrown(() => deepLinkFromArgv(argv)).key).toBe('deepLink.tooLong');
  });
});

describe('linkPrompt', () => {
  const account = (issuer: string, account: string, period: number, duplicate: LinkAccountPreview['duplicate']): LinkAccountPreview => ({
    type: 'totp',
    issuer,
    account,
    algorithm: 'SHA1',
    digits: 6,
    period,
    counter: 0,
    duplicate,
  });

  it('lists every account of a migration link with its period and defaults to Cancel (issue 12.1)', () => {
    const prompt = linkPrompt({ accounts: [account('Nse-Portal', 'alice', 30, 'same'), account('GitHub', 'alice', 30, 'none')] }, 'en');
    expect(prompt.message).toBe('Another program asked Tweestap to add these 2 accounts from a link:');
    expect(prompt.detail).toContain('• Nse-Portal (alice): a new code every 30 seconds (you already have an account with this name)');
    expect(prompt.detail).toContain('• GitHub (alice): a new code every 30 seconds');
    expect(prompt.detail).toContain('A link never replaces an account you have.');
    expect(prompt.buttons).toEqual(['Add only the new ones', 'Add all (keep both)', 'Cancel']);
    expect(prompt.choices).toEqual(['skip', 'keep-both', 'cancel']);
    expect(prompt.defaultId).toBe(2);
    expect(prompt.cancelId).toBe(2);
  });

  it('offers Add and Cancel for a new account, Cancel first in line for Enter', () => {
    const prompt = linkPrompt({ accounts: [account('Nse-Portal', 'jan@school.nl', 20, 'none')] }, 'nl');
    expect(prompt.message).toBe('Een ander programma vraagt Tweestap dit account toe te voegen via een link:');
    expect(prompt.detail).toContain('• Nse-Portal (jan@school.nl): elke 20 seconden een nieuwe code');
    expect(prompt.detail).not.toContain('vervangt nooit');
    expect(prompt.buttons).toEqual(['Toevoegen', 'Annuleren']);
    expect(prompt.choices[prompt.defaultId]).toBe('cancel');
  });

  it('offers only Keep both or Cancel when every account is a duplicate or a look-alike; never Replace', () => {
    const prompt = linkPrompt({ accounts: [account('N\u0455\u0435-Portal', 'alice', 30, 'look-alike')] }, 'en');
    expect(prompt.detail).toContain('(its name looks like that of an account you have)');
    expect(prompt.choices).toEqual(['keep-both', 'cancel']);
    expect(prompt.buttons.join(' ')).not.toMatch(/replace/i);
    expect(prompt.choices[prompt.defaultId]).toBe('cancel');
  });
});

/** A promise with its resolve function, to hold a handler open while more links arrive. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Lets every queued promise callback run (one turn of the event loop; no timer involved). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('DeepLinkQueue', () => {
  it('holds links that arrive before start and hands them over in order once started', async () => {
    const queue = new DeepLinkQueue();
    const handled: string[] = [];
    queue.push('otpauth://totp/a?secret=AAAA');
    queue.push('otpauth://totp/b?secret=BBBB');
    expect(queue.pending).toBe(2);
    const done = gate();
    queue.start({
      handle: async (link) => {
        handled.push(link);
        if (handled.length === 2) done.open();
      },
      onError: (error) => {
        throw error;
      },
    });
    await done.opened;
    await settle();
    expect(handled).toEqual(['otpauth://totp/a?secret=AAAA', 'otpauth://totp/b?secret=BBBB']);
    expect(queue.pending).toBe(0);
  });

  it('handles one link at a time and drops a duplicate of the link being handled', async () => {
    const queue = new DeepLinkQueue();
    const first = gate();
    const allDone = gate();
    const events: string[] = [];
    queue.start({
      handle: async (link) => {
        events.push(`start ${link}`);
        if (link === 'otpauth://a') await first.opened;
        events.push(`end ${link}`);
        if (link === 'otpauth://b') allDone.open();
      },
      onError: (error) => {
        throw error;
      },
    });
    queue.push('otpauth://a');
    queue.push('otpauth://a');
    queue.push('otpauth://b');
    queue.push('otpauth://b');
    expect(queue.pending).toBe(2);
    first.open();
    await allDone.opened;
    expect(events).toEqual(['start otpauth://a', 'end otpauth://a', 'start otpauth://b', 'end otpauth://b']);
  });

  it('reports a failing link and goes on with the next', async () => {
    const queue = new DeepLinkQueue();
    const errors: unknown[] = [];
    const done = gate();
    queue.push('otpauth://bad');
    queue.push('otpauth://good');
    queue.start({
      handle: async (link) => {
        if (link === 'otpauth://bad') throw new TweestapError('input', 'deepLink.malformed');
        done.open();
      },
      onError: (error) => errors.push(error),
    });
    await done.opened;
    expect(errors).toHaveLength(1);
    expect((errors[0] as TweestapError).key).toBe('deepLink.malformed');
  });

  it('accepts the same link again after it was handled (the user clicked it twice on purpose)', async () => {
    const queue = new DeepLinkQueue();
    let count = 0;
    const twice = gate();
    queue.start({
      handle: async () => {
        count += 1;
        if (count === 2) twice.open();
      },
      onError: (error) => {
        throw error;
      },
    });
    queue.push('otpauth://a');
    await settle();
    expect(queue.pending).toBe(0);
    queue.push('otpauth://a');
    await twice.opened;
    expect(count).toBe(2);
  });
});
