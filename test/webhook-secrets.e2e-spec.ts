import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { openVault, vaultWebhookSecrets, webhookVaultId } from '@libs/application';
import { PgliteSqlClient, PgSqlClient, PostgresEventStore, runMigrations, type SqlClient } from '@libs/event-store';
import { createMailer } from '@libs/mailer';
import { startNotificationWorker, type NotificationWorker } from '@apps/worker';
import { verifyWebhookSignature, WebhookRepository, WebhookService, workerMigrations } from '@libs/webhooks';
import { generateMasterKeyValue, type MasterKeyRing, parseMasterKeys } from '@libs/vault';
import { EventWriter } from '@apps/worker/testing/sample-events';
import { freshPgliteDataDir } from './support/pglite';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const requester = { userId: 'bob', name: 'Bob', email: 'bob@acme.com' };
const LEGACY_SECRET = 'whsec_LEGACY-plain-secret-3c9e1f0a7b2d4e6f8a0b1c2d3e4f5a6b';
const k1 = generateMasterKeyValue('k1');
const k2 = generateMasterKeyValue('k2');

/** The `webhooks` table as shipped before migration 3, with one row holding its secret in plain text. */
async function legacySchemaWithPlainRow(sql: SqlClient, id: string, teamId: string, url: string): Promise<void> {
  await runMigrations(sql, {
    ...workerMigrations,
    migrations: workerMigrations.migrations.filter((m) => m.version < 3),
  });
  await sql.query('INSERT INTO webhooks (id, team_id, url, secret, allow_insecure) VALUES ($1, $2, $3, $4, true)', [
    id,
    teamId,
    url,
    LEGACY_SECRET,
  ]);
}

