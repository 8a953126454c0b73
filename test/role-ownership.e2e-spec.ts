import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { gqlOk, seedDirectory } from './support/api';
import { bootApp, type BootedApp } from './support/app';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';

// Issue 12 item 1: "ROLE=gateway runs none and migrates nothing it does not own". On PostgreSQL a gateway started
// first creates neither the read models (the projector's) nor the webhooks table (the worker's); its readiness says
// which role it waits for, and turns ready once those roles have started.

interface Readiness {
  status: string;
  checks: Record<string, { ok: boolean; error?: string }>;
}

async function readiness(url: string): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${url}/health/ready`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

/** The readiness answer once `until` holds for it, or the last one after `timeoutMs`. */
async function readinessWhen(url: string, until: (body: Readiness) => boolean, timeoutMs = 20_000): Promise<Readiness> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await readiness(url);
    if (until(body) || Date.now() > deadline) return body;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a role migrates only what it owns (issue 12 item 1)', () => {
  const SECRET = randomBytes(32).toString('hex');
  let db: TestDatabase;
  const booted: BootedApp[] = [];
  const boot = async (role: string) => {
    const app = await bootApp(
      {
        ROLE: role,
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        BULL_PREFIX: prefix,
        AUTH_JWT_SECRET: SECRET,
        LOG_LEVEL: 'warn',
      },
      captureLogs('warn').logger,
    );
    booted.push(app);
    return app;
  };
  const prefix = uniquePrefix('ownership');
  const catalogOf = async () => {
    const c = new Client({ connectionString: db.url });
    c.on('error', () => undefined);
    await c.connect();
    try {
      const { rows } = await c.query<{ read: string | null; webhooks: string | null; namespaces: string[] }>(
        `SELECT to_regclass('read.projection_checkpoints')::text AS read, to_regclass('webhooks')::text AS webhooks,
                (SELECT array_agg(DISTINCT namespace ORDER BY namespace) FROM schema_migrations) AS namespaces`,
      );
      return rows[0];
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('ownership');
  });

  afterAll(async () => {
    for (const app of booted.reverse()) await app.close();
    await db?.drop();
  });

  it('a gateway started alone creates no read model and no worker table, and is not ready until their owners run', async () => {
    const gateway = await boot('gateway');

    const alone = await readiness(gateway.url);
    expect(alone.status).toBe(503);
    expect(alone.body.checks['read-models']).toEqual({ ok: false, error: expect.stringMatching(/projector/) });
    expect(alone.body.checks.webhooks).toEqual({ ok: false, error: expect.stringMatching(/worker/) });
    expect(alone.body.checks.database.ok).toBe(true);
    const before = await catalogOf();
    expect(before.read).toBeNull();
    expect(before.webhooks).toBeNull();
    expect(before.namespaces).not.toContain('read-models');
    expect(before.namespaces).not.toContain('worker');

    await boot('projector');
    const withProjector = await readinessWhen(gateway.url, (r) => r.checks['read-models'].ok);
    expect(withProjector.checks['read-models'].ok).toBe(true);
    expect(withProjector.status).toBe('unavailable');
    expect(withProjector.checks.webhooks).toEqual({ ok: false, error: expect.stringMatching(/worker/) });

    await boot('worker');
    const ready = await readinessWhen(gateway.url, (r) => r.status === 'ok');
    expect(ready.status).toBe('ok');
    const after = await catalogOf();
    expect(after.read).toBe('read.projection_checkpoints');
    expect(after.webhooks).toBe('webhooks');
    expect(after.namespaces).toEqual(expect.arrayContaining(['read-models', 'worker']));

    // And it serves: a mutation answered after its projection (R7.6) through the gateway alone.
    const dir = await seedDirectory(gateway.url, SECRET, { enableFeature: true });
    const org = await gqlOk<{ organization: { id: string; name: string } | null }>(
      gateway.url,
      dir.owner.token,
      'query($id: ID!) { organization(id: $id) { id name } }',
      { id: dir.organizationId },
    );
    expect(org.organization?.id).toBe(dir.organizationId);
  }, 90_000);
});
