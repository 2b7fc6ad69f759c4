import { describe, expect, it } from 'vitest';
import { expectPositionals, integerOption, parseCommandArgs } from '../../../cli/args';

const OPTIONS = { offset: { type: 'string' }, json: { type: 'boolean' } } as const;

describe('parseCommandArgs', () => {
  it('takes a signed number after a string option as its value', () => {
    expect(parseCommandArgs(['--offset', '-30', 'q'], OPTIONS, true)).toMatchObject({ values: { offset: '-30' }, positionals: ['q'] });
    expect(parseCommandArgs(['--offset', '+5'], OPTIONS, true).values.offset).toBe('+5');
  });

  it('turns an unknown option into a usage error naming it', () => {
    expect(() => parseCommandArgs(['--jsn'], OPTIONS, true)).toThrow(
      expect.objectContaining({ kind: 'input', key: 'cli.usage.unknownOption', params: { option: '--jsn' } }),
    );
  });

  it('turns a missing or surplus option value into a usage error', () => {
    expect(() => parseCommandArgs(['--offset'], OPTIONS, true)).toThrow(expect.objectContaining({ key: 'cli.usage.optionValue', params: { option: '--offset' } }));
    expect(() => parseCommandArgs(['--json=yes'], OPTIONS, true)).toThrow(expect.objectContaining({ key: 'cli.usage.optionValue', params: { option: '--json' } }));
  });

  it('refuses positionals where the command takes none', () => {
    expect(() => parseCommandArgs(['extra'], OPTIONS, false)).toThrow(expect.objectContaining({ key: 'cli.usage.extraArgument', params: { argument: 'extra' } }));
  });
});

describe('expectPositionals', () => {
  it('checks the count', () => {
    expect(expectPositionals(['a'], 1, 2)).toEqual(['a']);
    expect(() => expectPositionals([], 1, 1)).toThrow(expect.objectContaining({ key: 'cli.usage.missingArgument' }));
    expect(() => expectPositionals(['a', 'b'], 0, 1)).toThrow(expect.objectContaining({ key: 'cli.usage.extraArgument', params: { argument: 'b' } }));
  });
});

describe('integerOption', () => {
  it('returns the fallback when absent and the number when in range', () => {
    expect(integerOption('window', undefined, 1, 0, 10)).toBe(1);
    expect(integerOption('window', '10', 1, 0, 10)).toBe(10);
  });

  it.each(['11', '-1', '2.5', 'x', ''])('rejects %j', (text) => {
    expect(() => integerOption('window', text, 1, 0, 10)).toThrow(expect.objectContaining({ key: 'cli.usage.integer', params: { option: '--window', min: 0, max: 10 } }));
  });
});
