import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vaultSqlClient } from '@libs/application';
import { verifyWebhookSignature } from '@libs/webhooks';
import { generateMasterKeyValue, type OAuth2Secret, parseMasterKeys, VaultRepository } from '@libs/vault';
import {
  type ConnectionsHarness,
  EMAILS,
  oauthApp,
  REDIRECT_URI,
  RUNTIME_TOKEN,
  startConnectionsHarness,
} from './support/connections-harness';
import { driveIssue11Paths, TRACE_ID } from './support/canary-paths';
import { type OidcTestServer, startOidcServer } from './support/oidc-server';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';

const API_KEY_1 = 'CANARY-apikey-first-7f3a91d2';
const API_KEY_2 = 'CANARY-apikey-edited-c04e2b77';
const API_KEY_3 = 'CANARY-apikey-kept-5e1d0a34';
const PASSWORD = 'CANARY-password-9b8c7d6e';

const START = `mutation ($requestId: ID!, $appKey: String!) {
  startOAuthAuthorization(requestId: $requestId, appKey: $appKey) { authorizationUrl }
}`;
const AUTHORIZE = `mutation ($input: AuthorizeAppInput!) { authorizeApp(input: $input) { status error connection { id status } } }`;
const UPDATE = `mutation ($input: AuthorizeAppInput!) { updateCredentials(input: $input) { status connection { id } } }`;
const REVOKE = `mutation ($r: ID!, $a: String!) { revokeAccess(requestId: $r, appKey: $a) { status connection { status } } }`;
const REAUTH = `mutation ($r: ID!, $a: String!) { requestReauthorization(requestId: $r, appKey: $a) { sent reason } }`;
const DELETE = `mutation ($id: ID!) { deleteCredentialRequest(id: $id) { id removedConnections { id status } } }`;
const REGISTER_WEBHOOK = `mutation ($team: ID!, $url: String!) { registerWebhook(teamId: $team, url: $url) { id signingSecret } }`;
const DETAILS = `query ($id: ID!) { credentialRequest(id: $id) { id status apps { appKey status error accessUntil
  connection { id name status expiresAt lastError usage { scenarioId scenarioName moduleKey uses } } } } }`;

/**
 * SPEC R8.1: drives every flow that touches a secret, then searches everything the system wrote or said for the
 * secrets: events (data and metadata), every read-model table, every other table (the vault only by its plaintext
 * columns), every log line, every e-mail, every webhook delivery and every GraphQL/HTTP answer except the runtime
 * endpoint's (whose job is to hand them out) and the one registerWebhook answer (which shows its signing secret
 * once). Zero occurrences. Issue 11's paths are driven too (`support/canary-paths.ts`): request ids, throttling,
 * a browser session, a leaver's e-mails and refused webhook targets, each fed a secret of its own.
 */
