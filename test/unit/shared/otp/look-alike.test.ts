/**
 * Issue 12, part 4: look-alike names. The renderer showed four identical
 * "Nse-Portal / alice@example.com" rows; these are such names, compared by their TR39 skeleton.
 */
import { describe, expect, it } from 'vitest';
import { LabelIndex, labelsLookAlike, namesLookAlike, skeleton } from '../../../../shared/otp/look-alike';

const NSE = { issuer: 'Nse-Portal', account: 'alice@example.com' };

/** Names that look like Nse-Portal / alice@example.com on screen. */
const LOOK_ALIKES: Array<[string, { issuer: string; account: string }]> = [
  ['Cyrillic ѕ and е in the issuer', { issuer: 'N\u0455\u0435-Portal', account: 'alice@example.com' }],
  ['Cyrillic а and о in the account', { issuer: 'Nse-Portal', account: '\u0430lice@ex\u0430mple.c\u043Em' }],
  ['Greek Ο and capital I for l', { issuer: 'Nse-P\u039FrtaI', account: 'alice@example.com' }],
  ['rn for m', { issuer: 'Nse-Portal', account: 'alice@exarnple.corn' }],
  ['fullwidth letters', { issuer: '\uFF2Ese-Portal', account: 'alice@example.com' }],
  ['a non-breaking hyphen', { issuer: 'Nse\u2011Portal', account: 'alice@example.com' }],
  ['a different case', { issuer: 'NSE-PORTAL', account: 'Alice@Example.com' }],
  ['a variation selector (default-ignorable)', { issuer: 'Nse-Portal\uFE00', account: 'alice@example.com' }],
  ['two spaces for one', { issuer: 'Nse  Portal', account: 'x' }],
];

describe('skeleton (Unicode TR39)', () => {
  it('maps confusables to their prototype', () => {
    expect(skeleton('N\u0455\u0435-Portal')).toBe(skeleton('Nse-Portal'));
    expect(skeleton('m')).toBe('rn');
    expect(skeleton('0')).toBe(skeleton('O'));
  });

  it('treats precomposed and decomposed letters alike (NFD)', () => {
    expect(skeleton('Zo\u00EB')).toBe(skeleton('Zoe\u0308'));
  });
});

describe('namesLookAlike and labelsLookAlike', () => {
  it.each(LOOK_ALIKES.slice(0, 8))('%s looks like Nse-Portal / alice@example.com', (_why, label) => {
    expect(labelsLookAlike(label, NSE)).toBe(true);
  });

  it('two spaces look like one (the window collapses them)', () => {
    expect(namesLookAlike('Nse  Portal', 'Nse Portal')).toBe(true);
  });

  it('different names do not look alike', () => {
    expect(labelsLookAlike({ issuer: 'GitHub', account: 'alice@example.com' }, NSE)).toBe(false);
    expect(labelsLookAlike({ issuer: 'Nse-Portal', account: 'bob@example.com' }, NSE)).toBe(false);
    expect(namesLookAlike('Zoë', 'Zoe')).toBe(false);
    expect(namesLookAlike('山田', '田山')).toBe(false);
  });
});

describe('LabelIndex', () => {
  const existing = [
    { id: 'a', issuer: 'Nse-Portal', account: 'alice@example.com' },
    { id: 'b', issuer: 'GitHub', account: 'alice' },
  ];

  it('finds the same names (ignoring case) as a plain duplicate', () => {
    expect(new LabelIndex(existing).find({ issuer: 'nse-portal', account: 'ALICE@example.com' })).toEqual({ match: existing[0], lookAlike: false });
  });

  it('finds the four rows of the finding as look-alikes of the first', () => {
    const index = new LabelIndex(existing);
    for (const [, label] of LOOK_ALIKES.slice(0, 6)) {
      expect(index.find(label)).toEqual({ match: existing[0], lookAlike: true });
    }
  });

  it('mixes the two comparisons per name: a case change in the issuer, a homoglyph in the account', () => {
    expect(new LabelIndex(existing).find({ issuer: 'NSE-PORTAL', account: 'aIice@example.com' })).toEqual({ match: existing[0], lookAlike: true });
  });

  it('finds nothing for a new account', () => {
    expect(new LabelIndex(existing).find({ issuer: 'GitLab', account: 'alice' })).toBeUndefined();
  });

  it('prefers an exact duplicate over an earlier look-alike', () => {
    const index = new LabelIndex([{ id: 'x', issuer: 'N\u0455e-Portal', account: 'alice@example.com' }, ...existing]);
    expect(index.find(NSE)).toEqual({ match: existing[0], lookAlike: false });
  });
});
