import { Client } from 'pg';
import { signToken } from '@libs/auth';
import { GatewayHttpSetup } from '../apps/gateway/src/platform/throttle/http-setup';
import { bootApp, type BootedApp } from './support/app';
import { seedDirectory, type SeededDirectory } from './support/api';
import { gqlFrom, httpFrom, wsFrom } from './support/http-from';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';

const secret = 'rate-limits-test-secret-0123456789abcdefgh';
const runtimeToken = 'runtime-token-for-rate-limit-tests-0123456789';
const LIMIT = 20; // the default AUTH_FAILURE_LIMIT

/**
 * R13.12 (issue 11 item 4): failed authentication is throttled per client address on /graphql, the runtime API,
 * invitation acceptance and the OAuth callback — on Redis, so two gateways share the count. Every guesser below
 * uses its own loopback source address, so the tests do not block each other.
 */
describe('guessing is throttled per client address, across gateways (R13.12)', () => {
  const logs = captureLogs('info');
  let db: TestDatabase;
  let a: BootedApp; // ROLE=all, TRUST_PROXY off
  // ROLE=gateway, internal API on its own port, behind a trusted loopback proxy (without X-Forwarded-For the socket
  // address counts, as on `a`)
  let b: BootedApp;
  let bRuntimeUrl: string;
  let dir: SeededDirectory;

  beforeAll(async () => {
    db = await createTestDatabase('rate_limits');
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      BULL_PREFIX: uniquePrefix('rate'),
      AUTH_JWT_SECRET: secret,
      RUNTIME_TOKEN: runtimeToken,
      // Long windows: the counts below never depend on how fast the machine is.
      AUTH_FAILURE_WINDOW_SECONDS: '3600',
      AUTH_FAILURE_BLOCK_SECONDS: '3600',
      OUTSIDE_EMAILS_PER_TEAM_PER_HOUR: '3',
    };
    a = await bootApp(env, logs.logger);
    b = await bootApp({ ...env, ROLE: 'gateway', RUNTIME_PORT: '0', TRUST_PROXY: 'loopback' }, logs.logger);
    bRuntimeUrl = `http://127.0.0.1:${b.app.get(GatewayHttpSetup).runtimePort}`;
    dir = await seedDirectory(a.url, secret, { enableFeature: true });
  });
  afterAll(async () => {
    await Promise.all([a, b].map((app) => app?.close()));
    await db?.drop();
  });

  const badJwt = (i: number) =>
    signToken('a-different-secret-that-is-long-enough-012345', { sub: `guess-${i}`, email: `g${i}@x.example` });

  it('refuses the 21st wrong JWT with RATE_LIMITED, whichever gateway counted the first 20', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 100; i++) {
      const gateway = i % 2 === 0 ? a : b;
      codes.push((await gqlFrom('127.0.0.11', gateway.url, await badJwt(i), '{ me { id } }')).code);
    }
    // Each gateway saw only half of the failures: the block proves the count is shared (Redis).
    expect(codes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('UNAUTHENTICATED'));
    expect(codes.slice(LIMIT)).toEqual(Array(100 - LIMIT).fill('RATE_LIMITED'));

    const blocked = await gqlFrom('127.0.0.11', a.url, dir.owner.token, '{ me { id } }');
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].extensions.retryAfter).toEqual(expect.any(Number));
    expect(blocked.errors?.[0].extensions.retryAfter as number).toBeGreaterThan(0);
    // Another address is not affected, on either gateway.
    for (const gateway of [a, b]) {
      const other = await gqlFrom('127.0.0.12', gateway.url, dir.owner.token, '{ me { id } }');
      expect(other.errors).toBeUndefined();
      expect(other.data).toEqual({ me: { id: dir.owner.id } });
    }
  });

  it('ignores a forged X-Forwarded-For when TRUST_PROXY is off', async () => {
    const forged = await gqlFrom('127.0.0.11', a.url, dir.owner.token, '{ me { id } }', undefined, {
      'x-forwarded-for': '203.0.113.77',
    });
    expect(forged.code).toBe('RATE_LIMITED');
  });

  it('counts the forwarded address when the proxy is trusted (TRUST_PROXY=loopback)', async () => {
    const from = (xff: string, token: string) =>
      gqlFrom('127.0.0.13', b.url, token, '{ me { id } }', undefined, { 'x-forwarded-for': xff });
    for (let i = 0; i < LIMIT; i++) expect((await from('198.51.100.7', await badJwt(i))).code).toBe('UNAUTHENTICATED');
    expect((await from('198.51.100.7', await badJwt(99))).code).toBe('RATE_LIMITED');
    // Same proxy, another client behind it.
    expect((await from('198.51.100.8', dir.owner.token)).data).toEqual({ me: { id: dir.owner.id } });
  });

  it('answers 429 with Retry-After after the 20th wrong runtime token, and no-store on every answer', async () => {
    const call = (base: string, token: string, source = '127.0.0.21') =>
      httpFrom(source, `${base}/internal/connections/00000000-0000-4000-8000-000000000000/credentials`, {
        headers: { authorization: `Bearer ${token}` },
        body: { moduleKey: 'm', scenarioId: 's', teamId: dir.teamId },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await call(i % 2 === 0 ? a.url : bRuntimeUrl, `wrong-${i}`);
      expect(res.headers['cache-control']).toBe('no-store');
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.json()).toMatchObject({ error: 'RATE_LIMITED' });
      }
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
    expect(statuses.slice(LIMIT)).toEqual(Array(100 - LIMIT).fill(429));
    expect((await call(a.url, runtimeToken)).status).toBe(429);
    // The right token from another address gets past authentication (the connection is unknown: 404).
    const other = await call(bRuntimeUrl, runtimeToken, '127.0.0.22');
    expect(other.status).toBe(404);
    expect(other.headers['cache-control']).toBe('no-store');
  });

  it('serves /internal/* only on RUNTIME_PORT when it is set, and nothing else there', async () => {
    const path = '/internal/connections/x/credentials';
    const onPublic = await httpFrom('127.0.0.23', `${b.url}${path}`, {
      headers: { authorization: `Bearer ${runtimeToken}` },
      body: {},
    });
    expect(onPublic.status).toBe(404);
    const graphqlOnRuntime = await httpFrom('127.0.0.23', `${bRuntimeUrl}/graphql`, { body: { query: '{ health }' } });
    expect(graphqlOnRuntime.status).toBe(404);
    const onRuntime = await httpFrom('127.0.0.23', `${bRuntimeUrl}${path}`, {
      headers: { authorization: `Bearer ${runtimeToken}` },
      body: {},
    });
    expect(onRuntime.status).toBe(400); // authenticated, then the body is refused
    expect((await gqlFrom('127.0.0.23', b.url, undefined, '{ health }')).data).toEqual({ health: 'ok' });
  });

  it('refuses unknown invitation tokens with RATE_LIMITED after the 20th (50 tries)', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 50; i++) {
      const gateway = i % 2 === 0 ? a : b;
      const res = await gqlFrom(
        '127.0.0.31',
        gateway.url,
        dir.stranger.token,
        'mutation($t: String!) { acceptInvitation(token: $t) { requestId } }',
        { t: `guessed-token-${i}` },
      );
      codes.push(res.code);
    }
    expect(codes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('NOT_FOUND'));
    expect(codes.slice(LIMIT)).toEqual(Array(50 - LIMIT).fill('RATE_LIMITED'));
    // The same user from another address still gets the ordinary answer.
    const other = await gqlFrom(
      '127.0.0.32',
      a.url,
      dir.stranger.token,
      'mutation($t: String!) { acceptInvitation(token: $t) { requestId } }',
      { t: 'guessed-token-x' },
    );
    expect(other.code).toBe('NOT_FOUND');
  });

  it('counts wrong tokens in graphql-ws connection_init per client address: the 21st socket is closed 4429', async () => {
    const closes: (number | undefined)[] = [];
    for (let i = 0; i < 25; i++) closes.push((await wsFrom('127.0.0.41', a.url, await badJwt(i))).closed);
    expect(closes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(4403));
    expect(closes.slice(LIMIT)).toEqual(Array(25 - LIMIT).fill(4429));
    const blocked = await wsFrom('127.0.0.41', b.url, dir.owner.token);
    expect(blocked).toMatchObject({ closed: 4429, reason: expect.stringMatching(/Too many failed attempts/) });
    // The blocked address over HTTP too (one count), and another address untouched.
    expect((await gqlFrom('127.0.0.41', a.url, dir.owner.token, '{ me { id } }')).code).toBe('RATE_LIMITED');
    expect(await wsFrom('127.0.0.42', a.url, dir.owner.token)).toEqual({ code: 'ok' });
  });

  it('counts unknown tokens read through invitation(token), as acceptInvitation does', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await gqlFrom(
        '127.0.0.51',
        b.url,
        dir.stranger.token,
        'query($t: String!) { invitation(token: $t) { email } }',
        {
          t: `guessed-preview-${i}`,
        },
      );
      codes.push(res.code);
    }
    expect(codes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('NOT_FOUND'));
    expect(codes.slice(LIMIT)).toEqual(Array(25 - LIMIT).fill('RATE_LIMITED'));
  });

  it('counts acceptInvitation over graphql-ws per client (the forwarded address behind a trusted proxy), not in one shared bucket', async () => {
    const accept = { query: 'mutation($t: String!) { acceptInvitation(token: $t) { requestId } }' };
    const from = (client: string, i: number) =>
      wsFrom(
        '127.0.0.61',
        b.url,
        dir.stranger.token,
        { ...accept, variables: { t: `ws-guess-${i}` } },
        {
          'x-forwarded-for': client,
        },
      );
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 21; i++) codes.push((await from('198.51.100.70', i)).code);
    expect(codes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('NOT_FOUND'));
    expect(codes[LIMIT]).toBe('RATE_LIMITED');
    // Another client behind the same proxy still gets the ordinary answer.
    expect((await from('198.51.100.71', 99)).code).toBe('NOT_FOUND');
  });

  it('answers 429 on /oauth/callback after the 20th unknown state', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const base = i % 2 === 0 ? a.url : b.url;
      const res = await httpFrom('127.0.0.41', `${base}/oauth/callback?state=guess-${i}&code=c`);
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(400));
    expect(statuses.slice(LIMIT)).toEqual(Array(30 - LIMIT).fill(429));
    expect((await httpFrom('127.0.0.42', `${a.url}/oauth/callback?state=guess-x`)).status).toBe(400);
  });

  it('caps e-mails to outside addresses per team and hour: the 4th answers RATE_LIMITED and appends nothing', async () => {
    const create = (i: number, recipient: Record<string, string>) =>
      gqlFrom(
        '127.0.0.51',
        i % 2 === 0 ? a.url : b.url,
        dir.owner.token,
        'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
        {
          input: {
            teamId: dir.teamId,
            termsAccepted: true,
            name: `Outside ${i}`,
            recipient,
            apps: [{ appKey: 'email', modules: ['get-emails'] }],
          },
        },
      );
    for (let i = 0; i < 3; i++) {
      const res = await create(i, { name: `Guest ${i}`, email: `guest${i}@outside-${i}.example` });
      expect(res.errors).toBeUndefined();
    }
    const before = await countEvents(db.url, 'RequestCreated');
    const fourth = await create(3, { name: 'Guest 3', email: 'guest3@outside-3.example' });
    expect(fourth.code).toBe('RATE_LIMITED');
    expect(fourth.errors?.[0].extensions.retryAfter as number).toBeGreaterThan(0);
    expect(await countEvents(db.url, 'RequestCreated')).toBe(before);
    // Members of the organization are not outside addresses: no cap.
    const inside = await create(4, { userId: dir.member.id });
    expect(inside.errors).toBeUndefined();
    expect(await countEvents(db.url, 'RequestCreated')).toBe(before + 1);
  });

  it('logs blocked clients at info level, and none of these refusals at error level', () => {
    const lines = logs.lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.some((l) => l.msg === 'failed authentications: client blocked' && l.level === 30)).toBe(true);
    expect(lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  });
});

async function countEvents(url: string, type: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM es_events WHERE type = $1', [type]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
