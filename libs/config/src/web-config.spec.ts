import { ConfigError, loadConfig } from './config';
import { parseDurationSeconds } from './web-config';

const production = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://idp.example/jwks',
  AUTH_ISSUER: 'https://idp.example',
  CREDENTIALS_MASTER_KEY: 'k1:' + Buffer.alloc(32).toString('base64'),
  RUNTIME_TOKEN: 'r'.repeat(40),
  INVITATION_SECRET: 'i'.repeat(40),
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('web configuration (issue #10)', () => {
  it('defaults: development sign-in with the embedded secret, 8 h sessions, no OIDC, no other origin', () => {
    const { web } = loadConfig({});
    expect(web).toMatchObject({ devSignIn: true, oidc: undefined, sessionTtlSeconds: 8 * 3600, corsOrigins: [] });
    expect(web.webDist).toMatch(/dist\/web$/);
  });

  it('turns the development sign-in off with a key source unless AUTH_DEV_SIGNIN=true, and on request', () => {
    expect(loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) }).web.devSignIn).toBe(false);
    expect(loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32), AUTH_DEV_SIGNIN: 'true' }).web.devSignIn).toBe(true);
    expect(loadConfig({ AUTH_DEV_SIGNIN: 'false' }).web.devSignIn).toBe(false);
  });

  it('configures OIDC from AUTH_ISSUER + AUTH_CLIENT_ID', () => {
    const { web } = loadConfig({
      ...production,
      AUTH_CLIENT_ID: 'web',
      AUTH_CLIENT_SECRET: 's',
      SESSION_SECRET: 'x'.repeat(32),
    });
    expect(web.oidc).toEqual({
      issuer: 'https://idp.example',
      clientId: 'web',
      clientSecret: 's',
      scopes: ['openid', 'email', 'profile'],
    });
  });

  it('names each wrong variable, never echoing a secret', () => {
    const problems = problemsOf({
      ...production,
      AUTH_DEV_SIGNIN: 'true',
      AUTH_CLIENT_ID: 'web',
      AUTH_ISSUER: 'http://idp.example',
      SESSION_TTL: 'forever',
      CORS_ORIGINS: 'https://ok.example, https://bad.example/path',
    });
    expect(problems.join('\n')).toMatch(/AUTH_DEV_SIGNIN=true: .*NODE_ENV=production/);
    expect(problems.join('\n')).toMatch(/AUTH_ISSUER: expected an https:\/\/ URL when NODE_ENV=production/);
    expect(problems.join('\n')).toMatch(/SESSION_SECRET: required .* with AUTH_CLIENT_ID when NODE_ENV=production/);
    expect(problems.join('\n')).toMatch(/SESSION_TTL="forever"/);
    expect(problems.join('\n')).toMatch(/CORS_ORIGINS: "https:\/\/bad.example\/path"/);
    const short = problemsOf({ SESSION_SECRET: 'short-secret-value', AUTH_CLIENT_SECRET: 'c' });
    expect(short).toEqual([
      'AUTH_CLIENT_SECRET: set AUTH_CLIENT_ID too (or neither)',
      'SESSION_SECRET: use at least 32 characters',
    ]);
    expect(short.join()).not.toContain('short-secret-value');
    expect(problemsOf({ AUTH_CLIENT_ID: 'web' })).toEqual([
      'AUTH_CLIENT_ID: needs AUTH_ISSUER, the identity provider (its /.well-known/openid-configuration)',
    ]);
  });

  it('reads durations', () => {
    expect(parseDurationSeconds('8h')).toBe(28800);
    expect(parseDurationSeconds('30m')).toBe(1800);
    expect(parseDurationSeconds('3600')).toBe(3600);
    expect(parseDurationSeconds('2d')).toBe(172800);
    expect(parseDurationSeconds('8 hours')).toBeUndefined();
  });
});
