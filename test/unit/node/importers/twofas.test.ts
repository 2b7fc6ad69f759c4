import { describe, expect, it } from 'vitest';
import { import2fas } from '../../../../node/importers';
import {
  FIXTURE_ACCOUNTS,
  FIXTURE_PASSWORD,
  TWOFAS_FIXTURE_ACCOUNTS,
  twofasEncryptedExport,
  twofasPlainExport,
  twofasService,
} from '../../../fixtures/import/generate';
import { expectInputRejection, useImportFixtures } from './helpers';

const readFixture = useImportFixtures();
const services = FIXTURE_ACCOUNTS.map((p, i) => twofasService(p, i));

describe('import2fas', () => {
  it('reads every account of a plain export', async () => {
    const text = (await readFixture('twofasPlain')).toString('utf8');
    expect(await import2fas(text)).toEqual({ accounts: TWOFAS_FIXTURE_ACCOUNTS, skipped: [] });
  });

  it('reads every account of a password-protected export with its password', async () => {
    const text = (await readFixture('twofasEncrypted')).toString('utf8');
    expect(await import2fas(text, FIXTURE_PASSWORD)).toEqual({ accounts: TWOFAS_FIXTURE_ACCOUNTS, skipped: [] });
  });

  it('asks for the password of a protected export, and refuses a wrong one', async () => {
    const text = twofasEncryptedExport(services, 'pw');
    await expectInputRejection(() => import2fas(text), 'import.passwordRequired');
    await expectInputRejection(() => import2fas(text, 'wrong'), 'import.twofas.wrongPassword');
  });

  it('uses the service name when the otp has no issuer, and 2FAS defaults for absent fields', async () => {
    const minimal = { name: 'Minimal', secret: 'JBSWY3DPEHPK3PXP', otp: { account: 'me' } };
    const noOtp = { name: 'Bare', secret: 'jbsw y3dp ehpk 3pxp' };
    const defaults = { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
    expect((await import2fas(twofasPlainExport([minimal, noOtp]))).accounts).toEqual([
      { ...defaults, issuer: 'Minimal', account: 'me' },
      { ...defaults, issuer: 'Bare', account: '' },
    ]);
  });

  it('skips Steam, unknown token types and invalid services with their reason, and imports the rest', async () => {
    const steam = { ...services[0], name: 'Steam', otp: { tokenType: 'STEAM', account: 'gamer', issuer: 'Steam' } };
    const odd = { ...services[0], otp: { tokenType: 'MOTP', issuer: 'Odd' } };
    const noSecret = { name: 'Empty', otp: { issuer: 'Empty', account: 'x' } };
    const badPeriod = { ...services[0], otp: { ...(services[0]!.otp as object), period: -5 } };
    const result = await import2fas(twofasPlainExport([steam, services[1], odd, noSecret, badPeriod, null]));
    expect(result.accounts).toEqual([FIXTURE_ACCOUNTS[1]]);
    expect(result.skipped.map(({ position, label, key }) => ({ position, label, key }))).toEqual([
      { position: 1, label: 'Steam (gamer)', key: 'import.entrySteam' },
      { position: 3, label: 'Odd', key: 'import.entryTypeUnsupported' },
      { position: 4, label: 'Empty (x)', key: 'otp.secretEmpty' },
      { position: 5, label: 'Nse-Portal (tester@example.nl)', key: 'otp.periodInvalid' },
      { position: 6, label: '', key: 'import.entryInvalid' },
    ]);
  });

  it.each([
    ['not JSON', 'services'],
    ['no services list', '{"schemaVersion":4}'],
    ['servicesEncrypted not a string', '{"services":[],"servicesEncrypted":5}'],
    ['servicesEncrypted with two parts', '{"services":[],"servicesEncrypted":"AAAA:AAAA"}'],
    ['servicesEncrypted with four parts', '{"services":[],"servicesEncrypted":"AAAAAAAAAAAAAAAAAAAAAA==:AAAA:AAAA:AAAA"}'],
    ['servicesEncrypted that is not Base64', '{"services":[],"servicesEncrypted":"***:***:***"}'],
  ])('refuses a damaged export: %s', async (_name, text) => {
    await expectInputRejection(() => import2fas(text, 'pw'), 'import.twofas.malformed');
  });
});
