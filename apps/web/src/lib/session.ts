// The server-side session, as the gateway reports it (GET /auth/session, /auth/config). The session cookie itself
// is httpOnly: the app only learns whether one is valid.
export interface Session {
  signedIn: boolean;
  email?: string;
  name?: string;
  expiresAt?: string;
}

export interface AuthConfig {
  oidc: boolean;
  devSignIn: boolean;
}

export async function fetchSession(): Promise<Session> {
  const res = await fetch('/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) return { signedIn: false };
  return (await res.json()) as Session;
}

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const res = await fetch('/auth/config', { headers: { accept: 'application/json' } });
  if (!res.ok) return { oidc: false, devSignIn: false };
  return (await res.json()) as AuthConfig;
}

/** The development sign-in (JSON): 204 sets the session cookie; 400 names the fields that are wrong. */
export async function devSignIn(input: {
  email: string;
  name: string;
  supportStaff: boolean;
  returnTo: string;
}): Promise<{ ok: true } | { ok: false; fields: { path: string; message: string }[] }> {
  const res = await fetch('/auth/dev-signin', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => ({}))) as {
    fields?: { path: string; message: string }[];
    message?: string;
  };
  return { ok: false, fields: body.fields ?? [{ path: 'email', message: body.message ?? res.statusText }] };
}

export async function signOut(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' });
}

/** The sign-in page, coming back afterwards to `location` (the page's path, query and fragment). */
export function signInPath(location: { pathname: string; search: string; hash: string }): string {
  return `/signin?returnTo=${encodeURIComponent(location.pathname + location.search + location.hash)}`;
}

/** Only same-origin paths are kept as a place to come back to after sign-in (the server checks again). */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}
