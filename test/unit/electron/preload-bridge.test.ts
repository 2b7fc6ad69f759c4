import { describe, expect, it } from 'vitest';
import { API_CHANNEL_PREFIX, API_EVENT_CHANNEL, API_METHODS } from '../../../shared/api';
import { createBridge } from '../../../electron/preload-bridge';

describe('createBridge', () => {
  it('exposes exactly the API verbs and onEvent', () => {
    const bridge = createBridge(async () => undefined, () => () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onEvent'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each verb on its own channel with its arguments', async () => {
    const sent: unknown[][] = [];
    const bridge = createBridge(async (channel, ...args) => {
      sent.push([channel, ...args]);
      return { ok: true, value: channel };
    }, () => () => undefined);
    await expect(bridge.addFromUri('otpauth://totp/X?secret=JBSWY3DP', 'ask')).resolves.toEqual({ ok: true, value: `${API_CHANNEL_PREFIX}addFromUri` });
    await bridge.listAccounts();
    expect(sent).toEqual([[`${API_CHANNEL_PREFIX}addFromUri`, 'otpauth://totp/X?secret=JBSWY3DP', 'ask'], [`${API_CHANNEL_PREFIX}listAccounts`]]);
  });

  it('delivers events from the event channel and unsubscribes', () => {
    const channels: string[] = [];
    let deliver: (payload: unknown) => void = () => undefined;
    let stopped = false;
    const bridge = createBridge(async () => undefined, (channel, listener) => {
      channels.push(channel);
      deliver = listener;
      return () => void (stopped = true);
    });
    const received: unknown[] = [];
    const stop = bridge.onEvent((event) => received.push(event));
    deliver({ type: 'accounts-changed' });
    stop();
    expect(channels).toEqual([API_EVENT_CHANNEL]);
    expect(received).toEqual([{ type: 'accounts-changed' }]);
    expect(stopped).toBe(true);
  });
});
