import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqlClient, runMigrations, type SqlClient } from '@libs/event-store';
import { FileMailer } from '@libs/mailer';
import { CONNECTIONS_MIGRATIONS } from '../apps/gateway/src/connections/connections.migrations';
import { OAuthStatePurge } from '../apps/gateway/src/connections/oauth-state.purge';
import { OAUTH_STATE_TTL_MS, OAuthStateStore } from '../apps/gateway/src/connections/oauth-state.store';
import { bootApp, type BootedApp } from './support/app';
import { httpFrom } from './support/http-from';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';

const metricsToken = 'metrics-token-for-tests-0123456789';

/** Issue 11 item 9: /metrics access, .eml file modes, abandoned PKCE verifiers purged on a timer. */
describe('/metrics access', () => {
  const logs = captureLogs('info');
  let db: TestDatabase;
  let withToken: BootedApp;
  let embedded: BootedApp;

  beforeAll(async () => {
    db = await createTestDatabase('small_hardening');
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl, BULL_PREFIX: uniquePrefix('metrics') };
    withToken = await bootApp({ ...env, METRICS_TOKEN: metricsToken }, logs.logger);
    // A trusted proxy on loopback lets the test speak for a remote client through X-Forwarded-For.
    embedded = await bootApp({ ...env, TRUST_PROXY: 'loopback' }, logs.logger);
  });
  afterAll(async () => {
    await Promise.all([withToken?.close(), embedded?.close()]);
    await db?.drop();
  });

  it('wants the bearer METRICS_TOKEN when it is set, even from loopback', async () => {
    const url = `${withToken.url}/metrics`;
    expect((await httpFrom('127.0.0.1', url)).status).toBe(401);
    expect((await httpFrom('127.0.0.1', url, { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
    const ok = await httpFrom('127.0.0.1', url, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatch(/^worker_queue_depth/m);
  });

  it('counts wrong METRICS_TOKENs per client address (R13.12): the 21st answers 429, another address is unaffected', async () => {
    const url = `${withToken.url}/metrics`;
    const wrong = { headers: { authorization: 'Bearer guessed-metrics-token' } };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await httpFrom('127.0.0.91', url, wrong)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    // Blocked means blocked, the right token included; another address scrapes as before.
    const right = { headers: { authorization: `Bearer ${metricsToken}` } };
    expect((await httpFrom('127.0.0.91', url, right)).status).toBe(429);
    expect((await httpFrom('127.0.0.92', url, right)).status).toBe(200);
  });

  it('without METRICS_TOKEN, answers loopback clients only', async () => {
    const url = `${embedded.url}/metrics`;
    expect((await httpFrom('127.0.0.1', url)).status).toBe(200);
    const remote = await httpFrom('127.0.0.1', url, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(remote.status).toBe(404);
    expect(remote.body).not.toContain('worker_');
  });
});

describe('.eml files', () => {
  it('are written readable by the service user only (0600), in a 0700 directory', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cr-eml-')), 'mail');
    const mailer = new FileMailer({ dir, from: 'Credential requests <no-reply@localhost>' });
    const sent = await mailer.send({
      to: 'ana@corp.example',
      subject: 'Invitation',
      text: 'https://example.test/invitations/secret-token',
      html: '<p>link</p>',
      messageId: 'evt-1:invitation:ana@corp.example',
    });
    // Sent again (a retried job): the replacing file is 0600 too.
    await mailer.send({
      to: 'ana@corp.example',
      subject: 'Invitation',
      text: 'again',
      html: '<p>again</p>',
      messageId: 'evt-1:invitation:ana@corp.example',
    });
    await mailer.close();
    expect(readdirSync(dir)).toEqual([sent.path!.split('/').pop()]);
    expect(statSync(sent.path!).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

describe('abandoned OAuth2 states', () => {
  let db: TestDatabase;
  let sql: SqlClient;
  let store: OAuthStateStore;
  const record = (verifier: string) => ({
    userId: 'u-1',
    requestId: 'r-1',
    appKey: 'hubspot',
    codeVerifier: verifier,
    accessUntil: null,
    browserBinding: null,
  });
  const verifiers = async () =>
    (await sql.query<{ code_verifier: string }>('SELECT code_verifier FROM oauth_states ORDER BY created_at')).map(
      (r) => r.code_verifier,
    );

  beforeAll(async () => {
    db = await createTestDatabase('oauth_purge');
    sql = await createSqlClient({ databaseUrl: db.url, dataDir: tmpdir(), poolSize: 2 });
    await runMigrations(sql, { namespace: 'connections', migrations: CONNECTIONS_MIGRATIONS });
    store = new OAuthStateStore(sql);
  });
  afterAll(async () => {
    await sql?.close();
    await db?.drop();
  });

  it('lose their PKCE verifier once expired, and the row after twice the TTL', async () => {
    const now = new Date();
    // The live one first: a save also drops rows far past their expiry (the old housekeeping), which is not the timer.
    await store.save('live-state', record('verifier-live'), now);
    await store.save('old-state', record('verifier-old-canary'), new Date(now.getTime() - 3 * OAUTH_STATE_TTL_MS));
    await store.save(
      'expired-state',
      record('verifier-expired-canary'),
      new Date(now.getTime() - OAUTH_STATE_TTL_MS - 1000),
    );
    expect(await store.purgeExpired(now)).toEqual({ wiped: 2, deleted: 1 });
    expect(await verifiers()).toEqual(['', 'verifier-live']);
    expect(await store.consume('expired-state', now)).toBeNull();
    expect(await store.consume('live-state', now)).toMatchObject({ codeVerifier: 'verifier-live' });
  });

  it('are purged by the timer, with no new grant started', async () => {
    await sql.query('DELETE FROM oauth_states');
    const now = new Date();
    await store.save(
      'abandoned',
      record('verifier-abandoned-canary'),
      new Date(now.getTime() - OAUTH_STATE_TTL_MS - 1000),
    );
    const logs = captureLogs();
    const purge = new OAuthStatePurge(store, { now: () => new Date() }, logs.logger, 20);
    purge.onModuleInit();
    try {
      const deadline = Date.now() + 10_000;
      while ((await verifiers())[0] !== '' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      purge.onApplicationShutdown();
    }
    expect(await verifiers()).toEqual(['']);
  });
});
