import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandBus } from '@nestjs/cqrs';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import {
  AddOrganizationMemberCommand,
  AddTeamMemberCommand,
  ApplyForCredentialRequestsCommand,
  ChangeOrganizationPlanCommand,
  CreateOrganizationCommand,
  CreateTeamCommand,
  ReviewCredentialRequestsApplicationCommand,
  type CommandContext,
  userIdForEmail,
} from '@libs/application';
import { streams } from '@libs/domain';
import { EVENT_STORE, type EventStore } from '@libs/event-store';
import { bootApp, type BootedApp } from './support/app';
import { codeOf, gql, gqlOk } from './support/api';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';
import { GOOD_API_KEY, startVerificationServer, writeTestCatalog } from './support/requests-fixture';

const DOMAIN = 'identity-corp.example';
const ISSUER = 'https://idp.identity.test';

/**
 * R13.2 against the real gateway, its real user commands and an identity provider's JWKS served on loopback (ES256,
 * AUTH_ALGORITHMS pinned): the takeover the probe found — an unverified token with another `sub` acting as an
 * existing user — and the records no verified sign-in has bound.
 */
describe('identity: an unverified e-mail proves nothing (SPEC R13.2)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let booted: BootedApp;
  let jwks: Server;
  let verification: Awaited<ReturnType<typeof startVerificationServer>>;
  let privateKey: CryptoKey;
  let bus: CommandBus;
  let store: EventStore;
  let counter = 0;
  const ctx = (userId: string | null, isSupport = false): CommandContext => ({
    actor: { userId, isSupport },
    correlationId: `identity-${++counter}`,
    causationId: null,
  });
  const sign = (claims: Record<string, unknown>, sub: string, exp: string | null = '10m') => {
    let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'idp-1' }).setSubject(sub).setIssuer(ISSUER);
    if (exp) jwt = jwt.setExpirationTime(exp);
    return jwt.sign(privateKey);
  };
  const verified = (email: string, sub: string, extra: Record<string, unknown> = {}) =>
    sign({ email, name: email, email_verified: true, ...extra }, sub);
  const streamLength = async (userId: string) => (await store.readStream(streams.user(userId))).length;

  let owner: { id: string; token: string };
  let bob: { id: string; token: string };
  let requestId: string;

  beforeAll(async () => {
    const keys = await generateKeyPair('ES256');
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'idp-1', alg: 'ES256' };
    jwks = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    verification = await startVerificationServer();
    db = await createTestDatabase('identity');
    booted = await bootApp(
      {
        REDIS_URL: redisUrl,
        DATABASE_URL: db.url,
        AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
        AUTH_ISSUER: ISSUER,
        AUTH_ALGORITHMS: 'ES256',
        APPS_CATALOG: writeTestCatalog(verification.url),
        ROLE: 'all',
      },
      logs.logger,
    );
    bus = booted.app.get(CommandBus);
    store = booted.app.get<EventStore>(EVENT_STORE, { strict: false });

    const signIn = async (email: string, sub: string, support = false) => {
      const token = await verified(email, sub, support ? { platform_role: 'support' } : {});
      const { me } = await gqlOk<{ me: { id: string } }>(booted.url, token, '{ me { id } }');
      return { id: me.id, token };
    };
    const support = await signIn('support@platform.example', 'sub-support', true);
    owner = await signIn(`olga@${DOMAIN}`, 'sub-olga');
    // The real user signs in first: their `sub` is bound.
    bob = await signIn(`bob@${DOMAIN}`, 'sub-bob');
    const { organizationId } = await bus.execute(new CreateOrganizationCommand({ name: 'Acme' }, ctx(owner.id)));
    await bus.execute(new ChangeOrganizationPlanCommand({ organizationId, plan: 'ENTERPRISE' }, ctx(support.id, true)));
    const { teamId } = await bus.execute(new CreateTeamCommand({ organizationId, name: 'Ops' }, ctx(owner.id)));
    await bus.execute(
      new AddOrganizationMemberCommand(
        { organizationId, email: `bob@${DOMAIN}`, name: 'Bob', role: 'MEMBER' },
        ctx(owner.id),
      ),
    );
    await bus.execute(new AddTeamMemberCommand({ teamId, userId: bob.id, role: 'MEMBER' }, ctx(owner.id)));
    // Carl is added by a colleague and never signs in: his record is not bound.
    await bus.execute(
      new AddOrganizationMemberCommand(
        { organizationId, email: `carl@${DOMAIN}`, name: 'Carl', role: 'MEMBER' },
        ctx(owner.id),
      ),
    );
    await bus.execute(new ApplyForCredentialRequestsCommand(ctx(owner.id)));
    await bus.execute(
      new ReviewCredentialRequestsApplicationCommand({ userId: owner.id, approve: true }, ctx(support.id, true)),
    );
    const created = await gqlOk<{ createCredentialRequest: { id: string } }>(
      booted.url,
      owner.token,
      'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      {
        input: {
          teamId,
          termsAccepted: true,
          name: 'CRM access',
          recipient: { userId: bob.id },
          apps: [{ appKey: 'crm-keyed', allModules: true }],
        },
      },
    );
    requestId = created.createCredentialRequest.id;
  });
  afterAll(async () => {
    await booted?.close();
    await db?.drop();
    jwks?.closeAllConnections();
    await new Promise((r) => jwks?.close(r));
    verification?.server.close();
  });

  it('the takeover: an unverified token with another sub reads nothing and authorizes nothing', async () => {
    const bobBefore = await streamLength(bob.id);
    const received = '{ receivedCredentialRequests { totalCount edges { node { id } } } }';
    expect(
      (await gqlOk<{ receivedCredentialRequests: { totalCount: number } }>(booted.url, bob.token, received))
        .receivedCredentialRequests.totalCount,
    ).toBe(1);

    for (const emailVerified of [false, undefined, 'true']) {
      const attacker = await sign(
        {
          email: `Bob@${DOMAIN}`,
          name: 'Mallory',
          ...(emailVerified === undefined ? {} : { email_verified: emailVerified }),
        },
        'sub-mallory',
      );
      const read = await gql(booted.url, attacker, received);
      expect(read.data).toBeNull();
      expect(codeOf(read)).toBe('UNAUTHENTICATED');
      expect(read.errors?.[0].message).toMatch(/verif/);

      const callsBefore = verification.calls.length;
      const authorized = await gql(
        booted.url,
        attacker,
        'mutation($input: AuthorizeAppInput!) { authorizeApp(input: $input) { status } }',
        { input: { requestId, appKey: 'crm-keyed', apiKey: GOOD_API_KEY } },
      );
      expect(codeOf(authorized)).toBe('UNAUTHENTICATED');
      expect(authorized.data).toBeNull();
      expect(verification.calls.length).toBe(callsBefore);
    }
    // Bob's record is untouched (no rebind, no rename) and the request still waits for him.
    expect(await streamLength(bob.id)).toBe(bobBefore);
    const { credentialRequest } = await gqlOk<{ credentialRequest: { apps: { status: string }[] } }>(
      booted.url,
      bob.token,
      'query($id: ID!) { credentialRequest(id: $id) { apps { status } } }',
      { id: requestId },
    );
    expect(credentialRequest.apps.map((a) => a.status)).toEqual(['PENDING']);
  });

  it('an unverified token creates no user record', async () => {
    const email = `newcomer@${DOMAIN}`;
    const token = await sign({ email, name: 'Newcomer', email_verified: false }, 'sub-newcomer');
    expect(codeOf(await gql(booted.url, token, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(booted.url, token, 'mutation { applyForCredentialRequests { id } }'))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await streamLength(userIdForEmail(email))).toBe(0);
  });

  it('approving a record no verified sign-in has bound is NOT_ELIGIBLE', async () => {
    const support = await verified('support@platform.example', 'sub-support', { platform_role: 'support' });
    const review = await gql(
      booted.url,
      support,
      'mutation($id: ID!) { reviewCredentialRequestsApplication(userId: $id, approve: true) { id } }',
      { id: userIdForEmail(`carl@${DOMAIN}`) },
    );
    expect(codeOf(review)).toBe('NOT_ELIGIBLE');
  });

  it('refuses tokens without exp and tokens signed with an algorithm not pinned', async () => {
    const noExp = await sign({ email: `bob@${DOMAIN}`, email_verified: true }, 'sub-bob', null);
    expect(codeOf(await gql(booted.url, noExp, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    // The same claims under a key the JWKS does not hold, and as HS256 (algorithm confusion): refused.
    const other = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ email: `bob@${DOMAIN}`, email_verified: true })
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setSubject('sub-bob')
      .setIssuer(ISSUER)
      .setExpirationTime('10m')
      .sign(other.privateKey);
    const hs = await new SignJWT({ email: `bob@${DOMAIN}`, email_verified: true })
      .setProtectedHeader({ alg: 'HS256', kid: 'idp-1' })
      .setSubject('sub-bob')
      .setIssuer(ISSUER)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a-guessable-secret-of-enough-length-000'));
    for (const token of [foreign, hs])
      expect(codeOf(await gql(booted.url, token, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(booted.url, bob.token, '{ me { id } }'))).toBeUndefined();
  });
});
