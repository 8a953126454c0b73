import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BootedApp } from './support/app';
import { bootGatewayWith } from './support/gateway-app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd.js"></script></head></html>';

describe('the gateway serves the web app (issue #10)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let built: BootedApp;
  let unbuilt: BootedApp;

  beforeAll(async () => {
    db = await createTestDatabase('web_serving');
    const dist = mkdtempSync(join(tmpdir(), 'cr-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd.js'), 'console.log("app")');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const env = { REDIS_URL: redisUrl, DATABASE_URL: db.url };
    built = await bootGatewayWith({ ...env, WEB_DIST: dist }, logs.logger, []);
    unbuilt = await bootGatewayWith({ ...env, WEB_DIST: join(dist, 'missing') }, logs.logger, []);
  });
  afterAll(async () => {
    await built?.close();
    await unbuilt?.close();
    await db?.drop();
  });

  it.each([
    '/',
    '/requests/7f1c2d3e-0000-4000-8000-000000000001',
    '/invitations/abc_DEF-123',
    '/requests/7f1c2d3e-0000-4000-8000-000000000001/apps/hubspot/reauthorize',
    '/requests/x?oauth=authorized&app=crm',
    '/credential-requests/sent',
  ])('answers the client route %s with index.html (history fallback), not cached', async (path) => {
    const res = await fetch(`${built.url}${path}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  it('serves hashed assets with a long cache, other files revalidated, a missing asset 404', async () => {
    const asset = await fetch(`${built.url}/assets/index-Ab12Cd.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("app")');
    const icon = await fetch(`${built.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    const missing = await fetch(`${built.url}/assets/nope-123.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toBe(INDEX);
  });

  it.each(['/auth/nope', '/internal/nope', '/health/nope', '/oauth/nope', '/admin/nope', '/metrics/x'])(
    'keeps a JSON 404 for the unknown API path %s',
    async (path) => {
      const res = await fetch(`${built.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    },
  );

  it('keeps the API routes: health, GraphQL, the OAuth callback, auth', async () => {
    const health = await fetch(`${built.url}/health/live`);
    expect(health.status).toBe(200);
    const gql = await fetch(`${built.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health }' }),
    });
    expect(await gql.json()).toEqual({ data: { health: 'ok' } });
    const callback = await fetch(`${built.url}/oauth/callback?state=unknown&code=x`);
    expect(callback.status).toBe(400);
    expect(await callback.json()).toMatchObject({ error: 'INVALID_STATE' });
    expect(await (await fetch(`${built.url}/auth/config`)).json()).toEqual({ oidc: false, devSignIn: true });
    // Not a GET: never the app.
    const post = await fetch(`${built.url}/requests/1`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('serves no GraphQL explorer at GET /graphql (it would load from a CDN)', async () => {
    const res = await fetch(`${built.url}/graphql`, { headers: { accept: 'text/html' } });
    const body = await res.text();
    expect(body).not.toMatch(/unpkg|cdn|<script/i);
    expect(body).not.toBe(INDEX);
    // Apollo owns everything under /graphql: never the app.
    const under = await fetch(`${built.url}/graphql/nope`, { headers: { accept: 'text/html' } });
    expect(under.status).toBeGreaterThanOrEqual(400);
    expect(await under.text()).not.toBe(INDEX);
  });

  it('answers a plain 503 page when the web app is not built, while the API works', async () => {
    const res = await fetch(`${unbuilt.url}/requests/1`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await res.text();
    expect(body).toContain('The web app is not built');
    expect(body).not.toMatch(/<script|style=/i);
    const gql = await fetch(`${unbuilt.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health }' }),
    });
    expect(gql.status).toBe(200);
  });
});
