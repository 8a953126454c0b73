import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { QUEUE_NAMES } from '@apps/worker';
import { allProjectors, rebuildProjection } from '@projections';
import { gql, gqlOk, seedDirectory, type SeededDirectory } from './support/api';
import { advisoryHolders, PmCluster } from './support/cluster';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { snapshotReadModel } from './support/read-model-snapshot';
import { redisUrl, uniquePrefix } from './support/redis';
import { GOOD_API_KEY, startVerificationServer, writeTestCatalog } from './support/requests-fixture';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';

// Issue 12 "Must show": the pm2 topology of `npm run start:cluster` (2 gateways, 2 projectors, 2 workers) on real
// PostgreSQL, Redis, an SMTP sink and a webhook receiver. REQUESTS requests are created, authorized and declined
// through both gateways in turn while the active projector, the active worker and gateway 1 are SIGKILLed (pm2 starts
// each again). Afterwards every acknowledged mutation is visible through both gateways, the read models equal a
// rebuild from position 0, no e-mail or webhook is lost, duplicates stay ≤ 1 per 1,000 deliveries, and the standby
// projector took over.

// A few more than the 300 the issue asks for: a create whose answer a SIGKILL took is not counted as acknowledged.
const REQUESTS = 310;
const PIPELINES = 6;
const SECRET = randomBytes(32).toString('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  id: string;
  authorized: boolean;
  declined: boolean;
}

