import { describe, expect, it } from 'vitest';
import { parseAt, resolveMoment } from '../../../cli/time';
import { TweestapError } from '../../../shared/errors';

describe('parseAt', () => {
  it.each([
    ['@0', 0],
    ['@1700000000', 1_700_000_000_000],
    ['@1700000000.25', 1_700_000_000_250],
    ['2025-01-31T12:00:00Z', Date.UTC(2025, 0, 31, 12)],
    ['2025-01-31T12:00:00.5Z', Date.UTC(2025, 0, 31, 12, 0, 0, 500)],
    ['2025-01-31T14:00:00+02:00', Date.UTC(2025, 0, 31, 12)],
    ['2025-01-31', Date.UTC(2025, 0, 31)],
    ['2100-01-01T00:00:00Z', Date.UTC(2100, 0, 1)],
  ])('reads %s', (text, ms) => {
    expect(parseAt(text)).toBe(ms);
  });

  it.each(['', 'now', '1700000000', '@', '@-5', '@abc', '2025-13-45T99:99:99Z', 'yesterday', '31-01-2025'])(
    'rejects %j as an input error naming the value',
    (text) => {
      const error = (() => {
        try {
          parseAt(text);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(TweestapError);
      expect(error).toMatchObject({ kind: 'input', key: 'cli.time.badAt', params: { value: text } });
    },
  );
});

describe('resolveMoment', () => {
  it('uses the clock when --at is absent', () => {
    expect(resolveMoment(undefined, undefined, 1234)).toBe(1234);
  });

  it('shifts by --offset seconds in either direction', () => {
    expect(resolveMoment('@100', '-30', 0)).toBe(70_000);
    expect(resolveMoment('@100', '+30', 0)).toBe(130_000);
    expect(resolveMoment('@100', '30', 0)).toBe(130_000);
  });

  it('rejects an offset that is not a whole number', () => {
    expect(() => resolveMoment('@100', '1.5', 0)).toThrow(expect.objectContaining({ key: 'cli.usage.integer' }));
  });

  it('rejects a moment before 1970', () => {
    expect(() => resolveMoment('@10', '-11', 0)).toThrow(expect.objectContaining({ key: 'cli.time.beforeEpoch' }));
  });
});
