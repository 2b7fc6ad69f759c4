import { describe, expect, it } from 'vitest';
import { TweestapError } from '../../../../shared/errors';
import { noQrError, planScan } from '../../../../renderer/features/scan/plan';

const LINK_A = 'otpauth://totp/Nse-Portal:a%40example.nl?secret=JBSWY3DPEHPK3PXP&issuer=Nse-Portal&period=20';
const LINK_B = 'otpauth://totp/GitHub:b?secret=KRSXG5CTMVRXEZLU&issuer=GitHub';
const PART = 'otpauth-migration://offline?data=CiAKCkhlbGxvId6tvu8SBWFsaWNlGgdFeGFtcGxlIAEoATACEAEYASAAKAA%3D';

describe('planScan', () => {
  it('adds the one authenticator link found, ignoring a web link beside it', () => {
    expect(planScan(['https://apps.example.com/app', LINK_A])).toEqual({ kind: 'add', uris: [LINK_A] });
  });

  it('adds Google export parts straight away (main collects them)', () => {
    expect(planScan([PART])).toEqual({ kind: 'add', uris: [PART] });
  });

  it('asks which account when several links are found, duplicates counted once', () => {
    expect(planScan([LINK_A, LINK_B, LINK_A])).toEqual({ kind: 'pick', uris: [LINK_A, LINK_B] });
  });

  it('names a QR code that is not for an authenticator and adds nothing', () => {
    const plan = planScan(['https://nse-portal.crowdtech.com/']);
    expect(plan.kind).toBe('other');
    expect(plan.kind === 'other' && plan.error.key).toBe('otp.notOtpauth.webLink');
    const wifi = planScan(['WIFI:S:home;T:WPA;P:secret;;']);
    expect(wifi.kind === 'other' && wifi.error.key).toBe('otp.notOtpauth.wifi');
  });

  it('says none when nothing was found', () => {
    expect(planScan([])).toEqual({ kind: 'none' });
  });
});

describe('noQrError', () => {
  it.each([
    ['screen', 'app.scan.screen.noQr'],
    ['webcam', 'app.scan.noQr'],
    ['image', 'app.image.noQr'],
  ] as const)('gives %s its own advice', (source, key) => {
    const error = noQrError(source);
    expect(error).toBeInstanceOf(TweestapError);
    expect(error.key).toBe(key);
  });
});