describe('scale-out: the pm2 cluster survives SIGKILLs under load (issue 12)', () => {
  let db: TestDatabase;
  let cluster: PmCluster;
  let smtp: SmtpSink;
  let hooks: Server;
  const hookKeys: string[] = [];
  let verify: Awaited<ReturnType<typeof startVerificationServer>>;
  let dir: SeededDirectory;
  const prefix = uniquePrefix('scaleout');

  beforeAll(async () => {
    db = await createTestDatabase('scaleout');
    smtp = await startSmtpSink();
    verify = await startVerificationServer();
    hooks = createServer((req, res) => {
      hookKeys.push(String(req.headers['x-idempotency-key']));
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
    cluster = new PmCluster({
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      BULL_PREFIX: prefix,
      SMTP_URL: smtp.url,
      AUTH_JWT_SECRET: SECRET,
      CREDENTIALS_MASTER_KEY: `k1:${randomBytes(32).toString('base64')}`,
      RUNTIME_TOKEN: randomBytes(24).toString('hex'),
      INVITATION_SECRET: randomBytes(24).toString('hex'),
      APPS_CATALOG: writeTestCatalog(verify.url),
      WEBHOOKS_ALLOW_INSECURE: 'true',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-scaleout-')),
      LOG_LEVEL: 'warn',
      CLUSTER_NAME: 'so',
    });
    await cluster.start();
    await cluster.ready(1);
    await cluster.ready(2);
  }, 150_000);

  afterAll(async () => {
    await cluster?.stop();
    await smtp?.stop();
    hooks?.close();
    verify?.server.close();
    await db?.drop();
  });

  it('creates, authorizes and declines through both gateways while processes are killed; nothing is lost', async () => {
    dir = await seedDirectory(cluster.url(1), SECRET, { enableFeature: true });
    const hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;
    await gqlOk(
      cluster.url(2),
      dir.owner.token,
      'mutation($t: ID!, $u: String!) { registerWebhook(teamId: $t, url: $u) { id } }',
      {
        t: dir.teamId,
        u: hookUrl,
      },
    );
    // Seeding mails (feature granted …) are not part of the count: let them arrive, then forget them.
    for (let quiet = 0, seen = -1; quiet < 8; quiet = smtp.messages.length === seen ? quiet + 1 : 0) {
      seen = smtp.messages.length;
      await sleep(250);
    }
    smtp.clear();

    let turn = 0;
    /** One mutation, through the gateways in turn; a gateway that is down (killed) passes it to the other. */
    const mutate = async <T>(who: string, query: string, variables: Record<string, unknown>): Promise<T | null> => {
      const first = (turn++ % 2) + 1;
      for (const g of [first, 3 - first] as (1 | 2)[]) {
        const res = await gql<T>(cluster.url(g), who, query, variables).catch(() => null);
        if (res?.data && !res.errors?.length) return res.data;
        if (res) return null; // answered with an error: not acknowledged (a retry after a lost answer, say)
      }
      return null;
    };

    const outcomes: Outcome[] = [];
    let done = 0;
    const kills: Record<string, number> = {};
    let takeoverMs = -1;
    let takenBy = '';
    const killProjector = async () => {
      const holders = (await advisoryHolders(db.url)).filter((h) => h.app.includes('projector'));
      const active = holders[0];
      const before = new Set(holders.map((h) => h.backend));
      const killedAt = await cluster.kill(active.app);
      kills.projector = killedAt;
      for (;;) {
        const now = (await advisoryHolders(db.url)).filter((h) => h.app.includes('projector'));
        const fresh = now.filter((h) => !before.has(h.backend) || h.app !== active.app);
        if (fresh.reduce((n, h) => n + h.locks, 0) >= allProjectors.length) {
          takeoverMs = Date.now() - killedAt;
          takenBy = [...new Set(fresh.map((h) => h.app))].join('+');
          expect(takenBy).not.toContain(active.app);
          return;
        }
        await sleep(10);
      }
    };
    const killWorker = async () => {
      const worker = (await advisoryHolders(db.url)).find((h) => h.app.includes('worker'));
      kills.worker = Date.now();
      await cluster.kill(worker?.app ?? 'so-worker-1');
    };
    const pending: Promise<void>[] = [];
    const milestone = () => {
      if (done === Math.floor(REQUESTS / 4)) pending.push(killProjector());
      if (done === Math.floor(REQUESTS / 2)) pending.push(killWorker());
      if (done === Math.floor((REQUESTS * 3) / 4)) {
        kills.gateway = Date.now();
        pending.push(cluster.kill('so-gateway-1').then(() => undefined));
      }
    };

    const pipeline = async (from: number) => {
      for (let i = from; i < REQUESTS; i += PIPELINES) {
        const created = await mutate<{ createCredentialRequest: { id: string } }>(
          dir.owner.token,
          'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
          {
            input: {
              teamId: dir.teamId,
              name: `Load ${i}`,
              recipient: { userId: dir.member.id },
              apps: [
                { appKey: 'crm-keyed', allModules: true },
                { appKey: 'email', allModules: true },
              ],
              termsAccepted: true,
              idempotencyKey: `load-${i}`,
            },
          },
        );
        if (!created) continue;
        const id = created.createCredentialRequest.id;
        const authorized = await mutate(
          dir.member.token,
          'mutation($input: AuthorizeAppInput!) { authorizeApp(input: $input) { status } }',
          { input: { requestId: id, appKey: 'crm-keyed', apiKey: GOOD_API_KEY } },
        );
        const declined = await mutate(
          dir.member.token,
          'mutation($r: ID!) { declineApp(requestId: $r, appKey: "email", reason: "not this one") { status } }',
          { r: id },
        );
        outcomes.push({ id, authorized: authorized !== null, declined: declined !== null });
        done++;
        milestone();
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: PIPELINES }, (_, k) => pipeline(k)));
    await Promise.all(pending);
    const loadSeconds = (Date.now() - started) / 1000;
    expect(Object.keys(kills).sort()).toEqual(['gateway', 'projector', 'worker']);
    expect(outcomes.length).toBeGreaterThanOrEqual(300);

    // Every acknowledged mutation, through both gateways (gateway 1 is back: pm2 restarted it).
    await cluster.ready(1);
    const missing: string[] = [];
    for (const g of [1, 2] as const) {
      for (const o of outcomes) {
        const seen = await gqlOk<{ credentialRequest: { apps: { appKey: string; status: string }[] } | null }>(
          cluster.url(g),
          dir.owner.token,
          'query($id: ID!) { credentialRequest(id: $id) { apps { appKey status } } }',
          { id: o.id },
        );
        const status = Object.fromEntries((seen.credentialRequest?.apps ?? []).map((a) => [a.appKey, a.status]));
        if (!seen.credentialRequest) missing.push(`gateway ${g}: request ${o.id}`);
        if (o.authorized && status['crm-keyed'] !== 'AUTHORIZED') missing.push(`gateway ${g}: ${o.id} authorization`);
        if (o.declined && status.email !== 'DECLINED') missing.push(`gateway ${g}: ${o.id} decline`);
      }
    }
    expect(missing).toEqual([]);

    // No delivery lost: one e-mail per created request (review), authorization and decline; as many webhooks.
    const sql = new PgSqlClient(db.url, 2);
    const [{ n }] = await sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM es_events WHERE type IN ('RequestCreated', 'AppAuthorized', 'AppDeclined')`,
    );
    const expected = Number(n);
    const unique = (xs: string[]) => new Set(xs).size;
    const deadline = Date.now() + 120_000;
    const mailIds = () => smtp.messages.map((m) => m.messageId ?? '');
    while ((unique(mailIds()) < expected || unique(hookKeys) < expected) && Date.now() < deadline) await sleep(500);
    // Then until the queues are empty: the killed worker's jobs run again once their lock expires (stalled), and
    // that is when a duplicate would arrive.
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queues = [QUEUE_NAMES.mail, QUEUE_NAMES.webhooks].map((q) => new Queue(q, { connection: redis, prefix }));
    for (;;) {
      const counts = await Promise.all(
        queues.map((q) => q.getJobCounts('active', 'waiting', 'delayed', 'prioritized')),
      );
      if (counts.every((c) => Object.values(c).every((v) => v === 0)) || Date.now() > deadline) break;
      await sleep(500);
    }
    await Promise.all(queues.map((q) => q.close()));
    redis.disconnect();
    const duplicates = { mail: mailIds().length - unique(mailIds()), webhooks: hookKeys.length - unique(hookKeys) };
    process.stdout.write(
      `scale-out: ${JSON.stringify({
        requests: outcomes.length,
        mutationsAcknowledged:
          outcomes.length + outcomes.filter((o) => o.authorized).length + outcomes.filter((o) => o.declined).length,
        loadSeconds,
        projectorTakeoverMs: takeoverMs,
        takenOverBy: takenBy,
        deliveriesExpected: { mail: expected, webhooks: expected },
        delivered: { mail: unique(mailIds()), webhooks: unique(hookKeys) },
        duplicates,
        restarts: (await cluster.list()).map((p) => `${p.name}:${p.restarts}`),
      })}\n`,
    );
    expect(unique(mailIds())).toBe(expected);
    expect(unique(hookKeys)).toBe(expected);
    expect((duplicates.mail + duplicates.webhooks) / (2 * expected)).toBeLessThanOrEqual(0.001);
    expect(takeoverMs).toBeGreaterThanOrEqual(0);

    // The read models equal a rebuild from position 0 (the cluster stopped first: nothing moves meanwhile).
    await cluster.stop();
    const live = await Promise.all(allProjectors.map((p) => snapshotReadModel(sql, p)));
    const store = new PostgresEventStore(sql);
    for (const projector of allProjectors) await rebuildProjection({ sql, store, projector });
    const rebuilt = await Promise.all(allProjectors.map((p) => snapshotReadModel(sql, p)));
    expect(rebuilt).toEqual(live);
    await sql.close();
  }, 400_000);
});
