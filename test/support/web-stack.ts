import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BootedApp } from './app';
import { TestBrowser } from './browser';
import { bootGatewayWith } from './gateway-app';
import { captureLogs } from './logs';
import { startOidcServer, type OidcTestServer } from './oidc-server';
import { createTestDatabase, type TestDatabase } from './postgres';
import { redisUrl, uniquePrefix } from './redis';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { freePort } from './free-port';
import { askRuntime } from './runtime-endpoint';
import shipped from '../../libs/catalog/src/apps.catalog.json';

/** The API key the loopback "OpenAI" accepts; any other is refused with OpenAI's own wording. */
export const GOOD_API_KEY = 'sk-test-0123456789abcdef0123456789abcdef';

/** The scenario runtime's token (R8.2): `WebStack.useConnection` calls as an automation scenario would. */
const RUNTIME_TOKEN = 'web-e2e-runtime-token-0123456789abcdef';

/** The scopes of the apps the help page's examples ask for (the loopback provider must know them). */
const SCOPES = {
  entra: ['User.Read.All', 'GroupMember.Read.All', 'Group.Read.All', 'RoleManagement.Read.Directory'],
  hubspot: ['crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read'],
};

export interface WebStack {
  /** PUBLIC_URL: the gateway serving the web app and the API. */
  url: string;
  booted: BootedApp;
  smtp: SmtpSink;
  oidc: OidcTestServer;
  /** The identity provider people sign in with (OIDC, `/auth/login`), with a consent page. */
  idp: OidcTestServer;
  /** Calls the API key server received (to show a refused key never reaches anything else). */
  keyChecks: string[];
  /** Makes the provider's token endpoint refuse refresh tokens (as when the grant was revoked there). */
  refuseRefresh(on: boolean): void;
  /** A cookie-session API client signed in with the development sign-in. */
  signedIn(email: string, name: string, supportStaff?: boolean): Promise<TestBrowser>;
  /** Waits for an e-mail to `to` whose link matches `pattern`, and returns that link. */
  linkFor(to: string, pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Subject and text of every e-mail the SMTP server accepted for `to`, so far. */
  mailsTo(to: string): { subject: string; text: string }[];
  /** A scenario's run asking the runtime endpoint for a connection's credentials (R8.2): the HTTP status. */
  useConnection(
    connectionId: string,
    use: { moduleKey: string; scenarioId: string; scenarioName?: string; teamId: string },
  ): Promise<number>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function oauthVersion(oidc: OidcTestServer, tokenUrl: string, secretEnv: string, modules: unknown[], version = 1) {
  return {
    version,
    connection: {
      type: 'OAUTH2',
      authorizeUrl: oidc.authorizeUrl,
      tokenUrl,
      clientId: oidc.clientId,
      clientSecret: `env:${secretEnv}`,
      tokenEndpointAuthMethod: oidc.tokenEndpointAuthMethod,
      baseScopes: ['openid', 'email', 'offline_access'],
      jwksUri: oidc.jwksUri,
      issuer: oidc.issuer,
      // The provider's tokens live 60 s: under the default 300 s margin the scheduler would refresh without pause,
      // and a refresh the test refuses would be found by the scheduler or by the page, whichever came first.
      refreshMarginSeconds: 5,
    },
    modules,
  };
}

/** Builds dist/web unless it is current (scripts/build-web.mjs compares a hash of the sources). */
export function buildWebApp(): void {
  const root = resolve(__dirname, '../..');
  const run = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`web build failed: ${run.stderr || run.stdout}`);
}

/**
 * The whole product on loopback for browser tests: the gateway with its workers and projectors (ROLE=all) on
 * PostgreSQL and Redis, serving the built web app at PUBLIC_URL, with the OIDC sign-in at a second provider and
 * the development sign-in; a real SMTP server catching the e-mails; a real
 * OpenID provider with a consent page for the OAuth2 apps (its token endpoint behind a gate that can refuse
 * refreshes); a real HTTP server checking API keys. The catalog holds the help page's apps.
 */
export async function startWebStack(): Promise<WebStack> {
  buildWebApp();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const db: TestDatabase = await createTestDatabase('web');
  const smtp = await startSmtpSink();
  const oidc = await startOidcServer({
    scopes: [...SCOPES.entra, ...SCOPES.hubspot],
    redirectUri: `${url}/oauth/callback`,
    consentPage: true,
  });

  const idp = await startOidcServer({ redirectUri: `${url}/auth/callback`, scopes: ['profile'], consentPage: true });

  let refuse = false;
  const gate = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (refuse && new URLSearchParams(body).get('grant_type') === 'refresh_token') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'grant request is invalid' }));
        return;
      }
      const headers: Record<string, string> = { 'content-type': String(req.headers['content-type'] ?? '') };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      fetch(oidc.tokenUrl, { method: 'POST', headers, body })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(await answer.text());
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  const gateUrl = await listen(gate);

  const keyChecks: string[] = [];
  const keys = createServer((req, res) => {
    const key = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    keyChecks.push(key === GOOD_API_KEY ? 'good' : 'refused');
    res.writeHead(key === GOOD_API_KEY ? 200 : 401, { 'content-type': 'application/json' });
    res.end(
      key === GOOD_API_KEY
        ? JSON.stringify({ data: [{ id: 'gpt-test' }] })
        : JSON.stringify({ error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' } }),
    );
  });
  const keysUrl = await listen(keys);

  process.env.WEB_E2E_OAUTH_SECRET = oidc.clientSecret;
  delete process.env.WEB_E2E_UNSET_SECRET;
  const catalog = {
    apps: [
      {
        key: 'microsoft-entra-id',
        name: 'Microsoft Entra ID',
        versions: [
          oauthVersion(oidc, gateUrl, 'WEB_E2E_OAUTH_SECRET', [
            { key: 'search-users', name: 'Search Users', scopes: ['User.Read.All'] },
            { key: 'get-user', name: 'Get a User', scopes: ['User.Read.All'] },
            { key: 'get-user-memberships', name: "Get a User's Memberships", scopes: ['GroupMember.Read.All'] },
            { key: 'search-groups', name: 'Search Groups', scopes: ['Group.Read.All'] },
            { key: 'get-group', name: 'Get a Group', scopes: ['Group.Read.All'] },
            { key: 'list-directory-roles', name: 'List Directory Roles', scopes: ['RoleManagement.Read.Directory'] },
          ]),
        ],
      },
      {
        key: 'email',
        name: 'Email',
        versions: [
          {
            version: 1,
            connection: { type: 'BASIC' },
            modules: [{ key: 'get-emails', name: 'Get emails', scopes: [] }],
          },
        ],
      },
      {
        key: 'hubspot',
        name: 'HubSpot',
        versions: [1, 2].map((v) =>
          oauthVersion(
            oidc,
            gateUrl,
            'WEB_E2E_OAUTH_SECRET',
            [
              { key: 'search-contacts', name: 'Search for Contacts', scopes: ['crm.objects.contacts.read'] },
              { key: 'get-contact', name: 'Get a Contact', scopes: ['crm.objects.contacts.read'] },
              {
                key: 'create-update-contact',
                name: 'Create or Update a Contact',
                scopes: ['crm.objects.contacts.write'],
              },
              ...(v === 2
                ? [{ key: 'search-companies', name: 'Search Companies', scopes: ['crm.objects.companies.read'] }]
                : []),
            ],
            v,
          ),
        ),
      },
      // Its client secret is never set: the catalog offers it as unavailable (the picker must not let it be chosen).
      {
        key: 'salesforce',
        name: 'Salesforce',
        versions: [
          oauthVersion(oidc, gateUrl, 'WEB_E2E_UNSET_SECRET', [
            { key: 'query-records', name: 'Query Records', scopes: ['api'] },
          ]),
        ],
      },
      {
        key: 'openai',
        name: 'OpenAI',
        versions: [
          {
            version: 1,
            connection: {
              type: 'API_KEY',
              verify: { method: 'GET', url: `${keysUrl}/v1/models`, headers: { authorization: 'Bearer {apiKey}' } },
            },
            modules: [
              { key: 'create-completion', name: 'Create a Completion', scopes: [] },
              { key: 'create-image', name: 'Create an Image', scopes: [] },
            ],
          },
        ],
      },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'cr-web-'));
  writeFileSync(join(dir, 'apps.json'), JSON.stringify(withShippedNames(catalog)));
  const logs = captureLogs('warn');
  const booted = await bootGatewayWith(
    {
      DATA_DIR: join(dir, 'data'),
      ROLE: 'all',
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      BULL_PREFIX: uniquePrefix('web'),
      PUBLIC_URL: url,
      SMTP_URL: smtp.url,
      AUTH_ISSUER: idp.issuer,
      AUTH_JWKS_URL: idp.jwksUri,
      AUTH_CLIENT_ID: idp.clientId,
      AUTH_CLIENT_SECRET: idp.clientSecret,
      SESSION_SECRET: 'web-e2e-session-secret-0123456789abcdef',
      AUTH_DEV_SIGNIN: 'true',
      APPS_CATALOG: join(dir, 'apps.json'),
      WEB_DIST: resolve(__dirname, '../../dist/web'),
      RUNTIME_TOKEN,
      LOG_LEVEL: 'warn',
    },
    logs.logger,
    [],
    port,
  );

  return {
    url,
    booted,
    smtp,
    oidc,
    idp,
    keyChecks,
    refuseRefresh(on) {
      refuse = on;
    },
    async signedIn(email, name, supportStaff = false) {
      const client = new TestBrowser(url);
      const res = await client.fetch('/auth/dev-signin', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ email, name, supportStaff }),
      });
      if (res.status >= 400) throw new Error(`dev sign-in of ${email}: ${res.status} ${await res.text()}`);
      return client;
    },
    mailsTo(to) {
      return smtp.messages
        .filter((m) => m.envelope.to.includes(to))
        .map((m) => ({ subject: m.subject ?? '', text: m.text ?? '' }));
    },
    async linkFor(to, pattern, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        for (const m of smtp.messages) {
          if (!m.envelope.to.includes(to)) continue;
          const link = `${m.text ?? ''} ${typeof m.html === 'string' ? m.html : ''}`.match(pattern)?.[0];
          if (link) return link.replace(/&amp;/g, '&');
        }
        if (Date.now() > until) {
          const got = smtp.messages.map((m) => `${m.envelope.to.join(',')}: ${m.subject ?? ''}`).join('; ');
          throw new Error(`no e-mail to ${to} with a link matching ${pattern}; got: ${got}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async useConnection(connectionId, use) {
      return (await askRuntime(url, connectionId, use, RUNTIME_TOKEN)).status;
    },
    async close() {
      await booted.close();
      await smtp.stop();
      await oidc.stop();
      await idp.stop();
      gate.closeAllConnections();
      keys.closeAllConnections();
      await new Promise<void>((r) => gate.close(() => r()));
      await new Promise<void>((r) => keys.close(() => r()));
      await db.drop();
    },
  };
}

type TestCatalog = { apps: { key: string; versions: { modules: unknown[] }[] }[] };

/** The shipped catalog's translations of the same modules (issue 10), so that pages in Portuguese read them. */
function withShippedNames(catalog: TestCatalog): TestCatalog {
  const names = new Map<string, unknown>();
  for (const app of (shipped as unknown as ShippedCatalog).apps)
    for (const version of app.versions)
      for (const m of version.modules) if (m.names) names.set(`${app.key}/${m.key}`, m.names);
  return {
    apps: catalog.apps.map((app) => ({
      ...app,
      versions: app.versions.map((v) => ({
        ...v,
        modules: v.modules.map((m) => {
          const translated = names.get(`${app.key}/${(m as { key: string }).key}`);
          return translated ? { ...(m as object), names: translated } : m;
        }),
      })),
    })),
  };
}
type ShippedCatalog = { apps: { key: string; versions: { modules: { key: string; names?: unknown }[] }[] }[] };
