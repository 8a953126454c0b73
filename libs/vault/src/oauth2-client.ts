import * as oidc from 'openid-client';
import { OAuth2UnavailableError, toOAuth2Failure } from './oauth2-errors';
import { parseScope } from './oauth2-scopes';
import { OAuth2Secret } from './secret.types';
import { FetchLike } from './verify-credentials';

export { OAuth2Error, OAuth2UnavailableError } from './oauth2-errors';

export interface OAuth2ClientConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** `$PUBLIC_URL/oauth/callback` (SPEC R13.10). */
  redirectUri: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  authorizeParams?: Record<string, string>;
  userinfoUrl?: string;
  /** When set, the id_token's signature is verified against this key set. */
  jwksUri?: string;
  /** The id_token's expected `iss`; the authorize URL's origin when the catalog names none. */
  issuer?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

export interface TokenSet {
  accessToken: string;
  tokenType: string;
  refreshToken?: string;
  expiresAt?: Date;
  /** What the provider granted: the answer's `scope`, else what was asked (RFC 6749 §5.1, §6). */
  grantedScopes: string[];
  idToken?: string;
  /** The id_token's claims, verified by openid-client (iss, aud, exp; the signature when a jwksUri is set). */
  idTokenClaims?: Record<string, unknown>;
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

/** RFC 7636 S256 (openid-client: a 43-character random verifier, its SHA-256 as the challenge). */
export async function createPkcePair(): Promise<PkcePair> {
  const verifier = oidc.randomPKCECodeVerifier();
  return { verifier, challenge: await oidc.calculatePKCECodeChallenge(verifier) };
}

export function createState(): string {
  return oidc.randomState();
}

/** What the vault stores for an OAuth2 connection. */
export function toOAuth2Secret(tokens: TokenSet): OAuth2Secret {
  return {
    accessToken: tokens.accessToken,
    tokenType: tokens.tokenType,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    ...(tokens.expiresAt ? { expiresAt: tokens.expiresAt.toISOString() } : {}),
    scope: tokens.grantedScopes.join(' '),
  };
}

const stripQuery = (url: string) => url.split('?')[0];

/**
 * Authorization code + PKCE (S256) and refresh with openid-client v6; the endpoints come from the catalog (no
 * discovery: plain OAuth2 providers have none). Never logs; errors carry the provider's error code and description
 * but never a code, token or client secret.
 */
export class OAuth2Client {
  private readonly configuration: oidc.Configuration;

  constructor(private readonly config: OAuth2ClientConfig) {
    const server: oidc.ServerMetadata = {
      issuer: config.issuer ?? new URL(config.authorizeUrl).origin,
      authorization_endpoint: config.authorizeUrl,
      token_endpoint: config.tokenUrl,
      ...(config.userinfoUrl ? { userinfo_endpoint: config.userinfoUrl } : {}),
      ...(config.jwksUri ? { jwks_uri: config.jwksUri } : {}),
    };
    const auth =
      config.tokenEndpointAuthMethod === 'client_secret_basic'
        ? oidc.ClientSecretBasic(config.clientSecret)
        : oidc.ClientSecretPost(config.clientSecret);
    this.configuration = new oidc.Configuration(server, config.clientId, undefined, auth);
    const timeoutMs = config.timeoutMs ?? 10_000;
    this.configuration.timeout = Math.ceil(timeoutMs / 1000);
    this.configuration[oidc.customFetch] = this.fetchWith(config.fetch ?? fetch, timeoutMs);
    // The catalog may name http endpoints only outside production (catalog validation); loopback in tests.
    if (new URL(config.tokenUrl).protocol === 'http:') oidc.allowInsecureRequests(this.configuration);
    if (config.jwksUri) oidc.enableNonRepudiationChecks(this.configuration);
  }

