import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { gqlOk, seedDirectory, type SeededDirectory } from './support/api';
import { eventually, oauthApp, PUBLIC_URL, REDIRECT_URI } from './support/connections-harness';
import { type OidcTestServer, startOidcServer } from './support/oidc-server';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';
import { freePort } from './support/free-port';

// Issue 12 "Must show" (item 1): ROLE=gateway, ROLE=projector and ROLE=worker as three real processes on PostgreSQL
// and Redis. An OAuth2 token (real oidc-provider, 4-second access tokens refreshed 2 s early, R5.6) is refreshed and
// an access with an end date is revoked at it (R12.4) — by the worker, the only process that runs background work.

const root = join(__dirname, '..');
const SECRET = randomBytes(32).toString('hex');
const keyed = {
  key: 'keyed',
  name: 'Keyed',
  versions: [{ version: 1, connection: { type: 'API_KEY' }, modules: [{ key: 'read', name: 'Read', scopes: [] }] }],
};

describe('three processes, one role each (issue 12 item 1)', () => {
  let db: TestDatabase;
  let oidc: OidcTestServer;
  let dir: SeededDirectory;
  let gateway: string;
  const children: ChildProcess[] = [];
  const output: Record<string, string> = {};
  const sql = () => {
    const c = new Client({ connectionString: db.url });
    return c.connect().then(() => c);
  };
  const events = async (requestId: string) => {
    const c = await sql();
    try {
      const { rows } = await c.query<{ type: string; data: { cause?: string } }>(
        'SELECT type, data FROM es_events WHERE stream_id = $1 ORDER BY revision',
        [`credential-request-${requestId}`],
      );
      return rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('three_roles');
    oidc = await startOidcServer({ scopes: ['crm.read'], accessTokenTtl: 4, redirectUri: REDIRECT_URI });
    const catalog = join(mkdtempSync(join(tmpdir(), 'cr-three-')), 'apps.json');
    writeFileSync(
      catalog,
      JSON.stringify({
        apps: [
          keyed,
          oauthApp('fastcrm', oidc, 'THREE_ROLES_OAUTH_SECRET', { read: 'crm.read', write: 'crm.read' }, 2),
        ],
      }),
    );
    await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: root });
    const port = await freePort();
    gateway = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      BULL_PREFIX: uniquePrefix('three'),
      AUTH_JWT_SECRET: SECRET,
      PUBLIC_URL,
      APPS_CATALOG: catalog,
      THREE_ROLES_OAUTH_SECRET: oidc.clientSecret,
      CREDENTIALS_MASTER_KEY: `k1:${randomBytes(32).toString('base64')}`,
      RUNTIME_TOKEN: randomBytes(24).toString('hex'),
      INVITATION_SECRET: randomBytes(24).toString('hex'),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-three-data-')),
      LOG_LEVEL: 'info',
    };
    for (const role of ['gateway', 'projector', 'worker']) {
      const child = spawn(process.execPath, ['dist/apps/main.js'], {
        cwd: root,
        env: { ...env, ROLE: role, PORT: role === 'gateway' ? String(port) : '0', PGAPPNAME: `three-${role}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      output[role] = '';
      child.stdout?.on('data', (d: Buffer) => (output[role] += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (output[role] += d.toString()));
      children.push(child);
    }
    await eventually(
      () =>
        fetch(`${gateway}/health/ready`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      60_000,
    );
    dir = await seedDirectory(gateway, SECRET, { enableFeature: true });
  }, 120_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
    await oidc?.stop();
    await db?.drop();
  });

  it('the worker refreshes an OAuth2 token and ends an access at its date; the gateway runs neither', async () => {
    const created = await gqlOk<{ createCredentialRequest: { id: string } }>(
      gateway,
      dir.owner.token,
      'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      {
        input: {
          teamId: dir.teamId,
          name: 'Three roles',
          recipient: { userId: dir.member.id },
          apps: [
            { appKey: 'fastcrm', allModules: true },
            { appKey: 'keyed', allModules: true },
          ],
          termsAccepted: true,
        },
      },
    );
    const requestId = created.createCredentialRequest.id;
    const start = await gqlOk<{ startOAuthAuthorization: { authorizationUrl: string } }>(
      gateway,
      dir.member.token,
      'mutation($r: ID!) { startOAuthAuthorization(requestId: $r, appKey: "fastcrm") { authorizationUrl } }',
      { r: requestId },
    );
    const back = await oidc.completeLogin(start.startOAuthAuthorization.authorizationUrl, { email: dir.member.email });
    expect((await fetch(`${gateway}/oauth/callback${back.search}`, { redirect: 'manual' })).status).toBe(302);
    const accessUntil = new Date(Date.now() + 3000).toISOString();
    await gqlOk(
      gateway,
      dir.member.token,
      'mutation($input: AuthorizeAppInput!) { authorizeApp(input: $input) { status } }',
      { input: { requestId, appKey: 'keyed', apiKey: 'sk-three', accessUntil } },
    );

    const revoked = await eventually(async () => {
      const all = await events(requestId);
      const refreshed = all.some((e) => e.type === 'ConnectionRefreshed');
      const ended = all.filter((e) => e.type === 'AccessRevoked').map((e) => e.data.cause);
      return refreshed && ended.length > 0 ? ended : undefined;
    }, 30_000);
    expect(revoked).toEqual(['ACCESS_UNTIL']);
    // Through the gateway, once the projector applied it (R7.6 across processes).
    const seen = await eventually(async () => {
      const data = await gqlOk<{ credentialRequest: { apps: { appKey: string; status: string }[] } }>(
        gateway,
        dir.owner.token,
        'query($id: ID!) { credentialRequest(id: $id) { apps { appKey status } } }',
        { id: requestId },
      );
      const keyedApp = data.credentialRequest.apps.find((a) => a.appKey === 'keyed');
      return keyedApp?.status === 'REVOKED' ? data.credentialRequest.apps : undefined;
    }, 10_000);
    expect(seen.find((a) => a.appKey === 'fastcrm')?.status).toBe('AUTHORIZED');

    // Who holds the singletons: the worker the reactor and the scheduler, the projector the lanes, the gateway none.
    const c = await sql();
    const { rows } = await c.query<{ app: string; n: string }>(
      `SELECT a.application_name AS app, count(*)::text AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() GROUP BY 1`,
    );
    await c.end();
    const locks = Object.fromEntries(rows.map((r) => [r.app, Number(r.n)]));
    expect(locks['three-worker']).toBe(2);
    expect(locks['three-projector']).toBe(4);
    expect(locks['three-gateway']).toBeUndefined();
    expect(output.worker).toContain('connection jobs: scheduler active');
    expect(output.gateway).not.toContain('connection jobs');
  }, 60_000);
});
