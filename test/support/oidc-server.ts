import { exportJWK, generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OidcServerOptions {
  /** Scopes the provider knows besides openid, email and offline_access (e.g. HubSpot's crm.objects.contacts.read). */
  scopes?: string[];
  /** Access token lifetime in seconds (short, to exercise refresh). */
  accessTokenTtl?: number;
  /** The callback the client registers; defaults to http://127.0.0.1:1/oauth/callback (never called). */
  redirectUri?: string;
  /** The token endpoint authentication of the main client (`clientId`); the other method has `postClient`. */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /**
   * Browser tests: an interaction without the `email` query shows a sign-in and consent page (an e-mail field, the
   * scopes asked for, an Allow button) instead of failing, so a real browser completes the grant by clicking.
   */
  consentPage?: boolean;
}

export interface OidcClientRegistration {
  clientId: string;
  clientSecret: string;
}

export interface CompleteLoginOptions {
  /** The account that logs in; it is also the `email` claim. */
  email: string;
  /** Scopes the "user" consents to; defaults to every requested scope. Fewer ones exercise SPEC R12.3. */
  grantScopes?: string[];
}

export interface OidcTestServer extends OidcClientRegistration {
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  jwksUri: string;
  redirectUri: string;
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post';
  /** A second client that authenticates with the other token endpoint method. */
  otherClient: OidcClientRegistration & { tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' };
  /**
   * Plays the browser and the user: follows `authorizeUrl` (as built by our client), logs `email` in, consents to
   * the scopes, and returns the URL the provider redirects to (`redirectUri?code=…&state=…`, or `?error=…`).
   */
  completeLogin(authorizeUrl: string, options: CompleteLoginOptions): Promise<URL>;
  stop(): Promise<void>;
}

const BASE_SCOPES = ['openid', 'email', 'offline_access'];

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 with a tiny interaction handler instead of login pages, so
 * tests drive whole authorization-code + PKCE flows over HTTP: refresh tokens are always issued and rotated on
 * every use (reusing one revokes the grant, like the providers in STACK.md), and the email claim is in the id_token.
 */
export async function startOidcServer(options: OidcServerOptions = {}): Promise<OidcTestServer> {
  const extraScopes = options.scopes ?? [];
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:1/oauth/callback';
  const method = options.tokenEndpointAuthMethod ?? 'client_secret_basic';
  const otherMethod = method === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic';
  const main = { clientId: 'test-client', clientSecret: randomBytes(24).toString('base64url') };
  const other = { clientId: 'test-client-2', clientSecret: randomBytes(24).toString('base64url') };

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' };

  // Listen first: the issuer must carry the real port.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const client = (c: OidcClientRegistration, auth: string) => ({
    client_id: c.clientId,
    client_secret: c.clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: auth,
  });

  const provider = new Provider(issuer, {
    clients: [client(main, method), client(other, otherMethod)],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    scopes: [...BASE_SCOPES, ...extraScopes],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The email claim goes into the id_token too (the code flow would otherwise keep it for userinfo only).
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, accountId: string) => ({
      accountId,
      claims: async () => ({ sub: accountId, email: accountId, email_verified: true }),
    }),
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    issueRefreshToken: async (_ctx: unknown, c: { grantTypeAllowed(type: string): boolean }) =>
      c.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: options.accessTokenTtl ?? 60,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 24 * 3600,
    },
  });
  // Errors the provider reports are expected in negative tests; keep them out of the test output.
  provider.on('server_error', () => undefined);

  const providerHandler = provider.callback();
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (!url.pathname.startsWith('/interaction/')) return providerHandler(req, res);
    // One step does login and consent: the query (set by completeLogin) says who logs in and what is granted.
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (options.consentPage && !url.searchParams.has('email')) {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(consentPage(url.pathname, String(details.params.scope ?? '')));
          return;
        }
        const email = url.searchParams.get('email') ?? 'user@example.com';
        const requested = String(details.params.scope ?? '')
          .split(' ')
          .filter(Boolean);
        const allowed = url.searchParams.has('grant')
          ? (url.searchParams.get('grant') ?? '').split(' ').filter(Boolean)
          : requested;
        const granted = requested.filter((s) => s === 'openid' || allowed.includes(s));
        const grant = new provider.Grant({ accountId: email, clientId: String(details.params.client_id) });
        grant.addOIDCScope(granted.join(' '));
        // Scopes left out are explicitly rejected, otherwise the provider would ask for consent again.
        const rejected = requested.filter((s) => !granted.includes(s));
        if (rejected.length > 0) grant.rejectOIDCScope(rejected.join(' '));
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: email }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (e) {
        res.statusCode = 500;
        res.end(e instanceof Error ? e.message : 'interaction failed');
      }
    })();
  });

  async function completeLogin(authorizeUrl: string, { email, grantScopes }: CompleteLoginOptions): Promise<URL> {
    const cookies = new Map<string, string>();
    let next = new URL(authorizeUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (next.pathname.startsWith('/interaction/')) {
        next.searchParams.set('email', email);
        if (grantScopes) next.searchParams.set('grant', grantScopes.join(' '));
      }
      const response = await fetch(next, {
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of response.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair.indexOf('=');
        cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      const location = response.headers.get('location');
      const body = await response.text();
      if (!location) throw new Error(`OIDC test server answered ${response.status} without redirect: ${body}`);
      const target = new URL(location, next);
      if (target.href.startsWith(redirectUri)) return target;
      next = target;
    }
    throw new Error('OIDC test server: too many redirects');
  }

  return {
    issuer,
    authorizeUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    userinfoUrl: `${issuer}/me`,
    jwksUri: `${issuer}/jwks`,
    redirectUri,
    tokenEndpointAuthMethod: method,
    ...main,
    otherClient: { ...other, tokenEndpointAuthMethod: otherMethod },
    completeLogin,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export const start = startOidcServer;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The provider's sign-in and consent page (a GET form back to the same interaction, with the account's e-mail). */
function consentPage(action: string, scope: string): string {
  const scopes = scope
    .split(' ')
    .filter(Boolean)
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join('');
  return (
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Test identity provider: consent</title>` +
    `<main><h1>Sign in and allow access</h1><form method="get" action="${escapeHtml(action)}">` +
    `<label for="email">Account e-mail</label> <input id="email" name="email" type="email" required>` +
    `<p>The application asks for:</p><ul>${scopes}</ul><button type="submit">Allow</button></form></main></html>`
  );
}