/** Every text-like column of every table as text, and every bytea column searched for the secret's bytes. */
async function tablesHolding(sql: SqlClient, secret: string): Promise<string[]> {
  const found: string[] = [];
  const tables = await sql.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
  );
  for (const t of tables) {
    const columns = await sql.query<{ column_name: string; data_type: string }>(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
      [t.schema, t.name],
    );
    for (const c of columns) {
      const column = `"${c.column_name}"`;
      const test =
        c.data_type === 'bytea' ? `position($1::bytea IN ${column}) > 0` : `strpos(${column}::text, $1::text) > 0`;
      const rows = await sql.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "${t.schema}"."${t.name}" WHERE ${test}`,
        [c.data_type === 'bytea' ? Buffer.from(secret) : secret],
      );
      if (rows[0].n !== '0') found.push(`${t.schema}.${t.name}.${c.column_name}`);
    }
  }
  expect(tables.length).toBeGreaterThan(5);
  return found;
}

describe('webhook signing secrets sealed in the vault (R12.6, R8.1), PostgreSQL', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let store: PostgresEventStore;
  let redis: Redis;
  let w: EventWriter;
  let server: Server;
  let baseUrl: string;
  let worker: NotificationWorker | null = null;
  const prefix = uniquePrefix('whsec');
  const mailDir = mkdtempSync(join(tmpdir(), 'cr-whsec-mail-'));
  const received: { path: string; body: string; signature: string }[] = [];
  const legacyId = 'wh_legacy-0001';
  let fresh: { id: string; secret: string };

  const startWorker = async (ring: MasterKeyRing) =>
    startNotificationWorker({
      allowInsecureWebhooks: true,
      store,
      sql,
      webhookSecrets: vaultWebhookSecrets(await openVault(sql, ring)),
      redis,
      prefix,
      mailer: createMailer({ mailDir }),
      publicUrl: 'https://cr.example.test',
      invitationSecret: 's',
      logger: pino({ level: 'silent' }),
      pollIntervalMs: 20,
      backoffMs: 100,
    });

  /** One request event per team; resolves with what each endpoint got for it, once signed deliveries arrived. */
  const deliverTo = async (...teams: string[]) => {
    const events = await Promise.all(
      teams.map((teamId) =>
        w.request({
          organizationId: 'acme',
          teamId,
          requester,
          recipient: { userId: 'carol', name: 'Carol', email: 'carol@acme.com' },
        }),
      ),
    );
    const ids = events.map((e) => e.event.id);
    const end = Date.now() + 20_000;
    const mine = () => received.filter((r) => ids.includes((JSON.parse(r.body) as { id: string }).id));
    while (mine().length < teams.length) {
      if (Date.now() > end) throw new Error('timed out waiting for webhook deliveries');
      await sleep(25);
    }
    return mine();
  };

  beforeAll(async () => {
    db = await createTestDatabase('whsec');
    sql = new PgSqlClient(db.url);
    store = await PostgresEventStore.create(sql);
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    w = new EventWriter(store);
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body, signature: String(req.headers['x-signature'] ?? '') });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await legacySchemaWithPlainRow(sql, legacyId, 'team-legacy', `${baseUrl}/legacy`);
  });

  afterAll(async () => {
    await worker?.stop();
    for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);
    redis.disconnect();
    await new Promise((r) => server.close(r));
    await store.close();
    await sql.close();
    await db.drop();
  });

  it('two processes starting at once seal the plain secret of an existing row exactly once and clear the column', async () => {
    const ring = parseMasterKeys(k1);
    const clients = [new PgSqlClient(db.url), new PgSqlClient(db.url)];
    try {
      // What the gateway and the worker each do at start-up.
      const sealed = await Promise.all(
        clients.map(async (client) => {
          await runMigrations(client, workerMigrations);
          return new WebhookRepository(client, vaultWebhookSecrets(await openVault(client, ring))).sealPlainSecrets();
        }),
      );
      expect(sealed.sort()).toEqual([0, 1]);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    expect(await sql.query('SELECT id FROM webhooks WHERE secret IS NOT NULL')).toEqual([]);
    expect(await sql.query('SELECT connection_id, key_id FROM vault_secrets')).toEqual([
      { connection_id: webhookVaultId(legacyId), key_id: 'k1' },
    ]);
    expect(await tablesHolding(sql, LEGACY_SECRET)).toEqual([]);
  });

  it('registers with the secret sealed (in no column of any table nor in Redis); deliveries verify', async () => {
    worker = await startWorker(parseMasterKeys(k1));
    fresh = await new WebhookService(worker.webhooks).register('team-new', `${baseUrl}/new`, true);
    expect(fresh.secret).toMatch(/^whsec_.{40,}/);
    expect(await sql.query('SELECT secret FROM webhooks WHERE id = $1', [fresh.id])).toEqual([{ secret: null }]);

    const got = await deliverTo('team-new', 'team-legacy');
    const byPath = Object.fromEntries(got.map((r) => [r.path, r]));
    expect(verifyWebhookSignature(fresh.secret, byPath['/new'].body, byPath['/new'].signature)).toBe(true);
    expect(verifyWebhookSignature(LEGACY_SECRET, byPath['/legacy'].body, byPath['/legacy'].signature)).toBe(true);

    for (const secret of [fresh.secret, LEGACY_SECRET]) {
      expect(await tablesHolding(sql, secret)).toEqual([]);
      const inRedis: string[] = [];
      for (const key of await redis.keys(`${prefix}:*`)) {
        if ((await redis.type(key)) !== 'hash') continue;
        if (Object.values(await redis.hgetall(key)).some((v) => v.includes(secret))) inRedis.push(key);
      }
      expect(inRedis).toEqual([]);
    }
    // The search does find what is there: the sealed rows exist, only their ciphertext holds the secrets.
    expect(await tablesHolding(sql, webhookVaultId(fresh.id))).toContain('public.vault_secrets.connection_id');
  });

  it('keys:rotate re-wraps webhook secrets; the new key alone still signs deliveries that verify', async () => {
    await worker?.stop();
    worker = null;
    const rotated = await (await openVault(sql, parseMasterKeys(`${k1},${k2}`))).rotate();
    expect(rotated).toBe(2);
    expect((await sql.query('SELECT DISTINCT key_id FROM vault_secrets')).map((r) => r.key_id)).toEqual(['k2']);

    worker = await startWorker(parseMasterKeys(k2));
    const got = await deliverTo('team-new', 'team-legacy');
    const byPath = Object.fromEntries(got.map((r) => [r.path, r]));
    expect(verifyWebhookSignature(fresh.secret, byPath['/new'].body, byPath['/new'].signature)).toBe(true);
    expect(verifyWebhookSignature(LEGACY_SECRET, byPath['/legacy'].body, byPath['/legacy'].signature)).toBe(true);
  });

  it('a plain row written after start-up (an older process) is sealed on its first delivery and verifies', async () => {
    await sql.query('INSERT INTO webhooks (id, team_id, url, secret, allow_insecure) VALUES ($1, $2, $3, $4, true)', [
      'wh_late-0002',
      'team-late',
      `${baseUrl}/late`,
      LEGACY_SECRET,
    ]);
    const [got] = await deliverTo('team-late');
    expect(verifyWebhookSignature(LEGACY_SECRET, got.body, got.signature)).toBe(true);
    expect(await sql.query('SELECT secret FROM webhooks WHERE id = $1', ['wh_late-0002'])).toEqual([{ secret: null }]);
    expect(await tablesHolding(sql, LEGACY_SECRET)).toEqual([]);
  });

  it('deleting a webhook erases its sealed secret with the row', async () => {
    if (!worker) throw new Error('the worker of the previous tests is not running');
    await new WebhookService(worker.webhooks).delete(fresh.id);
    expect(await sql.query('SELECT 1 FROM vault_secrets WHERE connection_id = $1', [webhookVaultId(fresh.id)])).toEqual(
      [],
    );
  });
});

describe('webhook signing secrets sealed in the vault, embedded PGlite', () => {
  it('seals a legacy plain row and new registrations, opens them after rotation, erases on delete', async () => {
    const sql = await PgliteSqlClient.open(join(await freshPgliteDataDir('whsec'), 'pglite'));
    try {
      await legacySchemaWithPlainRow(sql, 'wh_legacy', 'team-1', 'http://127.0.0.1:9/legacy');
      await runMigrations(sql, workerMigrations);
      const repository = new WebhookRepository(sql, vaultWebhookSecrets(await openVault(sql, parseMasterKeys(k1))));
      expect(await repository.sealPlainSecrets()).toBe(1);
      expect(await repository.sealPlainSecrets()).toBe(0);
      const hook = await new WebhookService(repository).register('team-1', 'http://127.0.0.1:9/new', true);
      expect(await tablesHolding(sql, hook.secret)).toEqual([]);
      expect(await tablesHolding(sql, LEGACY_SECRET)).toEqual([]);

      expect(await (await openVault(sql, parseMasterKeys(`${k1},${k2}`))).rotate()).toBe(2);
      const afterRotation = new WebhookRepository(sql, vaultWebhookSecrets(await openVault(sql, parseMasterKeys(k2))));
      expect(await afterRotation.signingSecret('wh_legacy')).toBe(LEGACY_SECRET);
      expect(await afterRotation.signingSecret(hook.id)).toBe(hook.secret);

      await new WebhookService(afterRotation).delete(hook.id);
      expect(await sql.query('SELECT connection_id FROM vault_secrets')).toEqual([
        { connection_id: webhookVaultId('wh_legacy') },
      ]);
    } finally {
      await sql.close();
    }
  }, 60_000);
});
