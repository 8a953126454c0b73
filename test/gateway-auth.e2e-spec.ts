import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { EMBEDDED_JWT_SECRET_FILE, signToken } from '@libs/auth';
import { tokenFromArgs } from '../scripts/token';
import type { BootedApp } from './support/app';
import { bootGatewayWith, postGraphql } from './support/gateway-app';
import { identityProvisionerModule, InMemoryIdentityProvisioner } from './support/identity-provisioner';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { ProbeModule } from './support/probe-resolver';
import { redisUrl } from './support/redis';

const secret = 'gateway-auth-test-secret-0123456789abcdefgh';
const issuer = 'https://idp.test';
const ana = { sub: 'sub-ana', email: 'Ana@Corp.Example', name: 'Ana' };

/** One subscription over graphql-ws: the first result (data or errors). */
async function subscribeOnce(url: string, query: string, connectionParams: Record<string, unknown>) {
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  try {
    return await new Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }>(
      (resolve, reject) => {
        const unsubscribe = client.subscribe(
          { query },
          {
            next: (value) => {
              unsubscribe();
              resolve(value as never);
            },
            error: (error: unknown) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
            complete: () => undefined,
          },
        );
      },
    );
  } finally {
    await client.dispose();
  }
}

describe('authentication at the gateway (SPEC R1.2, R13.2)', () => {
  const logs = captureLogs();
  const provisioner = new InMemoryIdentityProvisioner();
  let db: TestDatabase;
  let booted: BootedApp;
  const ask = (query: string, token?: string) => postGraphql(booted.url, query, undefined, token);

  beforeAll(async () => {
    db = await createTestDatabase('gql_auth');
    booted = await bootGatewayWith(
      { REDIS_URL: redisUrl, DATABASE_URL: db.url, AUTH_JWT_SECRET: secret, AUTH_ISSUER: issuer },
      logs.logger,
      [ProbeModule, identityProvisionerModule(provisioner)],
    );
  });
  afterAll(async () => {
    await booted?.close();
    await db?.drop();
  });

  it('keeps Query.health public', async () => {
    expect((await ask('{ health }')).body).toEqual({ data: { health: 'ok' } });
  });

  it.each([
    ['no token', async () => undefined],
    ['a garbage token', async () => 'not-a-jwt'],
    ['a bad signature', () => signToken('another-secret-that-is-long-enough-0123456', ana, { issuer })],
    ['an expired token', () => signToken(secret, ana, { issuer, expiresIn: '-1m' })],
    ['a wrong issuer', () => signToken(secret, ana, { issuer: 'https://evil.test' })],
    ['no issuer at all', () => signToken(secret, ana)],
  ])('answers UNAUTHENTICATED for %s, with no data', async (_label, makeToken) => {
    const { body, text } = await ask('{ whoAmI }', await makeToken());
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ path: ['whoAmI'], extensions: { code: 'UNAUTHENTICATED' } });
    expect(text).not.toContain('stacktrace');
  });

  it('provisions the caller once per operation and hands it to @CurrentIdentity()', async () => {
    const token = await signToken(secret, { ...ana, support: true }, { issuer });
    const before = provisioner.calls;
    const { body } = await ask('{ a: whoAmI b: whoAmI }', token);
    expect(body).toEqual({ data: { a: 'user-1:ana@corp.example:support', b: 'user-1:ana@corp.example:support' } });
    expect(provisioner.calls - before).toBe(1);
  });

  it('lets the provisioner refuse (same e-mail, another sub: UNAUTHENTICATED, R13.2)', async () => {
    await ask('{ whoAmI }', await signToken(secret, ana, { issuer }));
    const other = await signToken(secret, { ...ana, sub: 'sub-impostor' }, { issuer });
    const { body } = await ask('{ whoAmI }', other);
    expect(body.errors?.[0]).toMatchObject({
      message: 'this e-mail is bound to another identity',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('checks graphql-ws subscriptions with connectionParams.authorization', async () => {
    const query = 'subscription { probeTicks }';
    const token = await signToken(secret, ana, { issuer });
    const signedIn = await subscribeOnce(booted.url, query, { authorization: `Bearer ${token}` });
    expect(signedIn).toEqual({ data: { probeTicks: 'tick for ana@corp.example' } });
  });

  it('shapes graphql-ws validation errors like HTTP ones (BAD_USER_INPUT)', async () => {
    const token = await signToken(secret, ana, { issuer });
    const result = await subscribeOnce(booted.url, 'subscription { noSuchField }', {
      authorization: `Bearer ${token}`,
    });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('embedded mode: a generated development secret (R13.2, ARCHITECTURE configuration)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let booted: BootedApp;

  beforeAll(async () => {
    db = await createTestDatabase('gql_embedded');
    booted = await bootGatewayWith({ REDIS_URL: redisUrl, DATABASE_URL: db.url }, logs.logger, [
      ProbeModule,
      identityProvisionerModule(new InMemoryIdentityProvisioner()),
    ]);
  });
  afterAll(async () => {
    await booted?.close();
    await db?.drop();
  });

  it('writes the secret once to DATA_DIR, warns that it is for development, and never logs it', () => {
    const value = readFileSync(join(booted.config.dataDir, EMBEDDED_JWT_SECRET_FILE), 'utf8').trim();
    expect(value.length).toBeGreaterThanOrEqual(32);
    const warning = logs.lines
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .find((l) => /DEVELOPMENT secret/.test(l.msg));
    expect(warning?.level).toBe(40);
    expect(logs.text()).not.toContain(value);
  });

  it('accepts what `npm run token` prints for the same DATA_DIR', async () => {
    const token = await tokenFromArgs(['--email', 'dev@corp.example', '--name', 'Dev', '--unverified'], {
      DATA_DIR: booted.config.dataDir,
    });
    const { body } = await postGraphql(booted.url, '{ whoAmI }', undefined, token);
    expect(body).toEqual({ data: { whoAmI: 'user-1:dev@corp.example:user' } });
    const forged = await signToken('some-other-secret-of-enough-length-000000', {
      sub: 'x',
      email: 'dev@corp.example',
    });
    expect((await postGraphql(booted.url, '{ whoAmI }', undefined, forged)).body.errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