  authorizationUrl(params: { scopes: readonly string[]; state: string; codeChallenge: string }): string {
    return oidc
      .buildAuthorizationUrl(this.configuration, {
        ...this.config.authorizeParams,
        redirect_uri: this.config.redirectUri,
        scope: params.scopes.join(' '),
        state: params.state,
        code_challenge: params.codeChallenge,
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /**
   * Exchanges the callback's code; `requestedScopes` stand in for the grant when the answer has no `scope`. The
   * state was already matched against the browser's session by the caller (R13.10), hence no state check here.
   */
  async exchangeCode(params: {
    code: string;
    codeVerifier: string;
    requestedScopes: readonly string[];
  }): Promise<TokenSet> {
    const callback = new URL(this.config.redirectUri);
    callback.search = new URLSearchParams({ code: params.code }).toString();
    const requestedAt = Date.now();
    const answer = await this.call(this.config.tokenUrl, () =>
      oidc.authorizationCodeGrant(this.configuration, callback, {
        pkceCodeVerifier: params.codeVerifier,
        expectedState: oidc.skipStateCheck,
      }),
    );
    return toTokenSet(answer, requestedAt, params.requestedScopes);
  }

  /**
   * Refreshes an access token. A provider that does not rotate answers without `refresh_token`: the old one stays
   * valid and is kept. With rotation the old one is dead as soon as this returns — store the result before anyone
   * refreshes again (see STACK.md).
   */
  async refresh(refreshToken: string, previousScopes: readonly string[]): Promise<TokenSet> {
    const requestedAt = Date.now();
    const answer = await this.call(this.config.tokenUrl, () =>
      oidc.refreshTokenGrant(this.configuration, refreshToken),
    );
    const tokens = toTokenSet(answer, requestedAt, previousScopes);
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  }

  /**
   * The account behind the grant (SPEC R12.2): the verified id_token's `email` claim, else the userinfo answer's
   * `email`; undefined when neither says.
   */
  async accountEmail(tokens: Pick<TokenSet, 'accessToken' | 'idTokenClaims'>): Promise<string | undefined> {
    const claimed = tokens.idTokenClaims?.email;
    if (typeof claimed === 'string' && claimed !== '') return claimed;
    const userinfoUrl = this.config.userinfoUrl;
    if (!userinfoUrl) return undefined;
    const sub = tokens.idTokenClaims?.sub;
    const body = await this.call(userinfoUrl, () =>
      oidc.fetchUserInfo(this.configuration, tokens.accessToken, typeof sub === 'string' ? sub : oidc.skipSubjectCheck),
    );
    return typeof body.email === 'string' && body.email !== '' ? body.email : undefined;
  }

  private async call<T>(endpoint: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toOAuth2Failure(error, stripQuery(endpoint));
    }
  }

  /** The injected fetch (pinned addresses, R13.3) under our own timeout; its failures name the endpoint only. */
  private fetchWith(fetchImpl: FetchLike, timeoutMs: number): oidc.CustomFetch {
    return async (url, options) => {
      try {
        return await fetchImpl(url, {
          ...options,
          redirect: 'manual',
          signal: options.signal
            ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)])
            : AbortSignal.timeout(timeoutMs),
        } as RequestInit);
      } catch (e) {
        const kind = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'network error';
        throw new OAuth2UnavailableError(`Request to ${stripQuery(url)} failed: ${kind}`);
      }
    };
  }
}

function toTokenSet(
  answer: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  requestedAt: number,
  fallbackScopes: readonly string[],
): TokenSet {
  const claims = answer.claims();
  return {
    accessToken: answer.access_token,
    // openid-client lower-cases it; RFC 6750 spells it "Bearer".
    tokenType: answer.token_type === 'bearer' ? 'Bearer' : answer.token_type,
    ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
    // Measured from the request, so network time makes us refresh early rather than late.
    ...(answer.expires_in !== undefined && answer.expires_in > 0
      ? { expiresAt: new Date(requestedAt + answer.expires_in * 1000) }
      : {}),
    grantedScopes: answer.scope === undefined ? [...fallbackScopes] : parseScope(answer.scope),
    ...(answer.id_token ? { idToken: answer.id_token } : {}),
    ...(claims ? { idTokenClaims: { ...claims } } : {}),
  };
}
