import type { BootedApp } from './support/app';
import { bootGatewayWith } from './support/gateway-app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
  );

describe('HTTP security headers and CORS (issue #10)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let plain: BootedApp;
  let https: BootedApp;

  beforeAll(async () => {
    db = await createTestDatabase('http_headers');
    const env = { REDIS_URL: redisUrl, DATABASE_URL: db.url };
    plain = await bootGatewayWith({ ...env, PUBLIC_URL: 'http://localhost:3999' }, logs.logger, []);
    https = await bootGatewayWith(
      { ...env, PUBLIC_URL: 'https://credentials.example', CORS_ORIGINS: 'https://partner.example' },
      logs.logger,
      [],
    );
  });
  afterAll(async () => {
    await plain?.close();
    await https?.close();
    await db?.drop();
  });

  const graphqlPost = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ health }' }),
    });

  it.each(['/', '/graphql', '/health/live', '/auth/config'])(
    'sends helmet headers and the web CSP on %s',
    async (path) => {
      const res = path === '/graphql' ? await graphqlPost(plain.url) : await fetch(`${plain.url}${path}`);
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:3999']);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\//);
    },
  );

  it('adds HSTS and wss:// under an https PUBLIC_URL', async () => {
    const res = await fetch(`${https.url}/`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('connect-src')).toEqual(["'self'", 'wss://credentials.example']);
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
  });

  it('grants no CORS to an origin that is not listed, by default none at all', async () => {
    for (const app of [plain, https]) {
      const res = await graphqlPost(app.url, { origin: 'https://evil.example' });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const preflight = await fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    }
    const partnerOnPlain = await graphqlPost(plain.url, { origin: 'https://partner.example' });
    expect(partnerOnPlain.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('grants CORS with credentials to an origin listed in CORS_ORIGINS', async () => {
    const preflight = await fetch(`${https.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const res = await graphqlPost(https.url, { origin: 'https://partner.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(res.headers.get('vary')).toMatch(/origin/i);
    expect(await res.json()).toEqual({ data: { health: 'ok' } });
  });
});
