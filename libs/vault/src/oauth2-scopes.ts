/** Splits a space-separated scope string (RFC 6749 §3.3). */
export function parseScope(scope: string | undefined | null): string[] {
  return (scope ?? '').split(' ').filter((s) => s !== '');
}

// Some providers answer with the resource-qualified name (Microsoft: "https://graph.microsoft.com/User.Read.All"
// for "User.Read.All") and in another case; both still grant what was asked.
const normalise = (s: string) => s.toLowerCase();
const grants = (granted: string, requested: string) => {
  const g = normalise(granted);
  const r = normalise(requested);
  return g === r || (r.indexOf('/') === -1 && g.endsWith(`/${r}`));
};

/** Requested scopes the provider did not grant (SPEC R12.3), in the requested order. */
export function missingScopes(requested: readonly string[], granted: readonly string[]): string[] {
  return requested.filter((r) => !granted.some((g) => grants(g, r)));
}

/**
 * Whether the grant's account belongs to the expected domain (SPEC R12.2): the e-mail's domain equals it, case
 * insensitive, with an optional leading "@". Subdomains do not match: "eu.acme.com" is another tenant than "acme.com".
 */
export function accountDomainMatches(email: string | undefined | null, expectedDomain: string): boolean {
  if (!email) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return false;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  const expected = expectedDomain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  return expected !== '' && domain === expected;
}
