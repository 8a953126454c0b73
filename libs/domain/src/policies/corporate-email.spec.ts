import { FREE_MAIL_DOMAINS, isCorporateEmail, isValidEmail, normalizeEmail } from './corporate-email';

describe('isCorporateEmail (R1.3)', () => {
  it.each(FREE_MAIL_DOMAINS)('free-mail domain %s is not corporate', (domain) => {
    expect(isCorporateEmail(`someone@${domain}`)).toBe(false);
  });
  it('compares case-insensitively', () => {
    expect(isCorporateEmail('Someone@GMail.COM')).toBe(false);
    expect(isCorporateEmail('Someone@Acme.IO')).toBe(true);
  });
  it('treats any other domain as corporate, including subdomains of nothing in the list', () => {
    expect(isCorporateEmail('jane@acme.io')).toBe(true);
    expect(isCorporateEmail('jane@mail.acme.io')).toBe(true);
  });
  it('never calls a malformed address corporate', () => {
    expect(isCorporateEmail('not-an-address')).toBe(false);
    expect(isValidEmail('a b@acme.io')).toBe(false);
  });
  it('normalizes to the lower-cased, trimmed address (R13.2)', () => {
    expect(normalizeEmail('  Jane@Acme.IO ')).toBe('jane@acme.io');
  });
});
