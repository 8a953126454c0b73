import { Client } from 'pg';
import type { BootedApp } from './support/app';
import { TestBrowser } from './support/browser';
import { bootGatewayWith } from './support/gateway-app';
import { captureLogs } from './support/logs';
import { startOidcServer, type OidcTestServer } from './support/oidc-server';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

// The provider redirects the browser to PUBLIC_URL/auth/callback; the test carries the query to the booted port.
const PUBLIC_URL = 'http://cr.test';
const ME = '{ viewer { user { email } supportStaff } }';

describe('OpenID Connect sign-in against a real oidc-provider (issue #10)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let oidc: OidcTestServer;
  let booted: BootedApp;

  beforeAll(async () => {
    db = await createTestDatabase('oidc_signin');
    oidc = await startOidcServer({ redirectUri: `${PUBLIC_URL}/auth/callback`, scopes: ['profile'] });
    booted = await bootGatewayWith(
      {
        ROLE: 'all',
        REDIS_URL: redisUrl,
        DATABASE_URL: db.url,
        PUBLIC_URL,
        AUTH_ISSUER: oidc.issuer,
        AUTH_JWKS_URL: oidc.jwksUri,
        AUTH_CLIENT_ID: oidc.clientId,
        AUTH_CLIENT_SECRET: oidc.clientSecret,
        SESSION_SECRET: 'oidc-signin-test-session-secret-0123456789',
      },
      logs.logger,
      [],
    );
  }, 60_000);
  afterAll(async () => {
    await booted?.close();
    await oidc?.stop();
    await db?.drop();
  });

  /** /auth/login → the provider's login and consent → /auth/callback; returns the callback's answer. */
  async function signIn(browser: TestBrowser, email: string, returnTo = '/requests/abc') {
    const login = await browser.fetch(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location')!);
    const back = await oidc.completeLogin(authorize.href, { email });
    return { authorize, callback: await browser.fetch(`/auth/callback${back.search}`) };
  }

  it('offers OIDC and no development sign-in when a key source is configured', async () => {
    expect(await (await fetch(`${booted.url}/auth/config`)).json()).toEqual({ oidc: true, devSignIn: false });
  });

  it('login → provider → callback → cookie → GraphQL works → logout → the same cookie is UNAUTHENTICATED', async () => {
    const browser = new TestBrowser(booted.url);
    const { authorize, callback } = await signIn(browser, 'olga@corp.example');
    expect(authorize.origin + authorize.pathname).toBe(`${oidc.issuer}/auth`);
    const params = authorize.searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/callback`);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('scope')).toBe('openid email profile');
    expect(authorize.href).not.toMatch(/code_verifier/);

    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/requests/abc');
    expect(browser.cookies.has('cr_login')).toBe(false);
    expect(browser.lastSetCookies.find((c) => c.startsWith('cr_session='))).toMatch(/HttpOnly.*SameSite=Lax/i);

    const me = await browser.graphql<{ viewer: { user: { email: string }; supportStaff: boolean } }>(ME);
    expect(me.data?.viewer).toEqual({ user: { email: 'olga@corp.example' }, supportStaff: false });
    const session = await (await browser.fetch('/auth/session')).json();
    expect(session).toMatchObject({ signedIn: true, email: 'olga@corp.example', emailVerified: true });

    // The session carries the ID token's email_verified (the bearer path's rule applies to both).
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      const { rows } = await sql.query(`SELECT method, subject, email_verified FROM web_sessions WHERE email = $1`, [
        'olga@corp.example',
      ]);
      expect(rows).toEqual([{ method: 'oidc', subject: 'olga@corp.example', email_verified: true }]);
    } finally {
      await sql.end();
    }

    // Neither the session cookie nor the sign-in transaction ever reaches the logs.
    for (const value of browser.cookies.values()) expect(logs.text()).not.toContain(value);
    const code = new URL(callback.url).searchParams.get('code');
    expect(code).toBeTruthy();
    expect(logs.text()).not.toContain(code);
    const stolen = browser.cookieHeader();
    expect((await browser.fetch('/auth/logout', { method: 'POST' })).status).toBe(204);
    const replay = await fetch(`${booted.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: stolen },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await replay.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('returns to same-origin paths only', async () => {
    for (const hostile of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/.//evil.example',
      '/x/..//evil.example',
    ]) {
      const { callback } = await signIn(new TestBrowser(booted.url), 'pia@corp.example', hostile);
      expect([hostile, callback.headers.get('location')]).toEqual([hostile, '/']);
    }
  });

  it('refuses a callback without the browser that started it, or replayed, and sets no session', async () => {
    const starter = new TestBrowser(booted.url);
    const login = await starter.fetch('/auth/login?returnTo=/');
    const back = await oidc.completeLogin(login.headers.get('location')!, { email: 'mallory@corp.example' });
    // Another browser (login CSRF: the attacker's code in the victim's browser) has no transaction cookie.
    const victim = new TestBrowser(booted.url);
    const res = await victim.fetch(`/auth/callback${back.search}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?signin=error&reason=invalid_state');
    expect(victim.cookies.size).toBe(0);
    // Another browser's transaction does not match this state either.
    const other = new TestBrowser(booted.url);
    await other.fetch('/auth/login?returnTo=/');
    const mismatch = await other.fetch(`/auth/callback${back.search}`);
    expect(mismatch.headers.get('location')).toMatch(/^\/\?signin=error&reason=[a-z_]+$/);
    expect(other.cookies.has('cr_session')).toBe(false);
    // The starter completes once; a replay of the same code fails (the transaction cookie is spent).
    expect((await starter.fetch(`/auth/callback${back.search}`)).headers.get('location')).toBe('/');
    const replay = await new TestBrowser(booted.url).fetch(`/auth/callback${back.search}`, {
      headers: { cookie: '' },
    });
    expect(replay.headers.get('location')).toBe('/?signin=error&reason=invalid_state');
  });

  it('turns a provider refusal into our reason code, never the provider text', async () => {
    const browser = new TestBrowser(booted.url);
    const login = await browser.fetch('/auth/login');
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const res = await browser.fetch(
      `/auth/callback?error=access_denied&error_description=${encodeURIComponent('<b>no</b>')}&state=${state}&iss=${encodeURIComponent(oidc.issuer)}`,
    );
    expect(res.headers.get('location')).toBe('/?signin=error&reason=access_denied');
    expect(browser.cookies.has('cr_session')).toBe(false);
  });

  it('keeps the page the sign-in was for when it fails, so that an invitation link is not lost', async () => {
    const browser = new TestBrowser(booted.url);
    const login = await browser.fetch(`/auth/login?returnTo=${encodeURIComponent('/invitations/abc?x=1')}`);
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const res = await browser.fetch(
      `/auth/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(oidc.issuer)}`,
    );
    expect(res.headers.get('location')).toBe(
      `/?signin=error&reason=access_denied&returnTo=${encodeURIComponent('/invitations/abc?x=1')}`,
    );
  });
});
