// The server-side session, as the gateway reports it (GET /auth/session, /auth/config). The session cookie itself
// is httpOnly: the app only learns whether one is valid.
export interface Session {
  signedIn: boolean;
  email?: string;
  name?: string;
  /** Shows the Support page in the navigation; the API checks it again on every operation. */
  supportStaff?: boolean;
  expiresAt?: string;
}

export interface AuthConfig {
  oidc: boolean;
  devSignIn: boolean;
}

/**
 * Throws when the answer is not the gateway's (the network, a proxy's 502 during a deployment): unread is not "signed
 * out", which would send a signed-in person to the sign-in page.
 */
export async function fetchSession(): Promise<Session> {
  const res = await fetch('/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /auth/session answered ${res.status}`);
  return (await res.json()) as Session;
}

/** Throws when the answer is not the gateway's (the network, a proxy's error page): unread is not "no sign-in". */
export async function fetchAuthConfig(): Promise<AuthConfig> {
  const res = await fetch('/auth/config', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /auth/config answered ${res.status}`);
  return (await res.json()) as AuthConfig;
}

export type DevSignInResult =
  | { ok: true }
  /** 400: the fields that are wrong, each said at its field. */
  | { ok: false; fields: { path: string; message: string }[] }
  /** Any other refusal, with the server's sentence when it wrote one (a limit, another origin); none: no answer. */
  | { ok: false; refused: string | null };

/** The development sign-in (JSON): 204 sets the session cookie. Never throws: a lost answer is `refused: null`. */
export async function devSignIn(input: {
  email: string;
  name: string;
  supportStaff: boolean;
  returnTo: string;
}): Promise<DevSignInResult> {
  const res = await fetch('/auth/dev-signin', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  }).catch(() => null);
  if (!res) return { ok: false, refused: null };
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => ({}))) as {
    fields?: { path: string; message: string }[];
    message?: string;
  };
  if (res.status === 400 && body.fields?.length) return { ok: false, fields: body.fields };
  return { ok: false, refused: typeof body.message === 'string' ? body.message : null };
}

/** Whether the service ended the session: false when it could not be reached or failed (the session goes on). */
export async function signOut(): Promise<boolean> {
  const res = await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => null);
  return !!res && res.ok;
}

/**
 * The sign-in page, coming back afterwards to `location` (the page's path, query and fragment), or to a path.
 * With `error`, the page says why the last try failed; a return to `/` is then left out (it is the default).
 */
export function signInPath(
  location: { pathname: string; search: string; hash: string } | string,
  error?: string,
): string {
  const back = typeof location === 'string' ? location : location.pathname + location.search + location.hash;
  if (error === undefined) return `/signin?returnTo=${encodeURIComponent(back)}`;
  const returnTo = back === '/' ? '' : `&returnTo=${encodeURIComponent(back)}`;
  return `/signin?error=${encodeURIComponent(error)}${returnTo}`;
}

/** Only same-origin paths are kept as a place to come back to after sign-in (the server checks again). */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}
