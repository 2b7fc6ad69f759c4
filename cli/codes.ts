/** The rows `tweestap code` prints, in JSON and for people. */
import type { OtpParams, TotpCode } from '../shared/otp/types';
import type { CliContext } from './context';
import { accountLabel } from './query';

/**
 * One code as `tweestap code --json` prints it. TOTP: `step` is the time step and the validity
 * times are ISO-8601 UTC strings. HOTP: `step` is the counter and both times are null.
 * `id` is null for `code --uri` (no vault involved).
 */
export interface CodeRow {
  id: string | null;
  issuer: string;
  account: string;
  step: number;
  validFrom: string | null;
  validUntil: string | null;
  /** Milliseconds from the moment asked about until the code expires (0 when over; null for HOTP). */
  remainingMs: number | null;
  code: string;
}

/** Rows for TOTP codes of one account, as seen at `at` (Unix ms). */
export function totpRows(id: string | null, params: Pick<OtpParams, 'issuer' | 'account'>, codes: readonly TotpCode[], at: number): CodeRow[] {
  return codes.map((c) => ({
    id,
    issuer: params.issuer,
    account: params.account,
    step: c.step,
    validFrom: new Date(c.validFrom).toISOString(),
    validUntil: new Date(c.validUntil).toISOString(),
    remainingMs: Math.max(0, c.validUntil - at),
    code: c.code,
  }));
}

/** A row for one HOTP code. */
export function hotpRow(id: string | null, params: Pick<OtpParams, 'issuer' | 'account'>, counter: number, code: string): CodeRow {
  return { id, issuer: params.issuer, account: params.account, step: counter, validFrom: null, validUntil: null, remainingMs: null, code };
}

/** Prints rows as JSON or one line each: the code first, so `cut -d' ' -f1` takes it. */
export function printCodeRows(ctx: CliContext, rows: readonly CodeRow[], json: boolean): void {
  if (json) return ctx.json(rows);
  for (const row of rows) {
    const when =
      row.validFrom && row.validUntil
        ? ctx.t('cli.code.validity', { from: row.validFrom, until: row.validUntil, step: row.step })
        : ctx.t('cli.code.counter', { counter: row.step });
    ctx.out(`${row.code}  ${accountLabel(row)}  ${when}`);
  }
}
