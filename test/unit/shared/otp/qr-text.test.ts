import { describe, expect, it } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import { translate } from '../../../../shared/i18n';
import { QR_TEXT_KINDS, describeQrText, notOtpauthError, type QrTextKind } from '../../../../shared/otp';

describe('describeQrText', () => {
  it.each<[string, QrTextKind]>([
    ['otpauth://totp/Nse-Portal:a%40b.nl?secret=JBSWY3DP&issuer=Nse-Portal&period=20', 'otpauth'],
    ['OTPAUTH://HOTP/x?secret=JBSWY3DP&counter=0', 'otpauth'],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', 'otpauth-migration'],
    ['OTPAUTH-MIGRATION://offline?data=x', 'otpauth-migration'],
    ['https://nse-portal.crowdtech.com/', 'web-link'],
    ['HTTP://example.com', 'web-link'],
    ['www.nse.nl', 'web-link'],
    ['mailto:info@nse.nl', 'email'],
    ['MATMSG:TO:info@nse.nl;SUB:hi;;', 'email'],
    ['info@nse.nl', 'email'],
    ['tel:0203699666', 'phone'],
    ['smsto:+31600000000:hoi', 'sms'],
    ['WIFI:S:eduroam;T:WPA;P:x;;', 'wifi'],
    ['BEGIN:VCARD\nFN:x\nEND:VCARD', 'contact'],
    ['MECARD:N:NSE;;', 'contact'],
    ['JBSWY3DPEHPK3PXP', 'text'],
    ['Scan mij!', 'text'],
    ['  \n', 'empty'],
    ['', 'empty'],
  ])('calls "%s" %s', (text, kind) => {
    expect(describeQrText(text)).toBe(kind);
  });

  it('has a distinct, translated message for every kind that is not an otpauth URI', () => {
    const kinds = QR_TEXT_KINDS.filter((k): k is Exclude<QrTextKind, 'otpauth'> => k !== 'otpauth');
    const errors = kinds.map(notOtpauthError);
    for (const error of errors) {
      expect(error).toBeInstanceOf(TweestapError);
      expect(error.kind).toBe('input');
      expect(translate('nl', error.key)).not.toBe(translate('en', error.key));
    }
    expect(new Set(errors.map((e) => e.key)).size).toBe(kinds.length);
    expect(notOtpauthError('web-link').message).toBe('This QR code holds a web link, not an authenticator code.');
  });
});
