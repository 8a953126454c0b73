import {
  DeclineAppCommand,
  DeleteCredentialRequestCommand,
  RequestReauthorizationCommand,
  RevokeAccessCommand,
  AuthorizeAppCommand,
} from '@libs/application';
import type { OAuth2Secret } from '@libs/vault';
import {
  type ConnectionsHarness,
  EMAILS,
  eventually,
  oauthApp,
  REDIRECT_URI,
  startConnectionsHarness,
} from './support/connections-harness';
import { type OidcTestServer, startOidcServer } from './support/oidc-server';

const READ = 'crm.read';
const WRITE = 'crm.write';

const START = `mutation ($requestId: ID!, $appKey: String!, $accessUntil: DateTime) {
  startOAuthAuthorization(requestId: $requestId, appKey: $appKey, accessUntil: $accessUntil) { authorizationUrl }
}`;

describe('connections: OAuth2 grants, refresh, runtime endpoint (real oidc-provider, PostgreSQL, Redis)', () => {
  let oidc: OidcTestServer;
  let fast: OidcTestServer;
  let h: ConnectionsHarness;

  beforeAll(async () => {
    oidc = await startOidcServer({ scopes: [READ, WRITE], accessTokenTtl: 3600, redirectUri: REDIRECT_URI });
    fast = await startOidcServer({ scopes: [READ, WRITE], accessTokenTtl: 4, redirectUri: REDIRECT_URI });
    process.env.CONN_TEST_CRM_SECRET = oidc.clientSecret;
    process.env.CONN_TEST_FAST_SECRET = fast.clientSecret;
    h = await startConnectionsHarness({
      apps: [
        oauthApp('crm', oidc, 'CONN_TEST_CRM_SECRET', { read: READ, write: WRITE }),
        oauthApp('fastcrm', fast, 'CONN_TEST_FAST_SECRET', { read: READ, write: WRITE }, 2),
        {
          key: 'keyed',
          name: 'Keyed',
          versions: [
            {
              version: 1,
              connection: { type: 'API_KEY' },
              modules: [
                { key: 'read', name: 'Read', scopes: [] },
                { key: 'write', name: 'Write', scopes: [] },
              ],
            },
          ],
        },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await oidc?.stop();
    await fast?.stop();
  });

  const appState = async (requestId: string, appKey: string) => {
    const row = await h.readModels.requestById(requestId);
    return row?.apps.find((a) => a.appKey === appKey);
  };

  /** start → the provider's login → our callback; returns the callback's answer. */
  const grant = async (
    requestId: string,
    appKey: string,
    provider: OidcTestServer,
    login: { email?: string; grantScopes?: string[] } = {},
    accept?: string,
  ) => {
    const data = await h.graphql('recipient', START, { requestId, appKey });
    const url = (data.startOAuthAuthorization as { authorizationUrl: string }).authorizationUrl;
    const back = await provider.completeLogin(url, { email: login.email ?? EMAILS.recipient, ...login });
    const callback = `${h.booted.url}/oauth/callback${back.search}`;
    return { res: await h.get(callback, accept), callback, url };
  };

  const use = (connectionId: string, over: Record<string, unknown> = {}) =>
    h.runtime(connectionId, { moduleKey: 'read', scenarioId: 'sc-1', scenarioName: 'Sync', teamId: h.teamId, ...over });

  it('authorizes with PKCE and a bound state; the state is single-use; reauthorize keeps the id with new tokens', async () => {
    const requestId = await h.createRequest([{ appKey: 'crm', allModules: true }]);
    const { res, callback, url } = await grant(requestId, 'crm', oidc);
    const params = new URL(url).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(params.get('scope')).toBe(`${READ} ${WRITE} openid email offline_access`);
    expect(res.status).toBe(302);
    // The page learns the outcome from its URL (issue #10): codes only, no secret, no provider text.
    expect(res.headers.get('location')).toBe(`http://cr.test/requests/${requestId}?oauth=authorized&app=crm`);
    const app = await appState(requestId, 'crm');
    expect(app?.status).toBe('AUTHORIZED');
    const connectionId = app?.connectionId as string;
    const first = await h.vault.get<OAuth2Secret>(connectionId);
    expect(first?.refreshToken).toBeTruthy();

    // Replay of the same callback: refused, nothing changes.
    const events = (await h.store.readStream(`credential-request-${requestId}`)).length;
    const replay = await h.get(callback);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('INVALID_STATE');
    expect((await h.store.readStream(`credential-request-${requestId}`)).length).toBe(events);

    const used = await use(connectionId);
    expect(used).toEqual({ status: 200, body: { type: 'OAUTH2', accessToken: first?.accessToken } });

    // A healthy connection: CONNECTION_VALID, nothing sent.
    const valid = await h.bus.execute(new RequestReauthorizationCommand({ requestId, appKey: 'crm' }, h.ctx(h.owner)));
    expect(valid.reason).toBe('CONNECTION_VALID');

    // Break the grant the way STACK.md describes: the refresh token used twice (here, once by a thief).
    const stolen = (await h.vault.get<OAuth2Secret>(connectionId))?.refreshToken as string;
    const reuse = (token: string) =>
      fetch(oidc.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${oidc.clientId}:${oidc.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }),
      });
    expect((await reuse(stolen)).status).toBe(200);
    const broken = await h.bus.execute(new RequestReauthorizationCommand({ requestId, appKey: 'crm' }, h.ctx(h.owner)));
    expect(broken.reason).toBe('SENT');
    await h.runner.waitFor(broken.position, 10_000);
    expect((await appState(requestId, 'crm'))?.status).toBe('REAUTHORIZING');

    const again = await grant(requestId, 'crm', oidc);
    expect(again.res.status).toBe(302);
    const after = await appState(requestId, 'crm');
    expect(after?.status).toBe('AUTHORIZED');
    expect(after?.connectionId).toBe(connectionId);
    const second = await h.vault.get<OAuth2Secret>(connectionId);
    expect(second?.accessToken).not.toBe(first?.accessToken);
    expect((await use(connectionId)).body).toEqual({ type: 'OAUTH2', accessToken: second?.accessToken });
  });

  it('refreshes before expiry on the {oauth-refresh} queue, and a failed refresh makes the connection EXPIRED', async () => {
    const requestId = await h.createRequest([{ appKey: 'fastcrm', allModules: true }]);
    expect((await grant(requestId, 'fastcrm', fast)).res.status).toBe(302);
    const connectionId = (await appState(requestId, 'fastcrm'))?.connectionId as string;
    const stream = `credential-request-${requestId}`;
    await eventually(async () =>
      (await h.store.readStream(stream)).some((e) => e.type === 'ConnectionRefreshed') ? true : undefined,
    );
    const secret = await h.vault.get<OAuth2Secret>(connectionId);
    expect(Date.parse(secret?.expiresAt as string)).toBeGreaterThan(Date.now());

    // Revoke the grant at the provider (reuse of a rotated token): the next scheduled refresh fails → EXPIRED.
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: secret?.refreshToken as string });
    await fetch(fast.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${fast.clientId}:${fast.clientSecret}`).toString('base64')}`,
      },
      body,
    });
    const expired = await eventually(async () => {
      const app = await appState(requestId, 'fastcrm');
      return app?.connectionStatus === 'EXPIRED' ? app : undefined;
    });
    expect(expired.error).toMatch(/refresh/);
    expect((await use(connectionId)).status).toBe(403);
  }, 60_000);

  it('a scope shortfall makes the app INVALID naming the missing scopes', async () => {
    const requestId = await h.createRequest([{ appKey: 'crm', allModules: true }]);
    const { res } = await grant(requestId, 'crm', oidc, { grantScopes: [READ, 'email', 'offline_access'] });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `http://cr.test/requests/${requestId}?oauth=error&app=crm&reason=missing_scopes`,
    );
    const app = await appState(requestId, 'crm');
    expect(app?.status).toBe('INVALID');
    expect(app?.error).toContain(WRITE);
    expect(app?.error).not.toContain(READ);
    expect(app?.connectionId).toBeNull();
  });

  // R5 has no REVOKED → INVALID: a refused grant for a revoked app stores nothing, and the person is told the
  // provider's reason (before: "could not be completed, start it again", which only repeats the same refusal).
  it('a grant refused for a REVOKED app says why and stores nothing', async () => {
    const requestId = await h.createRequest([{ appKey: 'crm', allModules: true }]);
    expect((await grant(requestId, 'crm', oidc)).res.status).toBe(302);
    await h.graphql('recipient', 'mutation ($r: ID!) { revokeAccess(requestId: $r, appKey: "crm") { status } }', {
      r: requestId,
    });
    const stream = `credential-request-${requestId}`;
    const before = (await h.store.readStream(stream)).length;
    const short = await grant(requestId, 'crm', oidc, { grantScopes: [READ, 'email', 'offline_access'] }, 'text/html');
    expect(short.res.status).toBe(302);
    expect(short.res.headers.get('location')).toBe(
      `http://cr.test/requests/${requestId}?oauth=error&app=crm&reason=missing_scopes`,
    );
    const data = await h.graphql('recipient', START, { requestId, appKey: 'crm' });
    const state = new URL(
      (data.startOAuthAuthorization as { authorizationUrl: string }).authorizationUrl,
    ).searchParams.get('state') as string;
    const denied = await h.get(`${h.booted.url}/oauth/callback?error=access_denied&state=${state}`, 'text/html');
    expect(denied.headers.get('location')).toBe(
      `http://cr.test/requests/${requestId}?oauth=error&app=crm&reason=access_denied`,
    );
    // An API client still gets the refusal as it is: CONFLICT, with the provider's reason in its message.
    const api = await grant(requestId, 'crm', oidc, { grantScopes: [READ, 'email', 'offline_access'] });
    expect(api.res.status).toBe(409);
    expect(((await api.res.json()) as { message: string }).message).toContain('AUTHORIZE_REJECTED');
    expect((await appState(requestId, 'crm'))?.status).toBe('REVOKED');
    expect(await h.store.readStream(stream)).toHaveLength(before);
  });

  it('refuses a grant from another account domain and leaves the app as it was (R12.2)', async () => {
    const requestId = await h.createRequest([
      { appKey: 'crm', allModules: true, expectedAccountDomain: 'acme.example' },
    ]);
    const { res } = await grant(requestId, 'crm', oidc, { email: 'rui@gmail.example' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('acme.example');
    expect((await appState(requestId, 'crm'))?.status).toBe('PENDING');
    expect((await h.store.readStream(`credential-request-${requestId}`)).map((e) => e.type)).toEqual([
      'RequestCreated',
    ]);
    // A browser goes back to the request's page with the reason (R12.2), still nothing stored.
    const browser = await grant(requestId, 'crm', oidc, { email: 'rui@gmail.example' }, 'text/html');
    expect(browser.res.status).toBe(302);
    expect(browser.res.headers.get('location')).toBe(
      `http://cr.test/requests/${requestId}?oauth=error&app=crm&reason=wrong_account`,
    );
    expect((await appState(requestId, 'crm'))?.status).toBe('PENDING');
    // The right account then works.
    expect((await grant(requestId, 'crm', oidc)).res.status).toBe(302);
    expect((await appState(requestId, 'crm'))?.status).toBe('AUTHORIZED');
  });

  it('refuses an expired or unknown state, and handles access_denied', async () => {
    const requestId = await h.createRequest([{ appKey: 'crm', allModules: true }]);
    const data = await h.graphql('recipient', START, { requestId, appKey: 'crm' });
    const state = new URL(
      (data.startOAuthAuthorization as { authorizationUrl: string }).authorizationUrl,
    ).searchParams.get('state') as string;
    expect((await h.get(`${h.booted.url}/oauth/callback?code=x&state=unknown`)).status).toBe(400);
    await h.sql.query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const late = await h.get(`${h.booted.url}/oauth/callback?code=x&state=${state}`, 'text/html');
    expect(late.status).toBe(400);
    // A person's page: what to do next, and a way back (there is no request to return to), in their language.
    const page = await late.text();
    expect(page).toContain('<h1>Authorization not completed</h1>');
    expect(page).toContain('Open the request again and choose Authorize.');
    // Only the recipient starts a grant: back to what they received.
    expect(page).toContain('<a href="http://cr.test/requests?tab=received">');
    expect(page).not.toContain(state);
    const inPortuguese = await fetch(`${h.booted.url}/oauth/callback?code=x&state=${state}`, {
      headers: { accept: 'text/html', 'accept-language': 'pt-BR,pt;q=0.9,en;q=0.5' },
    });
    const pagePt = await inPortuguese.text();
    expect(pagePt).toContain('<html lang="pt-BR">');
    expect(pagePt).toContain('<h1>Autorização não concluída</h1>');
    expect(pagePt).toContain('Ir para as suas solicitações de credenciais');
    // The language chosen in the web app (its cookie) wins over the browser's.
    const chosen = await fetch(`${h.booted.url}/oauth/callback?code=x&state=${state}`, {
      headers: { accept: 'text/html', 'accept-language': 'en', cookie: 'theme=x; lang=pt-BR' },
    });
    expect(await chosen.text()).toContain('<h1>Autorização não concluída</h1>');
    const other = await fetch(`${h.booted.url}/oauth/callback?code=x&state=${state}`, {
      headers: { accept: 'text/html', 'accept-language': 'pt-BR', cookie: 'lang=en' },
    });
    expect(await other.text()).toContain('<h1>Authorization not completed</h1>');
    expect((await appState(requestId, 'crm'))?.status).toBe('PENDING');

    const again = await h.graphql('recipient', START, { requestId, appKey: 'crm' });
    const state2 = new URL(
      (again.startOAuthAuthorization as { authorizationUrl: string }).authorizationUrl,
    ).searchParams.get('state') as string;
    const denied = await h.get(`${h.booted.url}/oauth/callback?error=access_denied&state=${state2}`);
    expect(denied.status).toBe(302);
    expect(denied.headers.get('location')).toBe(
      `http://cr.test/requests/${requestId}?oauth=error&app=crm&reason=access_denied`,
    );
    const app = await appState(requestId, 'crm');
    expect(app?.status).toBe('INVALID');
    expect(app?.error).toContain('access_denied');
  });

  it('only the recipient may start a grant', async () => {
    const requestId = await h.createRequest([{ appKey: 'crm', allModules: true }]);
    await expect(h.graphql('owner', START, { requestId, appKey: 'crm' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.graphql('outsider', START, { requestId, appKey: 'crm' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const rows = await h.sql.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM oauth_states WHERE request_id = $1',
      [requestId],
    );
    expect(rows[0].n).toBe('0');
  });

  describe('runtime endpoint (R8.2, R8.3, R13.9)', () => {
    const authorizeKey = async (requestId: string, apiKey: string, modules?: string[]) => {
      const result = await h.bus.execute(
        new AuthorizeAppCommand({ requestId, appKey: 'keyed', apiKey }, h.ctx(h.recipient)),
      );
      await h.runner.waitFor(result.position, 10_000);
      void modules;
      return result.connectionId as string;
    };

    it('answers 401 / 404 / 403 / 200 and counts uses per module and scenario', async () => {
      const requestId = await h.createRequest([{ appKey: 'keyed', modules: ['read'] }]);
      const id = await authorizeKey(requestId, 'sk-runtime-one');
      expect((await use(id, {})).status).toBe(200);
      expect((await h.runtime(id, { moduleKey: 'read', scenarioId: 's', teamId: h.teamId }, null)).status).toBe(401);
      expect((await h.runtime(id, { moduleKey: 'read', scenarioId: 's', teamId: h.teamId }, 'wrong')).status).toBe(401);
      expect(
        (
          await h.runtime('00000000-0000-4000-8000-000000000000', {
            moduleKey: 'read',
            scenarioId: 's',
            teamId: h.teamId,
          })
        ).status,
      ).toBe(404);
      expect((await use(id, { moduleKey: 'write' })).status).toBe(403);
      expect((await use(id, { teamId: 'another-team' })).status).toBe(403);
      const ok = await use(id, { scenarioId: 'sc-2', scenarioName: 'Other' });
      expect(ok).toEqual({ status: 200, body: { type: 'API_KEY', apiKey: 'sk-runtime-one' } });
      const usage = (await h.readModels.connectionById(id))?.usage ?? [];
      const count = (scenario: string) =>
        usage
          .filter((u) => (u as { scenarioId: string }).scenarioId === scenario)
          .map((u) => (u as { uses: number }).uses);
      expect(count('sc-1')).toEqual([1]);
      expect(count('sc-2')).toEqual([1]);
    });

    it('refuses after revoke, decline, expiry of access and delete', async () => {
      const requestId = await h.createRequest([{ appKey: 'keyed', allModules: true }]);
      const id = await authorizeKey(requestId, 'sk-runtime-two');
      expect((await use(id)).status).toBe(200);
      await h.bus.execute(new RevokeAccessCommand({ requestId, appKey: 'keyed' }, h.ctx(h.recipient)));
      expect((await use(id)).status).toBe(403);
      expect(await authorizeKey(requestId, 'sk-runtime-three')).toBe(id);
      expect((await use(id)).body).toEqual({ type: 'API_KEY', apiKey: 'sk-runtime-three' });
      await h.bus.execute(
        new DeclineAppCommand({ requestId, appKey: 'keyed', reason: 'No longer' }, h.ctx(h.recipient)),
      );
      expect((await use(id)).status).toBe(403);

      const other = await h.createRequest([{ appKey: 'keyed', allModules: true }]);
      const until = new Date(Date.now() + 1500).toISOString();
      const limited = await h.bus.execute(
        new AuthorizeAppCommand(
          { requestId: other, appKey: 'keyed', apiKey: 'sk-limited', accessUntil: until },
          h.ctx(h.recipient),
        ),
      );
      await h.runner.waitFor(limited.position, 10_000);
      const otherId = limited.connectionId as string;
      // R12.4: the delayed job at accessUntil revokes (AccessRevoked by the system).
      await eventually(async () =>
        (await h.store.readStream(`credential-request-${other}`)).some((e) => e.type === 'AccessRevoked')
          ? true
          : undefined,
      );
      expect((await use(otherId)).status).toBe(403);

      const third = await h.createRequest([{ appKey: 'keyed', allModules: true }]);
      const thirdId = await authorizeKey(third, 'sk-runtime-four');
      await h.bus.execute(new DeleteCredentialRequestCommand({ requestId: third }, h.ctx(h.owner)));
      expect((await use(thirdId)).status).toBe(403);
    });
  });
});
