import { AddOrganizationMemberCommand, AddTeamMemberCommand, CreateCredentialRequestCommand } from '@libs/application';
import { streams } from '@libs/domain';
import {
  type ConnectionsHarness,
  EMAILS,
  oauthApp,
  REDIRECT_URI,
  startConnectionsHarness,
} from './support/connections-harness';
import { TestBrowser } from './support/browser';
import { type OidcTestServer, startOidcServer } from './support/oidc-server';

// Issue 11 item 5: an OAuth2 grant started in the web app completes only in the browser session that started it
// (signed in as its recipient); the callback changes nothing unless its state is valid, unused and presented there;
// the provider's free text never becomes the app's error.

const START = `mutation ($requestId: ID!, $appKey: String!) {
  startOAuthAuthorization(requestId: $requestId, appKey: $appKey) { authorizationUrl }
}`;
const VERA = { email: 'vera@acme.example', name: 'Vera Recipient' };

describe('OAuth2 callback bound to the browser (real oidc-provider, PostgreSQL, Redis)', () => {
  let oidc: OidcTestServer;
  let h: ConnectionsHarness;
  let vera: TestBrowser;
  let olga: TestBrowser;
  let veraId: string;

  beforeAll(async () => {
    oidc = await startOidcServer({
      scopes: ['crm.read', 'crm.write'],
      accessTokenTtl: 3600,
      redirectUri: REDIRECT_URI,
    });
    process.env.BINDING_CRM_SECRET = oidc.clientSecret;
    h = await startConnectionsHarness(
      { apps: [oauthApp('crm', oidc, 'BINDING_CRM_SECRET', { read: 'crm.read', write: 'crm.write' })] },
      { AUTH_DEV_SIGNIN: 'true' },
    );
    // Vera signs in through the web app first (her first sign-in provisions her), then joins the team.
    vera = new TestBrowser(h.booted.url);
    expect((await vera.devSignIn(VERA)).status).toBe(204);
    veraId = ((await vera.graphql<{ me: { id: string } }>('{ me { id } }')).data as { me: { id: string } }).me.id;
    const organizationId = (await h.readModels.teamById(h.teamId))!.organizationId;
    await h.bus.execute(new AddOrganizationMemberCommand({ organizationId, ...VERA, role: 'MEMBER' }, h.ctx(h.owner)));
    await h.bus.execute(new AddTeamMemberCommand({ teamId: h.teamId, userId: veraId, role: 'MEMBER' }, h.ctx(h.owner)));
    // Another signed-in user of the same service: the requester, in her own browser.
    olga = new TestBrowser(h.booted.url);
    expect((await olga.devSignIn({ email: 'olga.web@acme.example', name: 'Olga in a browser' })).status).toBe(204);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await oidc?.stop();
  });

  const requestFor = async (): Promise<string> => {
    const { requestId, position } = await h.bus.execute(
      new CreateCredentialRequestCommand(
        {
          teamId: h.teamId,
          name: 'CRM for Vera',
          recipient: { userId: veraId },
          apps: [{ appKey: 'crm', allModules: true }],
          termsAccepted: true,
        },
        h.ctx(h.owner),
      ),
    );
    await h.runner.waitFor(position, 10_000);
    return requestId;
  };
  /** Vera starts the grant in her browser (session cookie, no bearer); the provider sends back code and state. */
  const startInBrowser = async (requestId: string) => {
    const started = await vera.graphql<{ startOAuthAuthorization: { authorizationUrl: string } }>(START, {
      requestId,
      appKey: 'crm',
    });
    expect(started.errors).toBeUndefined();
    const url = started.data!.startOAuthAuthorization.authorizationUrl;
    // Whoever opens the link logs in at the provider: here with an account of their own.
    const back = await oidc.completeLogin(url, { email: 'someone.else@elsewhere.example' });
    return { back, state: new URL(url).searchParams.get('state') as string };
  };
  const callback = (search: string, browser?: TestBrowser) =>
    browser
      ? browser.fetch(`/oauth/callback${search}`, { headers: { accept: 'application/json' } })
      : fetch(`${h.booted.url}/oauth/callback${search}`, {
          redirect: 'manual',
          headers: { accept: 'application/json' },
        });
  const events = async (requestId: string) =>
    (await h.store.readStream(streams.credentialRequest(requestId))).map((e) => e.type);
  const app = async (requestId: string) => (await h.readModels.requestById(requestId))?.apps[0];

  it('another browser — no cookie, or another user signed in — cannot complete the grant, and nothing changes', async () => {
    const requestId = await requestFor();
    const { back } = await startInBrowser(requestId);
    const before = await events(requestId);

    const anonymous = await callback(back.search);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toMatchObject({ error: 'OTHER_BROWSER' });
    const otherUser = await callback(back.search, olga);
    expect(otherUser.status).toBe(403);
    expect(await events(requestId)).toEqual(before);
    expect(await app(requestId)).toMatchObject({ status: 'PENDING', connectionId: null, error: null });

    // The state was left unused: in Vera's own browser the same callback completes the grant.
    const own = await callback(back.search, vera);
    expect(own.status).toBe(302);
    expect(own.headers.get('location')).toBe(`http://cr.test/requests/${requestId}?oauth=authorized&app=crm`);
    expect((await app(requestId))?.status).toBe('AUTHORIZED');
  });

  it('a signed-out session no longer completes it', async () => {
    const requestId = await requestFor();
    const { back } = await startInBrowser(requestId);
    const cookie = vera.cookieHeader();
    expect((await vera.fetch('/auth/logout', { method: 'POST' })).status).toBe(204);
    const stale = await fetch(`${h.booted.url}/oauth/callback${back.search}`, {
      redirect: 'manual',
      headers: { accept: 'application/json', cookie },
    });
    expect(stale.status).toBe(403);
    expect((await app(requestId))?.status).toBe('PENDING');
    expect((await vera.devSignIn(VERA)).status).toBe(204);
  });

  it('a forged error callback changes nothing: unknown or used state, or another browser', async () => {
    const requestId = await requestFor();
    const { back, state } = await startInBrowser(requestId);
    const before = await events(requestId);
    const forged = (s: string) =>
      `?state=${s}&error=access_denied&error_description=${encodeURIComponent('Call +1 555 0100')}`;

    expect((await callback(forged('not-a-state'), vera)).status).toBe(400);
    expect((await callback(forged(state), olga)).status).toBe(403);
    expect((await callback(forged(state))).status).toBe(403);
    expect(await events(requestId)).toEqual(before);
    expect((await app(requestId))?.error).toBeNull();

    // Completed in Vera's browser, the state is spent: a forged error with it afterwards changes nothing either.
    expect((await callback(back.search, vera)).status).toBe(302);
    const authorized = await events(requestId);
    const replay = await callback(forged(state), vera);
    expect(replay.status).toBe(400);
    expect(await events(requestId)).toEqual(authorized);
    expect(await app(requestId)).toMatchObject({ status: 'AUTHORIZED', error: null });
  });

  it("the provider's free text never becomes the app's error: only a known code does", async () => {
    const requestId = await requestFor();
    const { state } = await startInBrowser(requestId);
    const text = encodeURIComponent('Your account is suspended. Call +1 555 0100 now');
    const res = await callback(`?state=${state}&error=${text}&error_description=${text}`, vera);
    expect(res.status).toBe(302);
    const after = await app(requestId);
    expect(after?.status).toBe('INVALID');
    expect(after?.error).toBe('The provider did not grant access (unknown_error).');
  });

  it('a grant started with a bearer token stays completable by whoever holds its state (residual risk, docs/security.md)', async () => {
    const requestId = await h.createRequest([{ appKey: 'crm', allModules: true }]);
    const data = await h.graphql('recipient', START, { requestId, appKey: 'crm' });
    const url = (data.startOAuthAuthorization as { authorizationUrl: string }).authorizationUrl;
    const back = await oidc.completeLogin(url, { email: EMAILS.recipient });
    expect((await callback(back.search)).status).toBe(302);
    expect((await app(requestId))?.status).toBe('AUTHORIZED');
  });
});
