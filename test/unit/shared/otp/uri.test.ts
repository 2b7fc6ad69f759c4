import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import type { MessageKey } from '../../../../shared/i18n';
import { MAX_PERIOD_SECONDS, formatOtpauthUri, parseOtpauthUri, validateOtpParams, type OtpParams } from '../../../../shared/otp';
import { otpauthLabels } from '../../../../shared/otp/uri-labels';
import { inputError, visibleTexts } from './helpers';

/** "Hello!" + 0xDEADBEEF, canonical Base32. */
const S = 'JBSWY3DPEHPK3PXP';

/** Text rich in what URIs treat specially (`:?#&=+%/@`, spaces, escapes, UTF-8, surrogates). */
const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(':', '?', '#', '&', '=', '+', '%', '/', '@', ' ', '%3A', '%2', '%E9', '%C3%A9', 'secret=', 'issuer='),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('parseOtpauthUri accepts what portals and QR generators write', () => {
  const QUIRKS: Array<[string, string, Partial<OtpParams>]> = [
    ['the plain form', `otpauth://totp/ACME:alice@example.com?secret=${S}&issuer=ACME`,
      { type: 'totp', issuer: 'ACME', account: 'alice@example.com', secret: S, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }],
    ['the NSE Portal form (20 s)', `otpauth://totp/Nse-Portal:medewerker%40hogeschool.nl?secret=${S}&issuer=Nse-Portal&period=20`,
      { issuer: 'Nse-Portal', account: 'medewerker@hogeschool.nl', period: 20 }],
    ['an upper-case type', `otpauth://TOTP/ACME:alice?secret=${S}`, { type: 'totp' }],
    ['an upper-case scheme and HOTP type', `OTPAUTH://HOTP/ACME:alice?secret=${S}&counter=5`, { type: 'hotp', counter: 5 }],
    ['a lower-case algorithm', `otpauth://totp/a?secret=${S}&algorithm=sha256`, { algorithm: 'SHA256' }],
    ['a hyphenated algorithm', `otpauth://totp/a?secret=${S}&algorithm=SHA-512`, { algorithm: 'SHA512' }],
    ['upper-case parameter names', `otpauth://totp/a?SECRET=${S}&Algorithm=SHA512&DIGITS=8`, { secret: S, algorithm: 'SHA512', digits: 8 }],
    ['a lower-case secret', `otpauth://totp/a?secret=${S.toLowerCase()}`, { secret: S }],
    ['a secret grouped with encoded spaces', `otpauth://totp/a?secret=jbsw%20y3dp%20ehpk%203pxp`, { secret: S }],
    ['a secret grouped with raw spaces', `otpauth://totp/a?secret=JBSW Y3DP EHPK 3PXP`, { secret: S }],
    ['a secret grouped with plus signs (form-encoded spaces)', `otpauth://totp/a?secret=JBSW+Y3DP+EHPK+3PXP`, { secret: S }],
    ['a secret grouped with hyphens', `otpauth://totp/a?secret=JBSW-Y3DP-EHPK-3PXP`, { secret: S }],
    ['a secret with = padding', `otpauth://totp/a?secret=GEZDGNBVGY======`, { secret: 'GEZDGNBVGY' }],
    ['a secret with %3D padding', `otpauth://totp/a?secret=GEZDGNBVGY%3D%3D%3D%3D%3D%3D`, { secret: 'GEZDGNBVGY' }],
    ['a secret without its padding', `otpauth://totp/a?secret=GEZDGNBVGY`, { secret: 'GEZDGNBVGY' }],
    ['the issuer only in the label', `otpauth://totp/ACME:alice?secret=${S}`, { issuer: 'ACME', account: 'alice' }],
    ['the issuer only as parameter', `otpauth://totp/alice?secret=${S}&issuer=ACME`, { issuer: 'ACME', account: 'alice' }],
    ['an issuer parameter that differs from the label (the parameter wins)', `otpauth://totp/Old%20Name:alice?secret=${S}&issuer=ACME`,
      { issuer: 'ACME', account: 'alice' }],
    ['an empty issuer parameter (the label prefix is used)', `otpauth://totp/ACME:alice?secret=${S}&issuer=`, { issuer: 'ACME', account: 'alice' }],
    ['%20 in the issuer parameter', `otpauth://totp/alice?secret=${S}&issuer=ACME%20Co`, { issuer: 'ACME Co' }],
    ['+ in the issuer parameter (form encoding)', `otpauth://totp/alice?secret=${S}&issuer=ACME+Co`, { issuer: 'ACME Co' }],
    ['an encoded plus in the issuer parameter', `otpauth://totp/alice?secret=${S}&issuer=C%2B%2B%20Club`, { issuer: 'C++ Club' }],
    ['colon and encoded spaces in the label', `otpauth://totp/ACME%20Co:%20%20alice?secret=${S}&issuer=ACME%20Co`,
      { issuer: 'ACME Co', account: 'alice' }],
    ['colon and raw spaces in the label', `otpauth://totp/ACME Co: alice?secret=${S}`, { issuer: 'ACME Co', account: 'alice' }],
    ['an encoded colon in the label', `otpauth://totp/ACME%3Aalice?secret=${S}`, { issuer: 'ACME', account: 'alice' }],
    ['a literal + in the label', `otpauth://totp/ACME:alice+test@example.com?secret=${S}&issuer=ACME`, { account: 'alice+test@example.com' }],
    ['an encoded + in the label', `otpauth://totp/ACME:alice%2Btest%40example.com?secret=${S}`, { account: 'alice+test@example.com' }],
    ['a percent-encoded UTF-8 label', `otpauth://totp/Caf%C3%A9%20Zo%C3%AB:j%C3%BCrgen%40example.de?secret=${S}`,
      { issuer: 'Café Zoë', account: 'jürgen@example.de' }],
    ['a raw UTF-8 label', `otpauth://totp/銀行:山田?secret=${S}`, { issuer: '銀行', account: '山田' }],
    ['an unencoded # in the label', `otpauth://totp/ACME:account #2?secret=${S}&issuer=ACME`, { issuer: 'ACME', account: 'account #2' }],
    ['an unencoded ? in the label', `otpauth://totp/ACME:who?me?secret=${S}&issuer=ACME`, { issuer: 'ACME', account: 'who?me' }],
    ['an unencoded ? and = in the label', `otpauth://totp/ACME:a?b=c?secret=${S}`, { issuer: 'ACME', account: 'a?b=c' }],
    ['several colons in the label', `otpauth://totp/ACME:team:alice?secret=${S}`, { issuer: 'ACME', account: 'team:alice' }],
    ['several colons and an issuer with a colon', `otpauth://totp/ACME%3A%20EU:alice?secret=${S}&issuer=ACME:%20EU`,
      { issuer: 'ACME: EU', account: 'alice' }],
    ['no label at all', `otpauth://totp/?secret=${S}&issuer=ACME`, { issuer: 'ACME', account: '' }],
    ['no slash before the query', `otpauth://totp?secret=${S}`, { issuer: '', account: '' }],
    ['white space and a newline around it', `  otpauth://totp/a?secret=${S}\n`, { account: 'a' }],
    ['unknown parameters and an image', `otpauth://totp/a?secret=${S}&image=https%3A%2F%2Fx%2Flogo.png&foo=bar&&`, { secret: S }],
    ['a parameter repeated (the first wins)', `otpauth://totp/a?secret=${S}&digits=8&digits=6`, { digits: 8 }],
    ['7 and 8 digits', `otpauth://totp/a?secret=${S}&digits=7`, { digits: 7 }],
    ['the shortest and longest periods', `otpauth://totp/a?secret=${S}&period=1`, { period: 1 }],
    ['the longest period', `otpauth://totp/a?secret=${S}&period=${MAX_PERIOD_SECONDS}`, { period: MAX_PERIOD_SECONDS }],
    ['a TOTP link with a stray counter (ignored)', `otpauth://totp/a?secret=${S}&counter=9`, { counter: 0 }],
    ['an HOTP link with a stray period (ignored)', `otpauth://hotp/a?secret=${S}&counter=0&period=20`, { period: 30, counter: 0 }],
    ['the largest safe HOTP counter', `otpauth://hotp/a?secret=${S}&counter=9007199254740991`, { counter: Number.MAX_SAFE_INTEGER }],
  ];

  it.each(QUIRKS)('%s', (_name, uri, expected) => {
    expect(parseOtpauthUri(uri)).toMatchObject(expected);
  });
});

