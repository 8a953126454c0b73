import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { parseScope } from './oauth2-scopes';
import { OAuth2Secret } from './secret.types';
import { FetchLike } from './verify-credentials';

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
  /** When set, the id_token signature (and audience, and issuer when given) is verified. */
  jwksUri?: string;
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
}

/** The provider refused (invalid_grant, invalid_client, access_denied…): retrying the same request will not help. */
export class OAuth2Error extends Error {
  constructor(
    readonly error: string,
    readonly description?: string,
    readonly status?: number,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuth2Error';
  }
}

/** The provider could not be asked (network, timeout, 5xx, garbage answer): retry later. */
export class OAuth2UnavailableError extends Error {
  readonly retryable = true;
  constructor(message: string) {
    super(message);
    this.name = 'OAuth2UnavailableError';
  }
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

/** RFC 7636 S256: 32 random bytes as the verifier (43 characters), its SHA-256 as the challenge. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function createState(): string {
  return randomBytes(24).toString('base64url');
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
 * Authorization code + PKCE (S256) and refresh, over fetch. Hand-written because neither openid-client nor
 * oauth4webapi is installed, and the flows we need are small; see README. Never logs; errors carry the provider's
 * error code and description but never a code, token or client secret.
 */
export class OAuth2Client {
  private readonly fetch: FetchLike;
  private jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: OAuth2ClientConfig) {
    this.fetch = config.fetch ?? fetch;
  }

  authorizationUrl(params: { scopes: readonly string[]; state: string; codeChallenge: string }): string {
    const url = new URL(this.config.authorizeUrl);
    for (const [k, v] of Object.entries(this.config.authorizeParams ?? {})) url.searchParams.set(k, v);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('redirect_uri', this.config.redirectUri);
    url.searchParams.set('scope', params.scopes.join(' '));
    url.searchParams.set('state', params.state);
    url.searchParams.set('code_challenge', params.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url.toString();
  }

  /** Exchanges the callback's code; `requestedScopes` stand in for the grant when the answer has no `scope`. */
  exchangeCode(params: { code: string; codeVerifier: string; requestedScopes: readonly string[] }): Promise<TokenSet> {
    return this.tokenRequest(
      {
        grant_type: 'authorization_code',
        code: params.code,
        redirect_uri: this.config.redirectUri,
        code_verifier: params.codeVerifier,
      },
      params.requestedScopes,
    );
  }

  /**
   * Refreshes an access token. A provider that does not rotate answers without `refresh_token`: the old one stays
   * valid and is kept. With rotation the old one is dead as soon as this returns — store the result before anyone
   * refreshes again (see STACK.md).
   */
  async refresh(refreshToken: string, previousScopes: readonly string[]): Promise<TokenSet> {
    const tokens = await this.tokenRequest(
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      previousScopes,
    );
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  }

  /**
   * The account behind the grant (SPEC R12.2): the id_token's `email` claim (signature checked when a jwksUri is
   * configured), else the userinfo answer's `email`; undefined when neither says.
   */
  async accountEmail(tokens: Pick<TokenSet, 'accessToken' | 'idToken'>): Promise<string | undefined> {
    if (tokens.idToken) {
      const claims = await this.idTokenClaims(tokens.idToken);
      if (typeof claims.email === 'string' && claims.email !== '') return claims.email;
    }
    if (!this.config.userinfoUrl) return undefined;
    const response = await this.send(this.config.userinfoUrl, {
      headers: { authorization: `Bearer ${tokens.accessToken}`, accept: 'application/json' },
    });
    const body = await this.readJson(response, this.config.userinfoUrl);
    if (!response.ok) throw this.errorFrom(response, body);
    return typeof body.email === 'string' && body.email !== '' ? body.email : undefined;
  }

  private async idTokenClaims(idToken: string): Promise<Record<string, unknown>> {
    if (!this.config.jwksUri) {
      try {
        return decodeJwt(idToken);
      } catch {
        throw new OAuth2Error('invalid_id_token', 'the id_token is not a JWT');
      }
    }
    this.jwks ??= createRemoteJWKSet(new URL(this.config.jwksUri));
    try {
      const { payload } = await jwtVerify(idToken, this.jwks, {
        audience: this.config.clientId,
        ...(this.config.issuer ? { issuer: this.config.issuer } : {}),
      });
      return payload;
    } catch (e) {
      // jose's own failures carry a code; anything else (fetch of the key set failed) says nothing about the token.
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'string' || code === 'ERR_JWKS_TIMEOUT') {
        throw new OAuth2UnavailableError(`Cannot fetch the JWKS at ${stripQuery(this.config.jwksUri)}`);
      }
      throw new OAuth2Error('invalid_id_token', `the id_token failed verification (${code})`);
    }
  }

  private async tokenRequest(params: Record<string, string>, fallbackScopes: readonly string[]): Promise<TokenSet> {
    const body = new URLSearchParams(params);
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if ((this.config.tokenEndpointAuthMethod ?? 'client_secret_post') === 'client_secret_basic') {
      // RFC 6749 §2.3.1: form-urlencode id and secret before base64.
      const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
      const basic = Buffer.from(`${enc(this.config.clientId)}:${enc(this.config.clientSecret)}`).toString('base64');
      headers.authorization = `Basic ${basic}`;
    } else {
      body.set('client_id', this.config.clientId);
      body.set('client_secret', this.config.clientSecret);
    }
    const requestedAt = Date.now();
    const response = await this.send(this.config.tokenUrl, { method: 'POST', headers, body: body.toString() });
    const json = await this.readJson(response, this.config.tokenUrl);
    if (!response.ok) throw this.errorFrom(response, json);
    if (typeof json.access_token !== 'string' || json.access_token === '') {
      throw new OAuth2UnavailableError(`The token endpoint ${stripQuery(this.config.tokenUrl)} gave no access_token`);
    }
    const expiresIn = Number(json.expires_in);
    const scope = typeof json.scope === 'string' ? json.scope : undefined;
    return {
      accessToken: json.access_token,
      tokenType: typeof json.token_type === 'string' ? json.token_type : 'Bearer',
      ...(typeof json.refresh_token === 'string' && json.refresh_token !== ''
        ? { refreshToken: json.refresh_token }
        : {}),
      // Measured from the request, so network time makes us refresh early rather than late.
      ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: new Date(requestedAt + expiresIn * 1000) } : {}),
      grantedScopes: scope === undefined ? [...fallbackScopes] : parseScope(scope),
      ...(typeof json.id_token === 'string' ? { idToken: json.id_token } : {}),
    };
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetch(url, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const kind = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'network error';
      throw new OAuth2UnavailableError(`Request to ${stripQuery(url)} failed: ${kind}`);
    }
  }

  private async readJson(response: Response, url: string): Promise<Record<string, unknown>> {
    const text = await response.text().catch(() => '');
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return parsed as Record<string, unknown>;
      }
    } catch {
      // handled below
    }
    if (response.ok || response.status >= 500) {
      throw new OAuth2UnavailableError(`${stripQuery(url)} answered ${response.status} without a JSON object`);
    }
    return {};
  }

  private errorFrom(response: Response, body: Record<string, unknown>): Error {
    if (response.status >= 500 || response.status === 429) {
      return new OAuth2UnavailableError(`The provider answered ${response.status}`);
    }
    const error = typeof body.error === 'string' ? body.error : `http_${response.status}`;
    const description = typeof body.error_description === 'string' ? body.error_description : undefined;
    return new OAuth2Error(error, description, response.status);
  }
}
