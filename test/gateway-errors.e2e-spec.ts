import { signToken } from '@libs/auth';
import type { ErrorCode } from '@libs/domain';
import type { BootedApp } from './support/app';
import { bootGatewayWith, postGraphql } from './support/gateway-app';
import { identityProvisionerModule, InMemoryIdentityProvisioner } from './support/identity-provisioner';
import { captureLogs } from './support/logs';
import { ProbeModule } from './support/probe-resolver';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl } from './support/redis';

const secret = 'gateway-errors-test-secret-0123456789abcdef';
const CONTRACT_CODES: ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'FEATURE_NOT_ENABLED',
  'PLAN_NOT_ELIGIBLE',
  'NOT_ELIGIBLE',
];

const CREATE = `mutation ($data: CreateCredentialRequestInput!) { probeCreateRequest(input: $data) }`;
const validInput = () => ({
  teamId: 't1',
  name: 'Access to the CRM',
  recipient: { userId: 'u2' },
  apps: [{ appKey: 'crm', allModules: true }],
  termsAccepted: true,
});

describe('gateway error shapes (SPEC R13.3, R13.4; contract error codes)', () => {
  const logs = captureLogs();
  let booted: BootedApp;
  let db: TestDatabase;
  let token: string;
  const gql = (query: string, variables?: Record<string, unknown>) => postGraphql(booted.url, query, variables, token);

  beforeAll(async () => {
    db = await createTestDatabase('gql_errors');
    booted = await bootGatewayWith(
      { REDIS_URL: redisUrl, DATABASE_URL: db.url, AUTH_JWT_SECRET: secret },
      logs.logger,
      [ProbeModule, identityProvisionerModule(new InMemoryIdentityProvisioner())],
    );
    token = await signToken(secret, { sub: 'sub-ana', email: 'ana@corp.example', name: 'Ana' });
  });
  afterAll(async () => {
    await booted?.close();
    await db?.drop();
  });

  it.each(CONTRACT_CODES)('a DomainError %s reaches extensions.code with its message', async (code) => {
    const { body } = await gql(`query ($code: String!) { failWith(code: $code) }`, { code });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      message: `refused with ${code}`,
      path: ['failWith'],
      extensions: { code },
    });
    if (code === 'BAD_USER_INPUT') {
      expect(body.errors?.[0].extensions.fields).toEqual([{ path: 'input.recipient.userId', message: 'not a member' }]);
    } else {
      expect(body.errors?.[0].extensions).toEqual({ code });
    }
  });

  it('maps Nest NotFoundException to NOT_FOUND and ForbiddenException to FORBIDDEN', async () => {
    const { body } = await gql('{ missing }');
    expect(body.errors?.[0]).toMatchObject({
      message: 'credential request not found',
      extensions: { code: 'NOT_FOUND' },
    });
    const forbidden = await gql('{ forbidden }');
    expect(forbidden.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('hides an unexpected error behind "internal error" and logs the real one', async () => {
    const canary = `canary-${Date.now()}-s3cr3t`;
    const { text, body } = await gql(`query ($c: String!) { crash(canary: $c) }`, { c: canary });
    expect(body.errors?.[0]).toEqual({
      message: 'internal error',
      locations: expect.any(Array),
      path: ['crash'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(text).not.toContain(canary);
    expect(text).not.toContain('postgres://');
    expect(logs.text()).toContain(canary);
    expect(logs.text()).toContain('unexpected error in a GraphQL operation');
  });

  it('serialises DateTime as ISO 8601 UTC with milliseconds', async () => {
    const { body } = await gql('{ moment }');
    expect(body.data).toEqual({ moment: '2026-01-02T01:04:05.000Z' });
  });

  it('passes a valid input to the resolver as the input class, trimmed', async () => {
    const { body } = await gql(CREATE, { data: { ...validInput(), name: '  Access to the CRM  ' } });
    expect(body.errors).toBeUndefined();
    expect(JSON.parse(body.data?.probeCreateRequest as string)).toEqual({
      name: 'Access to the CRM',
      apps: 1,
      isClass: true,
    });
  });

  it('lists every invalid field of a validated input at once, with dotted paths from the argument name', async () => {
    const { body } = await gql(CREATE, {
      data: {
        teamId: 't1',
        name: '   ',
        recipient: { name: 'Bo', email: 'not-an-email' },
        description: 'd'.repeat(257),
        apps: [
          { appKey: 'crm', modules: [] },
          { appKey: 'mail', note: 'n'.repeat(257), connectionName: 'c'.repeat(101) },
        ],
        termsAccepted: false,
      },
    });
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors ?? [];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields?.map((f) => f.path).sort()).toEqual(
      [
        'input.name',
        'input.recipient.email',
        'input.description',
        'input.apps.0.modules',
        'input.apps.1.note',
        'input.apps.1.connectionName',
        'input.termsAccepted',
        // R13.3: apps the catalog does not know come in the same round as the shape errors.
        'input.apps.0.appKey',
        'input.apps.1.appKey',
      ].sort(),
    );
    for (const field of error.extensions.fields ?? []) expect(field.message).toEqual(expect.any(String));
  });

  it('refuses an empty apps list (R4.1: one or more apps)', async () => {
    const { body } = await gql(CREATE, { data: { ...validInput(), apps: [] } });
    expect(body.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.apps', message: expect.stringContaining('at least one') }],
    });
  });

  it('turns variable-coercion errors into one BAD_USER_INPUT naming each field from the argument', async () => {
    const { body } = await gql(CREATE, {
      data: {
        ...validInput(),
        apps: [{ modules: ['a'] }, { appKey: 'mail', version: 'latest' }, { appKey: 'x', colour: 'red' }],
      },
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].extensions.fields?.map((f) => f.path).sort()).toEqual([
      'input.apps.0.appKey',
      'input.apps.1.version',
      'input.apps.2.colour',
    ]);
  });

  it('names a wrong enum value and a missing variable', async () => {
    const wrongEnum = await gql(`mutation ($i: CreateOrganizationInput!) { probeCreateOrganization(input: $i) }`, {
      i: { name: 'Acme', plan: 'GOLD' },
    });
    expect(wrongEnum.body.errors?.[0]).toMatchObject({
      message: 'invalid value at input.plan',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.plan', message: 'not a value of the Plan enum' }] },
    });
    const missing = await gql(CREATE, {});
    expect(missing.body.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input', message: expect.stringContaining('was not provided') }],
    });
  });

  it('never echoes a submitted secret in a coercion error', async () => {
    const apiKey = `sk_live_${Date.now()}_canary`;
    const { text, body } = await gql(`mutation ($input: AuthorizeAppInput!) { probeAuthorize(input: $input) }`, {
      input: { appKey: 'crm', apiKey, accessUntil: 'next tuesday' },
    });
    expect(body.errors?.[0].extensions.fields?.map((f) => f.path).sort()).toEqual([
      'input.accessUntil',
      'input.requestId',
    ]);
    expect(text).not.toContain(apiKey);
    expect(logs.text()).not.toContain(apiKey);
  });

  it('accepts DateTime input with an offset and normalises it to UTC', async () => {
    const { body } = await gql(`mutation ($input: AuthorizeAppInput!) { probeAuthorize(input: $input) }`, {
      input: { requestId: 'r1', appKey: 'crm', accessUntil: '2030-05-06T07:08:09+02:00' },
    });
    expect(body.data).toEqual({ probeAuthorize: '2030-05-06T05:08:09.000Z' });
  });

  it('gives query validation errors (unknown field, bad literal) the BAD_USER_INPUT code too', async () => {
    const unknownField = await gql('{ noSuchField }');
    expect(unknownField.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const literal = await gql('mutation { probeCreateOrganization(input: { name: "Acme", plan: GOLD }) }');
    expect(literal.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(literal.body.errors?.[0].extensions.fields?.[0].message).toContain('Plan');
  });
});
