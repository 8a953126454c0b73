import { Client } from 'pg';
import { loadConfig, ConfigError } from '@libs/config';
import { signToken } from '@libs/auth';
import type { BootedApp } from './support/app';
import { TestBrowser } from './support/browser';
import { bootGatewayWith } from './support/gateway-app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const ME = '{ me { email name } }';

describe('browser sessions and the development sign-in (issue #10)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let embedded: BootedApp;

  beforeAll(async () => {
    db = await createTestDatabase('web_session');
    embedded = await bootGatewayWith(
      { ROLE: 'all', REDIS_URL: redisUrl, DATABASE_URL: db.url, SESSION_TTL: '2h' },
      logs.logger,
      [],
    );
  });
  afterAll(async () => {
    await embedded?.close();
    await db?.drop();
  });

  it('offers the development sign-in with the embedded secret, and no OIDC', async () => {
    const res = await fetch(`${embedded.url}/auth/config`);
    expect(await res.json()).toEqual({ oidc: false, devSignIn: true });
    const login = await fetch(`${embedded.url}/auth/login`, { redirect: 'manual' });
    expect(login.status).toBe(404);
  });

  it('signs in like `npm run token` does, in an httpOnly SameSite=Lax cookie bounded in time', async () => {
    const browser = new TestBrowser(embedded.url);
    expect(await (await browser.fetch('/auth/session')).json()).toEqual({ signedIn: false });
    const before = Date.now();
    const res = await browser.devSignIn({ email: 'Ana@Corp.Example', name: 'Ana' });
    expect(res.status).toBe(204);
    const [cookie] = browser.lastSetCookies;
    expect(cookie).toMatch(/^cr_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; Max-Age=7200/i);
    expect(cookie).not.toMatch(/; Secure/i);
    const me = await browser.graphql<{ me: { email: string; name: string } }>(ME);
    expect(me.data).toEqual({ me: { email: 'ana@corp.example', name: 'Ana' } });
    const session = (await (await browser.fetch('/auth/session')).json()) as Record<string, string>;
    expect(session).toMatchObject({
      signedIn: true,
      email: 'ana@corp.example',
      name: 'Ana',
      emailVerified: true,
      supportStaff: false,
    });
    const expiresAt = Date.parse(session.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7200_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7200_000 + 1000);
  });

  it('says whether the session is support staff, as the API sees it (the web app shows them the Support page)', async () => {
    const browser = new TestBrowser(embedded.url);
    await browser.devSignIn({ email: 'sol@corp.example', name: 'Sol', supportStaff: true });
    expect(await (await browser.fetch('/auth/session')).json()).toMatchObject({ signedIn: true, supportStaff: true });
    const viewer = await browser.graphql<{ viewer: { supportStaff: boolean } }>('{ viewer { supportStaff } }');
    expect(viewer.data).toEqual({ viewer: { supportStaff: true } });
  });

  it('is the same user as a bearer token from `npm run token` (subject dev:<email>)', async () => {
    const browser = new TestBrowser(embedded.url);
    await browser.devSignIn({ email: 'bea@corp.example', name: 'Bea' });
    const viaCookie = await browser.graphql<{ me: { id: string } }>('{ me { id } }');
    const secret = (await import('node:fs')).readFileSync(`${embedded.config.dataDir}/jwt.secret`, 'utf8').trim();
    const token = await signToken(secret, { sub: 'dev:bea@corp.example', email: 'bea@corp.example', name: 'Bea' });
    const viaToken = await fetch(`${embedded.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(((await viaToken.json()) as { data: unknown }).data).toEqual(viaCookie.data);
  });

  it('redirects a form sign-in to same-origin return paths only', async () => {
    const post = (returnTo: string) =>
      new TestBrowser(embedded.url).fetch('/auth/dev-signin', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'cy@corp.example', name: 'Cy', returnTo }).toString(),
      });
    const good = await post('/requests/abc?x=1');
    expect(good.status).toBe(302);
    expect(good.headers.get('location')).toBe('/requests/abc?x=1');
    for (const hostile of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)']) {
      const res = await post(hostile);
      expect([hostile, res.status, res.headers.get('location')]).toEqual([hostile, 302, '/']);
    }
  });

  it('refuses bad input with the fields named, and sets no cookie', async () => {
    const browser = new TestBrowser(embedded.url);
    const res = await browser.devSignIn({ email: 'not-an-email', name: 'x'.repeat(101) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'BAD_USER_INPUT',
      message: 'invalid input',
      fields: [
        { path: 'email', message: 'email must be an e-mail address' },
        { path: 'name', message: 'name must be at most 100 characters' },
      ],
    });
    expect(browser.cookies.size).toBe(0);
  });

  it('refuses a sign-in or sign-out posted by a page of another origin', async () => {
    const browser = new TestBrowser(embedded.url);
    const res = await browser.fetch('/auth/dev-signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'eve@corp.example' }),
    });
    expect(res.status).toBe(403);
    expect(browser.cookies.size).toBe(0);
    await browser.devSignIn({ email: 'dan@corp.example' });
    const out = await browser.fetch('/auth/logout', { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(out.status).toBe(403);
    expect((await browser.graphql(ME)).data).toBeTruthy();
    // Our own origin (PUBLIC_URL's) is accepted.
    const own = await browser.fetch('/auth/logout', {
      method: 'POST',
      headers: { origin: new URL(embedded.config.publicUrl).origin },
    });
    expect(own.status).toBe(204);
  });

  it('keeps Apollo CSRF prevention on: a simple (form-like) POST with the cookie is refused', async () => {
    const browser = new TestBrowser(embedded.url);
    await browser.devSignIn({ email: 'fay@corp.example' });
    const res = await browser.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: ME }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('fay@corp.example');
  });

  it('ends the session server-side on sign-out: the same cookie is then UNAUTHENTICATED', async () => {
    const browser = new TestBrowser(embedded.url);
    await browser.devSignIn({ email: 'gus@corp.example' });
    const stolen = browser.cookieHeader();
    expect((await browser.graphql(ME)).data).toBeTruthy();
    const out = await browser.fetch('/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(browser.lastSetCookies.join()).toMatch(/cr_session=;/);
    const replay = await fetch(`${embedded.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: stolen },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await replay.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const session = await fetch(`${embedded.url}/auth/session`, { headers: { cookie: stolen } });
    expect(await session.json()).toEqual({ signedIn: false });
  });

  it('ends a session at its expiry', async () => {
    const browser = new TestBrowser(embedded.url);
    await browser.devSignIn({ email: 'hal@corp.example' });
    expect((await browser.graphql(ME)).data).toBeTruthy();
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      await sql.query(`UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE email = $1`, [
        'hal@corp.example',
      ]);
    } finally {
      await sql.end();
    }
    const after = await browser.graphql(ME);
    expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the cookie, and no token, and never logs it', async () => {
    const browser = new TestBrowser(embedded.url);
    await browser.devSignIn({ email: 'ivy@corp.example' });
    const value = browser.cookies.get('cr_session')!;
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      const { rows } = await sql.query(`SELECT * FROM web_sessions WHERE email = 'ivy@corp.example'`);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(value);
      // Nor is it ever logged (the request logs at debug level included).
      expect(logs.text()).not.toContain(value);
    } finally {
      await sql.end();
    }
  });

  describe('with a configured key source', () => {
    const secret = 'web-session-test-secret-0123456789abcdef';
    let https: BootedApp;
    let keyed: BootedApp;
    beforeAll(async () => {
      https = await bootGatewayWith(
        {
          ROLE: 'all',
          REDIS_URL: redisUrl,
          DATABASE_URL: db.url,
          AUTH_JWT_SECRET: secret,
          AUTH_DEV_SIGNIN: 'true',
          PUBLIC_URL: 'https://credentials.example',
        },
        logs.logger,
        [],
      );
      keyed = await bootGatewayWith(
        { REDIS_URL: redisUrl, DATABASE_URL: db.url, AUTH_JWT_SECRET: secret },
        logs.logger,
        [],
      );
    });
    afterAll(async () => {
      await https?.close();
      await keyed?.close();
    });

    it('offers the development sign-in only with AUTH_DEV_SIGNIN=true', async () => {
      expect(await (await fetch(`${keyed.url}/auth/config`)).json()).toEqual({ oidc: false, devSignIn: false });
      const res = await new TestBrowser(keyed.url).devSignIn({ email: 'jo@corp.example' });
      expect(res.status).toBe(404);
      expect(await (await fetch(`${https.url}/auth/config`)).json()).toEqual({ oidc: false, devSignIn: true });
    });

    it('uses a Secure __Host- cookie under https, and the bearer token still works beside it', async () => {
      const browser = new TestBrowser(https.url);
      expect((await browser.devSignIn({ email: 'kim@corp.example', name: 'Kim' })).status).toBe(204);
      expect(browser.lastSetCookies[0]).toMatch(/^__Host-cr_session=.*; Secure/i);
      expect((await browser.graphql<{ me: { email: string } }>(ME)).data?.me.email).toBe('kim@corp.example');
      const token = await signToken(secret, { sub: 'sub-lee', email: 'lee@corp.example', name: 'Lee' });
      const res = await fetch(`${https.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          cookie: browser.cookieHeader(),
        },
        body: JSON.stringify({ query: ME }),
      });
      // The bearer token wins over the cookie when both are sent.
      expect(((await res.json()) as { data: { me: { email: string } } }).data.me.email).toBe('lee@corp.example');
    });
  });

  it('refuses AUTH_DEV_SIGNIN=true with NODE_ENV=production at config load, naming it', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(40),
      CREDENTIALS_MASTER_KEY: 'k1:' + Buffer.alloc(32).toString('base64'),
      RUNTIME_TOKEN: 'r'.repeat(40),
      INVITATION_SECRET: 'i'.repeat(40),
    };
    expect(loadConfig(production).web.devSignIn).toBe(false);
    let error: unknown;
    try {
      loadConfig({ ...production, AUTH_DEV_SIGNIN: 'true' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/AUTH_DEV_SIGNIN=true: .*refused when NODE_ENV=production/);
  });
});
