import { describe, expect, it } from 'vitest';
import { DeepLinkQueue, deepLinkFromArgv, validateDeepLink } from '../../../electron/deep-link';
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
