import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What the OIDC callback needs from the browser that started the sign-in (never visible to it: sealed). */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export const LOGIN_TRANSACTION_TTL_MS = 10 * 60 * 1000;

const keyOf = (secret: string) => createHash('sha256').update(`cr-login-transaction\u0000${secret}`).digest();

/**
 * Seals the transaction into the `cr_login` cookie value: AES-256-GCM under a key derived from SESSION_SECRET, with
 * its expiry inside, so the PKCE verifier is unreadable and the cookie cannot be forged or replayed after 10 minutes.
 */
export function sealLoginTransaction(tx: LoginTransaction, secret: string, now = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const plain = Buffer.from(JSON.stringify({ ...tx, exp: now + LOGIN_TRANSACTION_TTL_MS }));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The transaction, or null when the value is missing, tampered with, sealed under another secret, or expired. */
export function openLoginTransaction(
  value: string | undefined,
  secret: string,
  now = Date.now(),
): LoginTransaction | null {
  if (!value || value.length > 4096) return null;
  try {
    const raw = Buffer.from(value, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(plain) as LoginTransaction & { exp: number };
    if (typeof parsed.exp !== 'number' || parsed.exp < now) return null;
    const { state, nonce, codeVerifier, returnTo } = parsed;
    return { state, nonce, codeVerifier, returnTo };
  } catch {
    return null;
  }
}
