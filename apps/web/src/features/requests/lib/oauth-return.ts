// Which app an OAuth2 hand-over was for, so the request page can say how it went when the provider sends the
// browser back (through /oauth/callback). Only identifiers are kept, in sessionStorage, never a secret or code.
const KEY = 'oauth-start';

export function rememberOAuthStart(requestId: string, appKey: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ requestId, appKey, at: Date.now() }));
}

/** The app this request page is coming back from, once (it is forgotten as it is read). */
export function takeOAuthReturn(requestId: string): string | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { requestId: string; appKey: string; at: number };
    if (value.requestId !== requestId || Date.now() - value.at > 30 * 60_000) return null;
    sessionStorage.removeItem(KEY);
    return value.appKey;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}
