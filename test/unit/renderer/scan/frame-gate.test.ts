import { describe, expect, it } from 'vitest';
import { FrameGate, freshTexts, isNewScreen } from '../../../../renderer/features/scan/frame-gate';

describe('FrameGate', () => {
  it('lets one frame through at a time: the next only after the previous result', () => {
    const gate = new FrameGate();
    expect(gate.tryStart()).toBe(true);
    expect(gate.tryStart()).toBe(false);
    expect(gate.tryStart()).toBe(false);
    expect(gate.finish()).toBe(true);
    expect(gate.tryStart()).toBe(true);
  });

  it('after stop sends no frame and drops the result still in flight', () => {
    const gate = new FrameGate();
    expect(gate.tryStart()).toBe(true);
    gate.stop();
    expect(gate.isStopped).toBe(true);
    expect(gate.finish()).toBe(false);
    expect(gate.tryStart()).toBe(false);
  });
});

describe('freshTexts', () => {
  it('reports each text once across frames, trimmed, in the order found', () => {
    const seen = new Set<string>();
    expect(freshTexts(seen, ['otpauth://a', ' otpauth://b '])).toEqual(['otpauth://a', 'otpauth://b']);
    expect(freshTexts(seen, ['otpauth://b', 'otpauth://a'])).toEqual([]);
    expect(freshTexts(seen, ['otpauth://a', 'otpauth://c', 'otpauth://c'])).toEqual(['otpauth://c']);
  });
});

describe('isNewScreen', () => {
  it('is true for each screen the first time and false at the first repeat', () => {
    const seen = new Set<string>();
    expect(isNewScreen(seen, 'screen:1:0')).toBe(true);
    expect(isNewScreen(seen, 'screen:2:0')).toBe(true);
    expect(isNewScreen(seen, 'screen:1:0')).toBe(false);
  });

  it('counts tracks without an id as one screen', () => {
    const seen = new Set<string>();
    expect(isNewScreen(seen, undefined)).toBe(true);
    expect(isNewScreen(seen, undefined)).toBe(false);
  });
});
