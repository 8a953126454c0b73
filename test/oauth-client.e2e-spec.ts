import {
  accountDomainMatches,
  createPkcePair,
  createState,
  missingScopes,
  OAuth2Client,
  OAuth2Error,
  OAuth2UnavailableError,
  toOAuth2Secret,
} from '@libs/vault';
import { createHash } from 'node:crypto';
import { OidcTestServer, startOidcServer } from './support/oidc-server';

const READ = 'crm.objects.contacts.read';
const WRITE = 'crm.objects.contacts.write';

describe('OAuth2Client against a real OpenID provider (oidc-provider)', () => {
  let oidc: OidcTestServer;

  beforeAll(async () => {
    oidc = await startOidcServer({ scopes: [READ, WRITE], accessTokenTtl: 30 });
  });

  afterAll(async () => {
    await oidc.stop();
  });

  const clientFor = (overrides: Partial<ConstructorParameters<typeof OAuth2Client>[0]> = {}) =>
    new OAuth2Client({
      authorizeUrl: oidc.authorizeUrl,
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      tokenEndpointAuthMethod: oidc.tokenEndpointAuthMethod,
      redirectUri: oidc.redirectUri,
      userinfoUrl: oidc.userinfoUrl,
      jwksUri: oidc.jwksUri,
      issuer: oidc.issuer,
      ...overrides,
    });

  async function authorize(client: OAuth2Client, email: string, requested: string[], grantScopes?: string[]) {
    const pkce = await createPkcePair();
    const state = createState();
    const url = client.authorizationUrl({
      scopes: ['openid', 'email', 'offline_access', ...requested],
      state,
      codeChallenge: pkce.challenge,
    });
    const callback = await oidc.completeLogin(url, { email, grantScopes });
    expect(callback.searchParams.get('state')).toBe(state);
    const code = callback.searchParams.get('code');
    if (!code) throw new Error(`no code in ${callback.search}`);
    return { code, pkce };
  }

  it('builds the authorize URL with PKCE S256', async () => {
    const pkce = await createPkcePair();
    expect(pkce.challenge).toBe(createHash('sha256').update(pkce.verifier).digest('base64url'));
    const url = new URL(
      clientFor({ authorizeParams: { access_type: 'offline' } }).authorizationUrl({
        scopes: ['openid', READ],
        state: 's1',
        codeChallenge: pkce.challenge,
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      access_type: 'offline',
      response_type: 'code',
      client_id: oidc.clientId,
      redirect_uri: oidc.redirectUri,
      scope: `openid ${READ}`,
      state: 's1',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
  });

  it('authorize URL → code → tokens; refresh rotates; a reused refresh token fails and kills the grant', async () => {
    const client = clientFor();
    const requested = [READ, WRITE];
    const { code, pkce } = await authorize(client, 'ann@acme.test', requested);

    const tokens = await client.exchangeCode({ code, codeVerifier: pkce.verifier, requestedScopes: requested });
    expect(tokens.accessToken).toEqual(expect.any(String));
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.idToken).toEqual(expect.any(String));
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(0);
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(30_000);
    expect(tokens.grantedScopes).toEqual(expect.arrayContaining(['openid', 'email', READ, WRITE]));
    expect(missingScopes(requested, tokens.grantedScopes)).toEqual([]);
    expect(await client.accountEmail(tokens)).toBe('ann@acme.test');
    expect(accountDomainMatches('ann@acme.test', 'acme.test')).toBe(true);

    const refreshed = await client.refresh(tokens.refreshToken!, tokens.grantedScopes);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toEqual(expect.any(String));
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(missingScopes(requested, refreshed.grantedScopes)).toEqual([]);
    const secret = toOAuth2Secret(refreshed);
    expect(secret).toMatchObject({ accessToken: refreshed.accessToken, refreshToken: refreshed.refreshToken });
    expect(secret.scope).toContain(READ);

    // Reusing the rotated-out token is treated as theft: it fails, and the whole grant is revoked (STACK.md).
    const reuse = await client.refresh(tokens.refreshToken!, tokens.grantedScopes).catch((e: unknown) => e);
    expect(reuse).toBeInstanceOf(OAuth2Error);
    expect((reuse as OAuth2Error).error).toBe('invalid_grant');
    expect((reuse as Error).message).not.toContain(tokens.refreshToken!);
    await expect(client.refresh(refreshed.refreshToken!, refreshed.grantedScopes)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // The code is single-use (and a replay revokes what it produced, so this comes last).
    await expect(
      client.exchangeCode({ code, codeVerifier: pkce.verifier, requestedScopes: requested }),
    ).rejects.toThrow(OAuth2Error);
  });

  it('reports scopes the user did not grant', async () => {
    const client = clientFor();
    const requested = [READ, WRITE];
    const { code, pkce } = await authorize(client, 'bob@other.test', requested, ['email', 'offline_access', READ]);
    const tokens = await client.exchangeCode({ code, codeVerifier: pkce.verifier, requestedScopes: requested });
    expect(tokens.grantedScopes).toContain(READ);
    expect(tokens.grantedScopes).not.toContain(WRITE);
    expect(missingScopes(requested, tokens.grantedScopes)).toEqual([WRITE]);
    const email = await client.accountEmail(tokens);
    expect(email).toBe('bob@other.test');
    expect(accountDomainMatches(email, 'acme.test')).toBe(false);
  });

  it('authenticates with client_secret_post too, and reads the e-mail from userinfo without an id_token', async () => {
    const client = clientFor({
      clientId: oidc.otherClient.clientId,
      clientSecret: oidc.otherClient.clientSecret,
      tokenEndpointAuthMethod: oidc.otherClient.tokenEndpointAuthMethod,
    });
    const pkce = await createPkcePair();
    const url = client.authorizationUrl({
      scopes: ['openid', 'email', READ],
      state: 'st',
      codeChallenge: pkce.challenge,
    });
    const code = (await oidc.completeLogin(url, { email: 'cy@acme.test' })).searchParams.get('code')!;
    const tokens = await client.exchangeCode({ code, codeVerifier: pkce.verifier, requestedScopes: [READ] });
    expect(await client.accountEmail({ accessToken: tokens.accessToken })).toBe('cy@acme.test');
  });

  it('refuses a wrong PKCE verifier and a wrong client secret with the provider’s error, never the secret', async () => {
    const client = clientFor();
    const { code, pkce } = await authorize(client, 'dee@acme.test', [READ]);
    await expect(
      client.exchangeCode({ code, codeVerifier: (await createPkcePair()).verifier, requestedScopes: [READ] }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });

    const wrong = clientFor({ clientSecret: 'not-the-secret' });
    const error = await wrong
      .exchangeCode({ code, codeVerifier: pkce.verifier, requestedScopes: [READ] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth2Error);
    expect((error as OAuth2Error).error).toBe('invalid_client');
    expect((error as Error).message).not.toContain('not-the-secret');
  });

  /** The real provider's token answer with the id_token's signature swapped: a man in the middle, not a stub. */
  const forgingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).endsWith('/token')) return response;
    const body = (await response.json()) as { id_token: string };
    const [header, payload] = body.id_token.split('.');
    body.id_token = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    return new Response(JSON.stringify(body), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  };

  it('rejects an id_token signed by someone else when a JWKS is configured', async () => {
    const client = clientFor({ fetch: forgingFetch });
    const first = await authorize(client, 'eve@acme.test', [READ]);
    await expect(
      client.exchangeCode({ code: first.code, codeVerifier: first.pkce.verifier, requestedScopes: [READ] }),
    ).rejects.toMatchObject({ error: 'invalid_id_token' });
    // Without a JWKS the claims are read as is (the token came straight from the token endpoint over TLS).
    const lax = clientFor({ fetch: forgingFetch, jwksUri: undefined });
    const second = await authorize(lax, 'eve@acme.test', [READ]);
    const tokens = await lax.exchangeCode({
      code: second.code,
      codeVerifier: second.pkce.verifier,
      requestedScopes: [READ],
    });
    expect(await lax.accountEmail({ accessToken: 'x', idTokenClaims: tokens.idTokenClaims })).toBe('eve@acme.test');
  });

  it('rejects an id_token from another issuer', async () => {
    const client = clientFor({ issuer: 'https://elsewhere.test' });
    const { code, pkce } = await authorize(client, 'fay@acme.test', [READ]);
    const error = await client
      .exchangeCode({ code, codeVerifier: pkce.verifier, requestedScopes: [READ] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth2Error);
    expect((error as OAuth2Error).error).toBe('invalid_id_token');
  });

  it('reports an unreachable token endpoint as retryable', async () => {
    const client = clientFor({ tokenUrl: 'http://127.0.0.1:1/token?secret=x' });
    const error = await client.refresh('rt-canary', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth2UnavailableError);
    expect((error as Error).message).toBe('Request to http://127.0.0.1:1/token failed: network error');
  });
});
