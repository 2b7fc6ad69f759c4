/** The `issuer:account` label convention shared by otpauth URIs and Google's export format. */

/** Issuer and account names of an account. */
export interface AccountLabel {
  issuer: string;
  account: string;
}

/**
 * Splits an otpauth label such as `ACME Co: alice@example.com` into issuer and account. An
 * explicit issuer (the URI's `issuer` parameter) wins over the label's prefix; otherwise the
 * issuer is the text before the first colon, so `ACME:team:alice` is account `team:alice` of
 * `ACME`. Names are trimmed.
 */
export function splitLabel(label: string, explicitIssuer: string): AccountLabel {
  const issuer = explicitIssuer.trim();
  const account = withoutIssuerPrefix(label, issuer);
  if (account !== undefined) return { issuer, account };
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer, account: label.trim() };
  return { issuer: issuer || label.slice(0, colon).trim(), account: label.slice(colon + 1).trim() };
}

/**
 * Issuer and account of a Google export entry. Its `name` is the account name, often with the
 * issuer repeated in front (`GitHub:alice`); only that repeated prefix is removed, so other
 * colons stay. Without an issuer field the name is read as an otpauth label.
 */
export function splitExportName(name: string, issuerField: string): AccountLabel {
  const issuer = issuerField.trim();
  if (issuer === '') return splitLabel(name, '');
  return { issuer, account: withoutIssuerPrefix(name, issuer) ?? name.trim() };
}

/**
 * The name an export entry gets so that splitExportName gives issuer and account back:
 * `Issuer:account` (as Google writes it), or `:account` when a colon in an issuer-less account
 * would otherwise be read as a separator.
 */
export function exportName({ issuer, account }: AccountLabel): string {
  if (issuer) return `${issuer}:${account}`;
  return account.includes(':') ? `:${account}` : account;
}

/** A name for messages: `Issuer (account)`, or whichever of the two is present. */
export function displayName({ issuer, account }: AccountLabel): string {
  if (issuer && account) return `${issuer} (${account})`;
  return issuer || account || '?';
}

/** The trimmed rest of `label` after `issuer:`, or undefined when it does not start so. */
function withoutIssuerPrefix(label: string, issuer: string): string | undefined {
  return issuer !== '' && label.startsWith(`${issuer}:`) ? label.slice(issuer.length + 1).trim() : undefined;
}
