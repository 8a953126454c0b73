import { LIMITS } from './limits';

/** R1.3: free-mail providers. Anything else counts as corporate. */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'yandex.com',
  'zoho.com',
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(email: string): boolean {
  return email.length <= LIMITS.email && EMAIL.test(email);
}

export function emailDomain(email: string): string {
  return email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
}

/** Case-insensitive; a malformed address is never corporate. */
export function isCorporateEmail(email: string): boolean {
  if (!isValidEmail(email.trim())) return false;
  return !FREE_MAIL_DOMAINS.includes(emailDomain(email));
}

/** R13.2: a user is identified by the lower-cased e-mail. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