describe('parseOtpauthUri rejects, with a typed error and without the secret', () => {
  /** A distinctive secret ("This is a secret"): it must appear in no message. */
  const CANARY = 'KRUGS4ZANFZSAYJAONSWG4TFOQ';
  const C = CANARY;
  const REJECTIONS: Array<[string, string, MessageKey]> = [
    ['an empty secret', `otpauth://totp/ACME:a?secret=&issuer=ACME`, 'otp.secretEmpty'],
    ['a missing secret', `otpauth://totp/ACME:a?issuer=ACME`, 'otp.secretEmpty'],
    ['a secret of only padding and spaces', `otpauth://totp/a?secret=%20%3D%3D`, 'otp.secretEmpty'],
    ['a secret with 0, 1, 8 or 9', `otpauth://totp/a?secret=${C}0189`, 'otp.secretNotBase32'],
    ['a secret with punctuation', `otpauth://totp/a?secret=${C}!`, 'otp.secretNotBase32'],
    ['padding inside the secret', `otpauth://totp/a?secret=${C.slice(0, 8)}==${C.slice(8)}`, 'otp.secretNotBase32'],
    ['a hexadecimal secret', `otpauth://totp/a?secret=${C}abcdef0123`, 'otp.secretNotBase32'],
    ['a one-character secret', `otpauth://totp/a?secret=K`, 'otp.secretTooShort'],
    ['an unknown type', `otpauth://motp/a?secret=${C}`, 'otp.typeUnknown'],
    ['an empty type', `otpauth:///a?secret=${C}`, 'otp.typeUnknown'],
    ['an unknown algorithm', `otpauth://totp/a?secret=${C}&algorithm=MD5`, 'otp.algorithmUnknown'],
    ['SHA224', `otpauth://totp/a?secret=${C}&algorithm=SHA224`, 'otp.algorithmUnknown'],
    ['an HOTP link without counter', `otpauth://hotp/a?secret=${C}`, 'otp.counterMissing'],
    ['a negative counter', `otpauth://hotp/a?secret=${C}&counter=-1`, 'otp.counterInvalid'],
    ['a counter beyond 2^53', `otpauth://hotp/a?secret=${C}&counter=9007199254740993`, 'otp.counterInvalid'],
    ['a counter that is not a number', `otpauth://hotp/a?secret=${C}&counter=ten`, 'otp.counterInvalid'],
    ['period 0', `otpauth://totp/a?secret=${C}&period=0`, 'otp.periodInvalid'],
    ['a negative period', `otpauth://totp/a?secret=${C}&period=-30`, 'otp.periodInvalid'],
    ['a fractional period', `otpauth://totp/a?secret=${C}&period=2.5`, 'otp.periodInvalid'],
    ['a period above one day', `otpauth://totp/a?secret=${C}&period=${MAX_PERIOD_SECONDS + 1}`, 'otp.periodInvalid'],
    ['an absurd period', `otpauth://totp/a?secret=${C}&period=99999999999999999999`, 'otp.periodInvalid'],
    ['an empty period', `otpauth://totp/a?secret=${C}&period=`, 'otp.periodInvalid'],
    ['5 digits', `otpauth://totp/a?secret=${C}&digits=5`, 'otp.digitsInvalid'],
    ['9 digits', `otpauth://totp/a?secret=${C}&digits=9`, 'otp.digitsInvalid'],
    ['digits as a word', `otpauth://totp/a?secret=${C}&digits=six`, 'otp.digitsInvalid'],
    ['digits as a decimal', `otpauth://totp/a?secret=${C}&digits=6.0`, 'otp.digitsInvalid'],
    ['a truncated %-escape in the label', `otpauth://totp/%2?secret=${C}`, 'otp.percentEscapeInvalid'],
    ['a non-hex %-escape in the issuer', `otpauth://totp/a?secret=${C}&issuer=%ZZ`, 'otp.percentEscapeInvalid'],
    ['a %-escape that is not UTF-8', `otpauth://totp/caf%E9?secret=${C}`, 'otp.percentEscapeInvalid'],
    ['a broken %-escape in the secret', `otpauth://totp/a?secret=${C}%G1`, 'otp.percentEscapeInvalid'],
    ['otpauth without //', `otpauth:totp/a?secret=${C}`, 'otp.uriMalformed'],
    ['a Google Authenticator export', 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'otp.notOtpauth.migration'],
    ['a web link', 'https://nse-portal.crowdtech.com/', 'otp.notOtpauth.webLink'],
    ['a web link with the secret in it', `https://example.com/?secret=${C}`, 'otp.notOtpauth.webLink'],
    ['an e-mail address', 'info@nse.nl', 'otp.notOtpauth.email'],
    ['a mailto link', 'mailto:info@nse.nl', 'otp.notOtpauth.email'],
    ['a phone number', 'tel:+31203699666', 'otp.notOtpauth.phone'],
    ['a text message', 'SMSTO:+31600000000:hello', 'otp.notOtpauth.sms'],
    ['Wi-Fi details', 'WIFI:S:Campus;T:WPA;P:password;;', 'otp.notOtpauth.wifi'],
    ['a contact card', 'BEGIN:VCARD\nVERSION:3.0\nFN:NSE\nEND:VCARD', 'otp.notOtpauth.contact'],
    ['plain text holding a secret', C, 'otp.notOtpauth.text'],
    ['an empty text', '', 'otp.notOtpauth.empty'],
    ['only white space', ' \n\t', 'otp.notOtpauth.empty'],
  ];

  it.each(REJECTIONS)('%s', (_name, uri, key) => {
    const error = inputError(() => parseOtpauthUri(uri));
    expect(error.key).toBe(key);
    for (const text of visibleTexts(error)) {
      expect(text).not.toContain(CANARY);
      expect(text.toUpperCase()).not.toContain(CANARY.slice(0, 8));
    }
  });

  it('never throws anything but a TweestapError, whatever follows otpauth://', () => {
    const otpauthish = fc.oneof(
      trickyText.map((s) => `otpauth://${s}`),
      fc.tuple(fc.constantFrom('totp', 'hotp', 'TOTP', 'x'), trickyText, trickyText)
        .map(([type, label, query]) => `otpauth://${type}/${label}?secret=${S}&${query}`),
    );
    fc.assert(
      fc.property(otpauthish, (uri) => {
        try {
          parseOtpauthUri(uri);
        } catch (error) {
          if (!(error instanceof TweestapError)) throw error;
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('formatOtpauthUri', () => {
  it('writes the form other apps read best', () => {
    const uri = formatOtpauthUri({
      type: 'totp', issuer: 'Nse-Portal', account: 'medewerker@hogeschool.nl', secret: 'jbsw y3dp ehpk 3pxp', algorithm: 'SHA1', digits: 6, period: 20, counter: 0,
    });
    expect(uri).toBe(`otpauth://totp/Nse-Portal:medewerker%40hogeschool.nl?secret=${S}&issuer=Nse-Portal&algorithm=SHA1&digits=6&period=20`);
  });

  it('writes the counter of an HOTP account', () => {
    const uri = formatOtpauthUri({ type: 'hotp', issuer: '', account: 'a', secret: S, algorithm: 'SHA256', digits: 8, period: 30, counter: 42 });
    expect(uri).toBe(`otpauth://hotp/a?secret=${S}&algorithm=SHA256&digits=8&counter=42`);
  });

  it('rejects what it cannot write', () => {
    const base: OtpParams = { type: 'totp', issuer: 'ACME', account: 'a', secret: S, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
    expect(inputError(() => formatOtpauthUri({ ...base, account: 'bad \uD800 surrogate' })).key).toBe('otp.labelInvalid');
    expect(inputError(() => formatOtpauthUri({ ...base, digits: 9 as 6 })).key).toBe('otp.digitsInvalid');
  });

  it('round-trips every account through parseOtpauthUri', () => {
    // Names with hidden characters are refused (label-safety.test.ts), so they are not generated here.
    const label = trickyText.map((s) => s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim());
    const account = fc.record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      issuer: label,
      account: label,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
      digits: fc.constantFrom(6 as const, 7 as const, 8 as const),
      period: fc.integer({ min: 1, max: MAX_PERIOD_SECONDS }),
      counter: fc.maxSafeNat(),
    });
    fc.assert(
      fc.property(account, ({ bytes, ...rest }) => {
        const p = validateOtpParams({ ...rest, secret: base32(bytes), period: rest.type === 'hotp' ? 30 : rest.period });
        expect(parseOtpauthUri(formatOtpauthUri(p))).toEqual(p);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

/** RFC 4648 Base32 written out here, independent of the code under test. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  return (bits.match(/.{1,5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
}

describe('otpauthLabels (the renderer reads names without the key)', () => {
  it('gives issuer and account like parseOtpauthUri does', () => {
    const uri = 'otpauth://totp/Nse-Portal:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';
    expect(otpauthLabels(uri)).toEqual({ issuer: 'Nse-Portal', account: 'alice@example.com' });
    const { issuer, account } = parseOtpauthUri(uri);
    expect(otpauthLabels(uri)).toEqual({ issuer, account });
  });

  it('never reads the secret: a link with a broken key still has names', () => {
    expect(otpauthLabels('otpauth://totp/GitHub:bob?secret=not-base32!&issuer=GitHub')).toEqual({ issuer: 'GitHub', account: 'bob' });
  });

  it('refuses hidden characters in the names after percent-decoding, as the parser does', () => {
    expect(() => otpauthLabels('otpauth://totp/Nse-Portal:alice%E2%80%AE?secret=JBSWY3DPEHPK3PXP')).toThrow(TweestapError);
  });
});
