import { describe, expect, it } from 'vitest';
import { holdQuitUntilDone } from '../../../electron/quit-guard';

function quitEvent() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

describe('holdQuitUntilDone', () => {
  it('holds the first quit until the work is done, then quits again and lets that one pass', async () => {
    const order: string[] = [];
    let finishWork!: () => void;
    const listener = holdQuitUntilDone(() => new Promise<void>((resolve) => (finishWork = resolve)), () => order.push('quit'), 1000);
    const first = quitEvent();
    listener(first);
    expect(first.prevented).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    finishWork();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(['quit']);
    const second = quitEvent();
    listener(second);
    expect(second.prevented).toBe(false);
  });

  it('quits after the limit when the work hangs, and after a failure at once', async () => {
    const quits: number[] = [];
    const started = Date.now();
    holdQuitUntilDone(() => new Promise<void>(() => undefined), () => quits.push(Date.now() - started), 50)(quitEvent());
    holdQuitUntilDone(() => Promise.reject(new Error('no clipboard')), () => quits.push(-1), 5000)(quitEvent());
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(quits[0]).toBe(-1);
    expect(quits[1]).toBeGreaterThanOrEqual(45);
  });

  it('holds a quit asked for while the work runs, without starting it twice', async () => {
    let runs = 0;
    let quits = 0;
    const listener = holdQuitUntilDone(async () => void runs++, () => void quits++, 1000);
    const first = quitEvent();
    const second = quitEvent();
    listener(first);
    listener(second);
    expect(second.prevented).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([runs, quits]).toEqual([1, 1]);
  });
});
