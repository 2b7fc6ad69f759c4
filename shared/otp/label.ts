/** The `issuer:account` label convention shared by otpauth URIs and Google's export format. */

/** Issuer and account names of an account. */
export interface AccountLabel {
  issuer: string;
  account: string;
}

/**
 * Splits a label such as `ACME Co: alice@example.com` into issuer and account. An explicit
 * issuer (the URI's `issuer` parameter, the export's issuer field) wins over the label's prefix,
 * and a prefix that repeats it is removed; otherwise the issuer is the text before the first
 * colon, so `ACME:team:alice` is account `team:alice` of `ACME`. Names are trimmed.
 */
export function splitLabel(label: string, explicitIssuer: string): AccountLabel {
  const issuer = explicitIssuer.trim();
  if (issuer !== '' && label.startsWith(`${issuer}:`)) return { issuer, account: label.slice(issuer.length + 1).trim() };
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer, account: label.trim() };
  return { issuer: issuer || label.slice(0, colon).trim(), account: label.slice(colon + 1).trim() };
}

/** A name for messages: `Issuer (account)`, or whichever of the two is present. */
export function displayName({ issuer, account }: AccountLabel): string {
  if (issuer && account) return `${issuer} (${account})`;
  return issuer || account || '?';
}
