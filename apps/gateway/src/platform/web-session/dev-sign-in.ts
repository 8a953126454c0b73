import type { Identity } from '@libs/auth';
import { safeReturnPath } from './return-path';
import { LIMITS } from '@libs/domain';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUE_VALUES = new Set([true, 'true', 'on', '1']);

export type DevSignInInput = { identity: Identity; returnTo: string } | { fields: { path: string; message: string }[] };

/**
 * The development sign-in form (form or JSON: email, name, supportStaff, returnTo) → the identity `npm run token`
 * would sign: subject `dev:<email>` (so a token and the form are the same user), e-mail verified, support staff
 * when the box is ticked.
 */
export function parseDevSignIn(body: unknown): DevSignInInput {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const fields: { path: string; message: string }[] = [];
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  if (!email) fields.push({ path: 'email', message: 'email is required' });
  else if (email.length > LIMITS.email || !EMAIL.test(email))
    fields.push({ path: 'email', message: 'email must be an e-mail address' });
  const rawName = input.name === undefined || input.name === null ? '' : input.name;
  if (typeof rawName !== 'string') fields.push({ path: 'name', message: 'name must be a string' });
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (name.length > LIMITS.memberName) {
    fields.push({ path: 'name', message: `name must be at most ${LIMITS.memberName} characters` });
  }
  if (fields.length > 0) return { fields };
  return {
    identity: {
      subject: `dev:${email}`,
      email,
      name: name || email,
      emailVerified: true,
      support: TRUE_VALUES.has(input.supportStaff as string | boolean),
    },
    returnTo: safeReturnPath(input.returnTo),
  };
}
