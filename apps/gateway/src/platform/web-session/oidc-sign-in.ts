import * as client from 'openid-client';
import type { Identity } from '@libs/auth';
import type { WebConfig } from '@libs/config';
import type { LoginTransaction } from './login-transaction';

type OidcSettings = NonNullable<WebConfig['oidc']>;

/** A sign-in that did not complete; `reason` is one of our codes (safe for a URL), never the provider's text. */
export class SignInFailed extends Error {
  constructor(
    readonly reason: 'invalid_state' | 'access_denied' | 'no_email' | 'provider_error' | 'provider_unavailable',
    detail: string,
  ) {
    super(detail);
    this.name = 'SignInFailed';
  }
}

/**
 * OpenID Connect authorization code + PKCE (S256) + state + nonce with openid-client v6, done by the server. The
 * provider's metadata is discovered on first use (and again after a failure), so the gateway starts even while
 * the identity provider is down.
 */
export class OidcSignIn {
  private configuration?: Promise<client.Configuration>;

  constructor(
    private readonly settings: OidcSettings,
    /** `$PUBLIC_URL/auth/callback`. */
    private readonly redirectUri: string,
  ) {}

  async start(returnTo: string): Promise<{ url: URL; transaction: LoginTransaction }> {
    const config = await this.config();
    const transaction: LoginTransaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url, transaction };
  }

  /** Completes the grant from the callback's query; the identity comes from the verified ID token (or userinfo). */
  async finish(query: URLSearchParams, transaction: LoginTransaction): Promise<Identity> {
    const config = await this.config();
    // The URL the provider redirected to, rebuilt from configuration (never from the request's Host header).
    const current = new URL(this.redirectUri);
    current.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError && error.error === 'access_denied') {
        throw new SignInFailed('access_denied', 'the provider reports access_denied');
      }
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
      throw new SignInFailed('provider_error', `the grant failed (${code})`);
    }
    const claims = tokens.claims();
    if (!claims) throw new SignInFailed('provider_error', 'no ID token');
    let source: Record<string, unknown> = claims;
    if (typeof claims.email !== 'string') {
      // Some providers keep the e-mail out of the ID token: ask userinfo for this subject.
      source = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), sub: claims.sub };
    }
    const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : '';
    if (!email) throw new SignInFailed('no_email', 'the provider gave no e-mail address');
    const name = typeof source.name === 'string' && source.name.trim() ? source.name.trim() : email;
    return {
      subject: claims.sub,
      email,
      name,
      // Only an explicit true counts (the same rule as bearer tokens, R13.2).
      emailVerified: source.email_verified === true,
      support: source.platform_role === 'support',
    };
  }

  private config(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw new SignInFailed(
        'provider_unavailable',
        `discovery failed: ${error instanceof Error ? error.message : 'unknown'}`,
      );
    });
    return this.configuration;
  }

  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const server = new URL(issuer);
    return client.discovery(
      server,
      clientId,
      undefined,
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      // http is only accepted outside production (config), e.g. a provider on loopback in tests.
      server.protocol === 'http:' ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
  }
}
