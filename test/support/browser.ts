/**
 * A tiny browser for HTTP-level tests of the sign-in routes: a cookie jar per origin-less test (cookies are sent to
 * the gateway whatever its host), manual redirects (each hop is returned so the test can look at it), and the raw
 * Set-Cookie headers of the last answer.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];

  constructor(private readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const url = /^https?:/.test(path) ? path : `${this.base}${path}`;
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const c of this.lastSetCookies) {
      const [pair, ...attributes] = c.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** POSTs a GraphQL operation with the jar's cookies (JSON, so Apollo's CSRF prevention lets it through). */
  async graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) {
    const res = await this.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data?: T | null;
      errors?: { message: string; extensions: { code: string } }[];
    };
    return { status: res.status, ...body };
  }

  /** The development sign-in as the web app's form posts it (JSON). */
  devSignIn(input: { email: string; name?: string; supportStaff?: boolean; returnTo?: string }) {
    return this.fetch('/auth/dev-signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  }
}
