import type { CookieOptions } from 'express';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The session cookie: httpOnly, SameSite=Lax, path /, no Domain; under https it is Secure and carries the
 * `__Host-` prefix (the browser then refuses it from any other host or without Secure).
 */
export function sessionCookieName(publicUrl: string): string {
  return isHttps(publicUrl) ? '__Host-cr_session' : 'cr_session';
}

/** The short-lived OIDC sign-in transaction (state, nonce, PKCE verifier, return path), sealed. */
export function loginCookieName(publicUrl: string): string {
  return isHttps(publicUrl) ? '__Host-cr_login' : 'cr_login';
}

export function isHttps(publicUrl: string): boolean {
  return publicUrl.startsWith('https:');
}

export function cookieOptions(publicUrl: string, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(publicUrl),
    path: '/',
    ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}),
  };
}

/** One cookie's value from a raw `Cookie` header (HTTP requests and WebSocket upgrades alike). */
export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
