import { ConfigError, loadConfig, redactUrl } from './config';

describe('loadConfig', () => {
  it('gives the embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.role).toBe('all');
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.eventStore).toBe('postgres');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.dataDir).toMatch(/data$/);
  });

  it('names every wrong variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'mysql://u:hunter2@h/db', EVENT_STORE: 'eventstoredb' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT=/m);
    expect(problems).toMatch(/^ROLE=/m);
    expect(problems).toMatch(/^DATABASE_URL:/m);
    expect(problems).toMatch(/^EVENTSTORE_CONNECTION_STRING: required/m);
    expect(problems).not.toContain('hunter2');
  });

  it('refuses to start in production without keys', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CREDENTIALS_MASTER_KEY: required/);
  });

  const productionBase = {
    NODE_ENV: 'production',
    CREDENTIALS_MASTER_KEY: 'k1:' + Buffer.alloc(32, 1).toString('base64'),
    AUTH_JWT_SECRET: 'x'.repeat(32),
    RUNTIME_TOKEN: 'r'.repeat(32),
    INVITATION_SECRET: 'i'.repeat(32),
  };

  it('starts in production with every key long enough', () => {
    expect(loadConfig(productionBase).production).toBe(true);
  });

  it('refuses a short RUNTIME_TOKEN in production, without echoing it (issue 11 item 4)', () => {
    expect(() => loadConfig({ ...productionBase, RUNTIME_TOKEN: 'a' })).toThrow(/RUNTIME_TOKEN: use at least 32/);
    expect(() => loadConfig({ ...productionBase, RUNTIME_TOKEN: 'short-secret-xyz' })).not.toThrow(/short-secret-xyz/);
    expect(loadConfig({ RUNTIME_TOKEN: 'a' }).runtimeToken).toBe('a');
  });

  it('requires INVITATION_SECRET in production (issue 11 item 9)', () => {
    const { INVITATION_SECRET: _omitted, ...rest } = productionBase;
    expect(() => loadConfig(rest)).toThrow(/INVITATION_SECRET: required when NODE_ENV=production/);
    expect(loadConfig({}).invitationSecret).toBeUndefined();
  });

  it('reads TRUST_PROXY as express does: off, on, hops or a list of addresses and subnets', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY: .*proxy\.example/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('gives rate limits defaults and bounds', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      authFailures: 20,
      authWindowSeconds: 60,
      authBlockSeconds: 60,
      outsideEmailsPerTeamPerHour: 50,
    });
    expect(() => loadConfig({ AUTH_FAILURE_LIMIT: '0' })).toThrow(/AUTH_FAILURE_LIMIT/);
    expect(loadConfig({ RUNTIME_PORT: '0' }).runtimePort).toBe(0);
  });

  it('redacts passwords in URLs', () => {
    expect(redactUrl('postgres://u:secret@h/db')).toBe('postgres://u:***@h/db');
  });

  it('pins JWKS algorithms to asymmetric ones and bounds the clock tolerance (R13.2)', () => {
    expect(loadConfig({}).auth).toMatchObject({ algorithms: ['RS256', 'ES256'], clockToleranceSeconds: 30 });
    expect(loadConfig({ AUTH_ALGORITHMS: 'ES256, EdDSA' }).auth.algorithms).toEqual(['ES256', 'EdDSA']);
    expect(() => loadConfig({ AUTH_ALGORITHMS: 'RS256,HS256' })).toThrow(/AUTH_ALGORITHMS.*HS256/);
    expect(() => loadConfig({ AUTH_ALGORITHMS: 'none' })).toThrow(/AUTH_ALGORITHMS/);
    expect(() => loadConfig({ AUTH_CLOCK_TOLERANCE_SECONDS: '3600' })).toThrow(/AUTH_CLOCK_TOLERANCE_SECONDS/);
  });

  it('has query limits, configurable, and closes introspection in production unless asked (R13.12)', () => {
    expect(loadConfig({}).graphqlLimits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxCost: 50_000,
      maxTokens: 3000,
      maxDirectives: 20,
      listSize: 20,
      maxRows: 10_000,
    });
    expect(loadConfig({ GRAPHQL_MAX_DEPTH: '8' }).graphqlLimits.maxDepth).toBe(8);
    expect(() => loadConfig({ GRAPHQL_MAX_COST: 'lots' })).toThrow(/GRAPHQL_MAX_COST/);
    expect(loadConfig({ GRAPHQL_LIST_SIZE: '20' }).graphqlLimits.listSize).toBe(20);
    expect(() => loadConfig({ GRAPHQL_LIST_SIZE: '0' })).toThrow(/GRAPHQL_LIST_SIZE/);
    expect(loadConfig({ GRAPHQL_MAX_ROWS: '500' }).graphqlLimits.maxRows).toBe(500);
    expect(() => loadConfig({ GRAPHQL_MAX_ROWS: 'many' })).toThrow(/GRAPHQL_MAX_ROWS/);
    expect(loadConfig({}).graphqlIntrospection).toBe(true);
    const production = {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      CREDENTIALS_MASTER_KEY: 'k1:' + Buffer.alloc(32).toString('base64'),
      RUNTIME_TOKEN: 'r'.repeat(40),
      INVITATION_SECRET: 'i'.repeat(40),
    };
    expect(loadConfig(production).graphqlIntrospection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
  });
});
