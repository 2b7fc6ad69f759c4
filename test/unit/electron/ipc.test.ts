import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/ipc';
import { APP_ORIGIN } from '../../../electron/security';

const mainFrame = { url: `${APP_ORIGIN}/index.html`, processId: 4, routingId: 1 };

describe('isTrustedSender', () => {
  it('accepts our window main frame on our origin', () => {
    expect(isTrustedSender({ ...mainFrame }, mainFrame, APP_ORIGIN)).toBe(true);
  });

  it.each([
    ['a child frame of our window', { ...mainFrame, routingId: 2 }],
    ['another renderer process', { ...mainFrame, processId: 5 }],
    ['our frame after navigating away', { ...mainFrame, url: 'https://evil.example/' }],
    ['a data: page in our frame', { ...mainFrame, url: 'data:text/html,hi' }],
    ['no frame (already gone)', null],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, mainFrame, APP_ORIGIN)).toBe(false);
  });

  it('refuses everything when our window does not exist', () => {
    expect(isTrustedSender(mainFrame, null, APP_ORIGIN)).toBe(false);
  });

  it('accepts the dev server origin only when that is the trusted origin', () => {
    const dev = { ...mainFrame, url: 'http://localhost:5173/' };
    expect(isTrustedSender(dev, dev, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(dev, dev, APP_ORIGIN)).toBe(false);
  });
});
