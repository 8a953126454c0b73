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
    });
    expect(loadConfig({ GRAPHQL_MAX_DEPTH: '8' }).graphqlLimits.maxDepth).toBe(8);
    expect(() => loadConfig({ GRAPHQL_MAX_COST: 'lots' })).toThrow(/GRAPHQL_MAX_COST/);
    expect(loadConfig({}).graphqlIntrospection).toBe(true);
    const production = {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      CREDENTIALS_MASTER_KEY: 'k1:' + Buffer.alloc(32).toString('base64'),
      RUNTIME_TOKEN: 'r'.repeat(40),
    };
    expect(loadConfig(production).graphqlIntrospection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
  });
});
