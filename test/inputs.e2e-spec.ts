import { bootApp, type BootedApp } from './support/app';
import { codeOf, gql, gqlOk, seedDirectory, type SeededDirectory } from './support/api';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const SECRET = 'inputs-e2e-jwt-secret-0123456789abcdef';
const CREATE = 'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }';

/**
 * Issue 11 item 8 against the real gateway: characters that break plain-text e-mails, logs or PostgreSQL are
 * BAD_USER_INPUT naming the field — never a 500 — and R13.3's one round of errors (catalog ones included).
 */
describe('string inputs (R13.3)', () => {
  const logs = captureLogs();
  let db: TestDatabase;
  let booted: BootedApp;
  let dir: SeededDirectory;

  beforeAll(async () => {
    db = await createTestDatabase('inputs');
    booted = await bootApp({ REDIS_URL: redisUrl, DATABASE_URL: db.url, AUTH_JWT_SECRET: SECRET }, logs.logger);
    dir = await seedDirectory(booted.url, SECRET, { enableFeature: true });
  });
  afterAll(async () => {
    await booted?.close();
    await db?.drop();
  });

  const request = (over: Record<string, unknown> = {}, app: Record<string, unknown> = {}) => ({
    teamId: dir.teamId,
    termsAccepted: true,
    name: 'CRM access',
    recipient: { name: 'Rui Recipient', email: 'rui@outside.example' },
    apps: [{ appKey: 'openai', allModules: true, ...app }],
    ...over,
  });

  it.each([
    ['NUL in an organization name', 'a\u0000b', 'input.name', /NUL/],
    ['a lone surrogate in an organization name', 'Acme \uD800', 'input.name', /lone surrogate/],
    ['CR/LF in an organization name', 'Acme\r\nBcc: x@evil.example', 'input.name', /line breaks/],
    ['U+2028 in an organization name', 'Acme\u2028Ltd', 'input.name', /U\+2028/],
    ['a bidi override in an organization name', 'Acme\u202Egnp.exe', 'input.name', /bidirectional/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, name, path, why) => {
    const res = await gql(
      booted.url,
      dir.owner.token,
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: { name },
      },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual([{ path, message: expect.stringMatching(why) }]);
  });

  it('checks scalar arguments too (createTeam name, declineApp reason)', async () => {
    const team = await gql(
      booted.url,
      dir.owner.token,
      'mutation($org: ID!, $name: String!) { createTeam(organizationId: $org, name: $name) { id } }',
      { org: dir.organizationId, name: 'Ops\u0000' },
    );
    expect(codeOf(team)).toBe('BAD_USER_INPUT');
    expect(team.errors?.[0].extensions.fields).toEqual([{ path: 'name', message: expect.stringMatching(/NUL/) }]);
    const decline = await gql(
      booted.url,
      dir.owner.token,
      'mutation($r: ID!, $a: String!, $why: String!) { declineApp(requestId: $r, appKey: $a, reason: $why) { status } }',
      { r: 'req-unknown', a: 'openai', why: 'no\nBcc: someone' },
    );
    expect(codeOf(decline)).toBe('BAD_USER_INPUT');
    expect(decline.errors?.[0].extensions.fields).toEqual([
      { path: 'reason', message: expect.stringMatching(/line breaks/) },
    ]);
  });

  it('keeps line feeds in descriptions and notes, and changes nothing when refusing', async () => {
    const { createCredentialRequest } = await gqlOk<{ createCredentialRequest: { id: string } }>(
      booted.url,
      dir.owner.token,
      CREATE,
      { input: request({ description: 'Line one\nLine two' }, { note: 'please\nthanks' }) },
    );
    expect(createCredentialRequest.id).toEqual(expect.any(String));
    const before = await gqlOk<{ sentCredentialRequests: { totalCount: number } }>(
      booted.url,
      dir.owner.token,
      'query($t: ID!) { sentCredentialRequests(teamId: $t) { totalCount } }',
      { t: dir.teamId },
    );
    const refused = await gql(booted.url, dir.owner.token, CREATE, {
      input: request({ recipient: { name: 'Rui\u202E', email: 'rui@outside.example' } }),
    });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    const after = await gqlOk<{ sentCredentialRequests: { totalCount: number } }>(
      booted.url,
      dir.owner.token,
      'query($t: ID!) { sentCredentialRequests(teamId: $t) { totalCount } }',
      { t: dir.teamId },
    );
    expect(after.sentCredentialRequests.totalCount).toBe(before.sentCredentialRequests.totalCount);
  });

  it('reports unknown apps, versions and modules in the same single BAD_USER_INPUT as the shape errors', async () => {
    const mixed = await gql(booted.url, dir.owner.token, CREATE, {
      input: {
        ...request({ name: '' }),
        apps: [
          { appKey: 'no-such-app', allModules: true },
          { appKey: 'openai', version: 99, allModules: true },
          { appKey: 'stripe', modules: ['no-such-module'], note: 'a\u0000' },
        ],
      },
    });
    expect(mixed.errors).toHaveLength(1);
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT');
    const paths = mixed.errors?.[0].extensions.fields?.map((f) => f.path).sort();
    expect(paths).toEqual(
      [
        'input.apps.0.appKey',
        'input.apps.1.version',
        'input.apps.2.modules.0',
        'input.apps.2.note',
        'input.name',
      ].sort(),
    );
  });
});
