import { join } from 'node:path';
import { Client } from 'pg';
import { PgliteSqlClient } from '@libs/event-store';
import { signToken } from '@libs/auth';
import { bootApp, type BootedApp } from './support/app';
import { tokenFor } from './support/api';
import { httpFrom } from './support/http-from';
import { captureLogs } from './support/logs';
import { freshPgliteDataDir } from './support/pglite';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';

const secret = 'request-logs-test-secret-0123456789abcdefgh';
interface Line {
  level: number;
  msg: string;
  requestId?: string;
  [key: string]: unknown;
}

/** Issue 11 item 7 (logs): request ids, client errors below error level, secrets censored at any depth. */
describe('request logs', () => {
  const logs = captureLogs('debug');
  let db: TestDatabase;
  let app: BootedApp;
  let token: string;
  const parsed = (): Line[] => logs.lines.map((l) => JSON.parse(l) as Line);
  const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string>, bearer = token) =>
    httpFrom('127.0.0.1', `${app.url}/graphql`, {
      headers: { authorization: `Bearer ${bearer}`, ...headers },
      body: { query, variables },
    });

  beforeAll(async () => {
    db = await createTestDatabase('request_logs');
    app = await bootApp(
      { DATABASE_URL: db.url, REDIS_URL: redisUrl, BULL_PREFIX: uniquePrefix('logs'), AUTH_JWT_SECRET: secret },
      logs.logger,
    );
    token = await tokenFor(secret, { sub: 'sub-lena', email: 'lena@corp-logs.example', name: 'Lena' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it("puts a well-formed x-request-id on the request's log lines and in its events' correlationId", async () => {
    const requestId = 'req-create-org-0001';
    const res = await post(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: 'Logs Inc' } },
      { 'x-request-id': requestId },
    );
    expect(res.headers['x-request-id']).toBe(requestId);
    const orgId = res.json<{ data: { createOrganization: { id: string } } }>().data.createOrganization.id;

    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ metadata: { correlationId: string } }>(
      'SELECT metadata FROM es_events WHERE stream_id LIKE $1',
      [`%${orgId}%`],
    );
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.metadata.correlationId)).toEqual(rows.map(() => requestId));

    // A refused token is logged (debug) while the request is served: with its id.
    await post('{ me { id } }', {}, { 'x-request-id': 'req-bad-token-0002' }, 'not-a-jwt');
    const refused = parsed().filter((l) => l.msg === 'bearer token refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.at(-1)?.requestId).toBe('req-bad-token-0002');
  });

  it('replaces a malformed x-request-id with a fresh one', async () => {
    for (const bad of ['short', 'has spaces in it', '<script>alert(1)</script>', 'x'.repeat(200)]) {
      const res = await post('{ health }', {}, { 'x-request-id': bad });
      const given = res.headers['x-request-id'] as string;
      expect(given).not.toBe(bad);
      expect(given).toMatch(/^[0-9a-f-]{36}$/);
    }
    const res = await post('{ health }', {}, {});
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a BAD_USER_INPUT below error level, with the request id', async () => {
    const requestId = 'req-bad-input-0003';
    const before = logs.lines.length;
    const res = await post(
      'mutation($org: ID!, $name: String!) { createTeam(organizationId: $org, name: $name) { id } }',
      { org: 'no-such-org', name: '' },
      { 'x-request-id': requestId },
    );
    expect(res.json<{ errors: { extensions: { code: string } }[] }>().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const lines = parsed().slice(before);
    const answered = lines.filter((l) => l.msg === 'client error answered');
    expect(answered).toEqual([expect.objectContaining({ level: 20, code: 'BAD_USER_INPUT', requestId })]);
    // Every line written while this request was served carries its id, and none is at error level.
    expect(lines.filter((l) => l.requestId === undefined && l.msg.includes('BAD_USER_INPUT'))).toEqual([]);
    expect(parsed().filter((l) => l.level >= 50)).toEqual([]);
    // The same holds for a token signed with another key, and for NOT_FOUND: still no error line.
    const forged = await signToken('wrong-secret-that-is-long-enough-0123456789', { sub: 'x', email: 'x@y.example' });
    await post('{ me { id } }', {}, {}, forged);
    await post('mutation { acceptInvitation(token: "unknown-token") { requestId } }', {}, {});
    expect(parsed().filter((l) => l.level >= 50)).toEqual([]);
  });

  it("censors a failing query's parameters, and secrets at any depth", async () => {
    const canary = 'sk-live-canary-in-params-4f1e';
    const dataDir = await freshPgliteDataDir('logs');
    const sql = await PgliteSqlClient.open(join(dataDir, 'pglite'));
    let failure: unknown;
    try {
      await sql.query('SELECT $1::int AS n', [canary]);
    } catch (error) {
      failure = error;
    } finally {
      await sql.close();
    }
    // The real driver error carries the parameters: the test plants what production would log.
    expect(JSON.stringify(failure)).toContain(canary);
    logs.logger.error({ err: failure }, 'query failed');
    logs.logger.warn({ job: { data: { wrapped: failure } } }, 'job failed');
    logs.logger.info(
      {
        a: { b: { c: { d: { apiKey: canary, clientSecret: canary, codeVerifier: canary, signingSecret: canary } } } },
        headers: { Authorization: `Bearer ${canary}`, cookie: `sid=${canary}` },
        list: [{ accessToken: canary }, { refreshToken: canary, token: canary, password: canary }],
      },
      'nested',
    );
    const text = logs.text();
    expect(text).not.toContain(canary);
    const failed = parsed().find((l) => l.msg === 'query failed') as Line & { err: Record<string, unknown> };
    expect(failed.err.params).toBe('[redacted]');
    expect(failed.err.message).toEqual(expect.any(String));
    expect(parsed().find((l) => l.msg === 'nested')).toMatchObject({
      a: { b: { c: { d: { apiKey: '[redacted]' } } } },
      headers: { Authorization: '[redacted]' },
    });
  });
});