describe('canary: secrets never leave the vault except through the runtime endpoint', () => {
  let oidc: OidcTestServer;
  let smtp: SmtpSink;
  let h: ConnectionsHarness;
  let hookServer: Server;
  let hookUrl: string;
  const deliveries: { body: string; signature: string }[] = [];
  const k1 = generateMasterKeyValue('k1');
  const secrets = new Set<string>([API_KEY_1, API_KEY_2, API_KEY_3, PASSWORD, RUNTIME_TOKEN]);
  const runtimeAnswers: string[] = [];

  beforeAll(async () => {
    oidc = await startOidcServer({
      scopes: ['crm.read', 'crm.write'],
      accessTokenTtl: 3600,
      redirectUri: REDIRECT_URI,
    });
    smtp = await startSmtpSink();
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        deliveries.push({ body, signature: String(req.headers['x-signature'] ?? '') });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;
    process.env.CANARY_CRM_SECRET = oidc.clientSecret;
    secrets.add(oidc.clientSecret);
    h = await startConnectionsHarness(
      {
        apps: [
          oauthApp('crm', oidc, 'CANARY_CRM_SECRET', { read: 'crm.read', write: 'crm.write' }),
          {
            key: 'keyed',
            name: 'Keyed',
            versions: [
              { version: 1, connection: { type: 'API_KEY' }, modules: [{ key: 'read', name: 'Read', scopes: [] }] },
            ],
          },
          {
            key: 'basicapp',
            name: 'Basic App',
            versions: [
              { version: 1, connection: { type: 'BASIC' }, modules: [{ key: 'read', name: 'Read', scopes: [] }] },
            ],
          },
        ],
      },
      // Insecure webhook targets allowed: the canary's endpoint is on loopback.
      { SMTP_URL: smtp.url, CREDENTIALS_MASTER_KEY: k1, WEBHOOKS_ALLOW_INSECURE: 'true', AUTH_DEV_SIGNIN: 'true' },
    );
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await oidc?.stop();
    await smtp?.stop();
    await new Promise((r) => hookServer?.close(r));
  });

  const oauthGrant = async (requestId: string) => {
    const data = await h.graphql('recipient', START, { requestId, appKey: 'crm' });
    const back = await oidc.completeLogin(
      (data.startOAuthAuthorization as { authorizationUrl: string }).authorizationUrl,
      {
        email: EMAILS.recipient,
      },
    );
    secrets.add(back.searchParams.get('code') as string);
    const res = await h.get(`${h.booted.url}/oauth/callback${back.search}`);
    expect(res.status).toBe(302);
  };
  const connectionOf = async (requestId: string, appKey: string) =>
    (await h.readModels.requestById(requestId))?.apps.find((a) => a.appKey === appKey)?.connectionId as string;
  const remember = async (connectionId: string) => {
    const secret = await h.vault.get<OAuth2Secret>(connectionId);
    if (secret?.accessToken) secrets.add(secret.accessToken);
    if (secret?.refreshToken) secrets.add(secret.refreshToken);
  };
  const use = async (connectionId: string) => {
    const res = await h.runtime(connectionId, {
      moduleKey: 'read',
      scenarioId: 'canary',
      scenarioName: 'Canary',
      teamId: h.teamId,
    });
    runtimeAnswers.push(JSON.stringify(res.body));
    return res;
  };

  it('finds no secret anywhere after authorize, edit, OAuth authorize + reauthorize, revoke, delete and key rotation', async () => {
    // Request A: every flow, ending in delete.
    const a = await h.createRequest([
      { appKey: 'keyed', allModules: true },
      { appKey: 'basicapp', allModules: true },
      { appKey: 'crm', allModules: true },
    ]);
    // A webhook on the team (registered once the team is projected): its signing secret is a secret like the
    // others, and every flow below is delivered to it.
    const { registerWebhook } = (await h.graphql('owner', REGISTER_WEBHOOK, { team: h.teamId, url: hookUrl })) as {
      registerWebhook: { signingSecret: string };
    };
    const signingSecret = registerWebhook.signingSecret;
    const registerAnswer = h.responses[h.responses.length - 1];
    expect(registerAnswer).toContain(signingSecret);
    secrets.add(signingSecret);
    await h.graphql('recipient', AUTHORIZE, { input: { requestId: a, appKey: 'keyed', apiKey: API_KEY_1 } });
    await h.graphql('recipient', UPDATE, { input: { requestId: a, appKey: 'keyed', apiKey: API_KEY_2 } });
    await h.graphql('recipient', AUTHORIZE, {
      input: { requestId: a, appKey: 'basicapp', basic: { username: 'canary-user', password: PASSWORD } },
    });
    await oauthGrant(a);
    const crmA = await connectionOf(a, 'crm');
    await remember(crmA);
    expect((await use(await connectionOf(a, 'keyed'))).body).toEqual({ type: 'API_KEY', apiKey: API_KEY_2 });
    expect((await use(await connectionOf(a, 'basicapp'))).body).toEqual({
      type: 'BASIC',
      username: 'canary-user',
      password: PASSWORD,
    });
    expect((await use(crmA)).status).toBe(200);
    expect((await h.graphql('owner', REAUTH, { r: a, a: 'crm' })).requestReauthorization).toEqual({
      sent: false,
      reason: 'CONNECTION_VALID',
    });
    await remember(crmA); // the health check refreshed (rotated) the tokens
    // Break the grant (refresh token replayed), ask again: SENT; the recipient reauthorizes.
    const stolen = (await h.vault.get<OAuth2Secret>(crmA))?.refreshToken as string;
    await fetch(oidc.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${oidc.clientId}:${oidc.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: stolen }),
    })
      .then((r) => r.json() as Promise<{ access_token?: string; refresh_token?: string }>)
      .then((j) => {
        if (j.access_token) secrets.add(j.access_token);
        if (j.refresh_token) secrets.add(j.refresh_token);
      });
    expect((await h.graphql('owner', REAUTH, { r: a, a: 'crm' })).requestReauthorization).toEqual({
      sent: true,
      reason: 'SENT',
    });
    await oauthGrant(a);
    expect(await connectionOf(a, 'crm')).toBe(crmA);
    await remember(crmA);
    expect((await use(crmA)).status).toBe(200);
    await h.graphql('recipient', DETAILS, { id: a });
    await h.graphql('owner', DETAILS, { id: a });
    await h.graphql('recipient', REVOKE, { r: a, a: 'keyed' });
    expect((await use(await connectionOf(a, 'keyed'))).status).toBe(403);
    const deleted = await h.graphql('owner', DELETE, { id: a });
    expect((deleted.deleteCredentialRequest as { removedConnections: unknown[] }).removedConnections).toHaveLength(3);
    expect(await h.vault.get(crmA)).toBeNull();

    // Request B: kept alive through a master key rotation.
    const b = await h.createRequest([
      { appKey: 'keyed', allModules: true },
      { appKey: 'crm', allModules: true },
    ]);
    await h.graphql('recipient', AUTHORIZE, { input: { requestId: b, appKey: 'keyed', apiKey: API_KEY_3 } });
    await oauthGrant(b);
    const keyedB = await connectionOf(b, 'keyed');
    const crmB = await connectionOf(b, 'crm');
    await remember(crmB);
    const crmToken = (await h.vault.get<OAuth2Secret>(crmB))?.accessToken;

    // The ciphertext alone is worthless: another master key opens nothing.
    const stranger = new VaultRepository(vaultSqlClient(h.sql), parseMasterKeys(generateMasterKeyValue('k1')));
    await expect(stranger.get(keyedB)).rejects.toThrow();

    // keys:rotate — a new master key k2 wraps every data key; every secret stays readable through the runtime.
    await h.reboot({ CREDENTIALS_MASTER_KEY: `${k1},${generateMasterKeyValue('k2')}` });
    expect(await h.vault.rotate()).toBeGreaterThanOrEqual(2);
    const keyIds = await h.sql.query<{ key_id: string }>('SELECT DISTINCT key_id FROM vault_secrets');
    expect(keyIds.map((r) => r.key_id)).toEqual(['k2']);
    expect((await use(keyedB)).body).toEqual({ type: 'API_KEY', apiKey: API_KEY_3 });
    expect((await use(crmB)).body).toEqual({ type: 'OAUTH2', accessToken: crmToken });
    // The webhook secret was re-wrapped too (key_id above) and still signs: a change after the rotation is delivered
    // with a signature that verifies.
    const beforeRevoke = deliveries.length;
    await h.graphql('recipient', REVOKE, { r: b, a: 'keyed' });
    for (const end = Date.now() + 20_000; deliveries.length === beforeRevoke;) {
      if (Date.now() > end) throw new Error('no webhook delivery after the key rotation');
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(deliveries.length).toBeGreaterThan(3);
    expect(deliveries.filter((d) => !verifyWebhookSignature(signingSecret, d.body, d.signature))).toEqual([]);

    await driveIssue11Paths({ h, smtp, secrets, use, requestId: b, crmConnection: crmB });

    await smtp.waitFor(3);
    await new Promise((r) => setTimeout(r, 500)); // let the last mails of the flows arrive too

    // Now search everything.
    const haystacks: [string, string][] = [];
    for (const row of await h.sql.query<{ d: string; m: string }>(
      'SELECT data::text AS d, metadata::text AS m FROM es_events',
    )) {
      haystacks.push(['es_events', `${row.d}\n${row.m}`]);
    }
    const tables = await h.sql.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    expect(tables.some((t) => t.schema === 'read')).toBe(true);
    for (const t of tables) {
      const columns = await h.sql.query<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
        [t.schema, t.name],
      );
      // The vault's encrypted columns (bytea) are the one place the secrets are, sealed.
      const readable = columns.filter((c) => !(t.name === 'vault_secrets' && c.data_type === 'bytea'));
      if (readable.length === 0) continue;
      const list = readable.map((c) => `"${c.column_name}"::text`).join(` || ' ' || `);
      for (const row of await h.sql.query<{ v: string | null }>(
        `SELECT (${list}) AS v FROM "${t.schema}"."${t.name}"`,
      )) {
        haystacks.push([`${t.schema}.${t.name}`, row.v ?? '']);
      }
    }
    h.logs.lines.forEach((line) => haystacks.push(['log', line]));
    expect(h.logs.lines.length).toBeGreaterThan(10);
    smtp.messages.forEach((m) => haystacks.push(['mail', m.raw.toString('utf8')]));
    deliveries.forEach((d) => haystacks.push(['webhook', `${d.signature}\n${d.body}`]));
    h.responses
      .filter((text) => !runtimeAnswers.includes(text) && text !== registerAnswer)
      .forEach((text) => haystacks.push(['response', text]));

    const found: string[] = [];
    for (const secret of secrets) {
      for (const [where, text] of haystacks) if (text.includes(secret)) found.push(`${where}: …${secret.slice(0, 12)}`);
    }
    expect(secrets.size).toBeGreaterThanOrEqual(10);
    expect(haystacks.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
    // The new log lines were searched too: a block per throttled scope, the bearer one under our request id.
    expect(h.logs.lines.some((line) => line.includes('client blocked') && line.includes(TRACE_ID))).toBe(true);
    for (const scope of ['runtime', 'bearer', 'oauth-state']) {
      expect(h.logs.lines.some((line) => line.includes('client blocked') && line.includes(`"${scope}"`))).toBe(true);
    }
    // The search itself works: the runtime answers (left out above, by design) do hold the secrets.
    expect(runtimeAnswers.join('\n')).toContain(API_KEY_2);
    expect(runtimeAnswers.join('\n')).toContain(PASSWORD);
  }, 90_000);
});
