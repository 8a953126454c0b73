import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { Job } from 'bullmq';
import { openVault, vaultWebhookSecrets } from '@libs/application';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { createMailer } from '@libs/mailer';
import { startNotificationWorker, type NotificationWorker, type WebhookJobData } from '@apps/worker';
import { systemResolver, WebhookService, type HostResolver } from '@libs/webhooks';
import { generateMasterKeyValue, parseMasterKeys } from '@libs/vault';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';

/** Names this test controls: a dns.lookup-shaped function, everything else goes to the system resolver. */
function resolverFor(names: Record<string, string[]>, asked: string[]): HostResolver {
  return async (hostname) => {
    asked.push(hostname);
    return names[hostname] ?? systemResolver(hostname);
  };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * R13.3 at delivery, with the real worker, PostgreSQL and Redis: the address is checked again and pinned for the
 * connection (a name that turns into loopback after registration is refused), and a webhook registered while
 * WEBHOOKS_ALLOW_INSECURE was on is held to the secure rules once it is off. A refusal fails the job for good.
 */
describe('webhook targets at delivery (SPEC R13.3)', () => {
  const logger = pino({ level: 'silent' });
  let db: TestDatabase;
  let sql: PgSqlClient;
  let store: PostgresEventStore;
  let redis: Redis;
  let receiver: Server;
  let port: number;
  const received: IncomingMessage['headers'][] = [];
  const workers: NotificationWorker[] = [];
  const asked: string[] = [];

  const startWorker = async (allowInsecureWebhooks: boolean) => {
    const worker = await startNotificationWorker({
      allowInsecureWebhooks,
      resolveHost: resolverFor({ 'rebind.hooks.test': ['127.0.0.1'], 'pinned.hooks.test': ['127.0.0.1'] }, asked),
      store,
      sql,
      webhookSecrets: vaultWebhookSecrets(await openVault(sql, parseMasterKeys(generateMasterKeyValue()))),
      redis,
      prefix: uniquePrefix('hooktarget'),
      mailer: createMailer({ mailDir: '/tmp' }),
      publicUrl: 'https://cr.example.test',
      invitationSecret: 's',
      logger,
      pollIntervalMs: 20,
      reactor: false,
    });
    workers.push(worker);
    return worker;
  };

  /** Queues one delivery (retries allowed) and waits until it is delivered or failed. */
  const deliver = async (worker: NotificationWorker, webhookId: string): Promise<Job<WebhookJobData>> => {
    const payload = {
      id: `evt-${webhookId}`,
      type: 'RequestCreated',
      requestId: 'r-1',
      teamId: 'team-1',
      status: 'INCOMPLETE',
      appKey: null,
      at: new Date().toISOString(),
    };
    const job = await worker.queues.webhooks.add(
      'deliver',
      { webhookId, payload },
      {
        attempts: 5,
        backoff: { type: 'fixed', delay: 50 },
      },
    );
    await until(async () => ['completed', 'failed'].includes(await job.getState()), 'the delivery to settle');
    return (await worker.queues.webhooks.getJob(job.id!)) as Job<WebhookJobData>;
  };

  beforeAll(async () => {
    db = await createTestDatabase('webhook_targets');
    sql = new PgSqlClient(db.url);
    store = await PostgresEventStore.create(sql);
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    receiver = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    redis?.disconnect();
    await new Promise((r) => receiver?.close(r));
    await store?.close();
    await sql?.close();
    await db?.drop();
  });

  it('refuses a name that resolved to a public address at registration and to loopback at delivery', async () => {
    const worker = await startWorker(false);
    const atRegistration = new WebhookService(worker.webhooks, false, async () => ['93.184.216.34']);
    const hook = await atRegistration.register('team-1', 'https://rebind.hooks.test/hook');
    const job = await deliver(worker, hook.id);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(received).toHaveLength(0);
  });

  it('re-checks at delivery a webhook registered while insecure targets were allowed, once they are not', async () => {
    const worker = await startWorker(false);
    const whileAllowed = new WebhookService(worker.webhooks, true);
    const hook = await whileAllowed.register('team-1', `http://127.0.0.1:${port}/hook`);
    const job = await deliver(worker, hook.id);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/https/);
    expect(received).toHaveLength(0);
  });

  it('connects to the address it checked: resolved once, pinned for the connection', async () => {
    const worker = await startWorker(true);
    const hook = await new WebhookService(worker.webhooks, true, async () => ['127.0.0.1']).register(
      'team-1',
      `http://pinned.hooks.test:${port}/hook`,
    );
    const before = asked.length;
    const job = await deliver(worker, hook.id);
    expect(await job.getState()).toBe('completed');
    // The system resolver knows no *.test name: the request reached loopback through the pinned address only.
    expect(received.map((h) => h.host)).toEqual([`pinned.hooks.test:${port}`]);
    expect(asked.slice(before)).toEqual(['pinned.hooks.test']);
  });
});
