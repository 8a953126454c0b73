// Notification worker benchmark (bench/README.md "Worker"). A fresh database on the machine's PostgreSQL, the
// machine's Redis (a unique key prefix), a real SMTP server on loopback; prints ONE JSON object.
// Env: BENCH_ADMIN_URL, REDIS_URL, BENCH_DRAIN_EVENTS (1000), BENCH_RATE (200 events/s), BENCH_SECONDS (10),
// BENCH_BASELINE_JOBS (5000), BENCH_MAIL_CONCURRENCY (10: mail jobs in parallel and pooled SMTP connections).
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { openVault, vaultWebhookSecrets } from '@libs/application';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { createMailer } from '@libs/mailer';
import { startNotificationWorker } from '@apps/worker';
import { generateMasterKeyValue, parseMasterKeys } from '@libs/vault';
import { EventWriter } from '@apps/worker/testing/sample-events';

const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const drainEvents = Number(process.env.BENCH_DRAIN_EVENTS ?? 1000);
const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const baselineJobs = Number(process.env.BENCH_BASELINE_JOBS ?? 5000);
const mailConcurrency = Number(process.env.BENCH_MAIL_CONCURRENCY ?? 10);
const requester = { userId: 'bob', name: 'Bob', email: 'bob@acme.com' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/** Records when each recipient's e-mail was accepted (the moment the server answers 250). */
async function smtpSink(): Promise<{ url: string; accepted: Map<string, number>; stop(): Promise<void> }> {
  const accepted = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        const now = performance.now();
        for (const rcpt of session.envelope.rcptTo) if (!accepted.has(rcpt.address)) accepted.set(rcpt.address, now);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const request = (w: EventWriter, email: string) =>
  w.request({ organizationId: 'acme', teamId: 't', requester, recipient: { userId: email, name: 'R', email } });

/** BullMQ alone on the same Redis: addBulk in chunks of 200 (as the reactor does), a no-op processor. */
async function bullmqBaseline(prefix: string): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('baseline', { connection, prefix });
  let done = 0;
  const worker = new Worker('baseline', async () => undefined, { connection, prefix, concurrency: 10 });
  worker.on('completed', () => done++);
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < baselineJobs; i += 200) {
    const n = Math.min(200, baselineJobs - i);
    await queue.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'job', data: { n: i + k } })));
  }
  await until(() => done >= baselineJobs, 120_000, 'baseline jobs');
  const perSecond = baselineJobs / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return Math.round(perSecond);
}

async function main(): Promise<void> {
  const name = `bench_worker_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = new PgSqlClient(url.toString());
  const store = await PostgresEventStore.create(sql);
  const sink = await smtpSink();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `bench-worker-${randomBytes(4).toString('hex')}`;
  const w = new EventWriter(store);
  const webhookSecrets = vaultWebhookSecrets(await openVault(sql, parseMasterKeys(generateMasterKeyValue())));
  const startWorker = () =>
    startNotificationWorker({
      allowInsecureWebhooks: true,
      store,
      sql,
      webhookSecrets,
      redis,
      prefix,
      mailer: createMailer({ smtpUrl: sink.url, smtpPool: mailConcurrency }),
      concurrency: { mail: mailConcurrency },
      publicUrl: 'https://cr.example.test',
      invitationSecret: 'bench',
      logger: pino({ level: 'silent' }),
      pollIntervalMs: 20,
    });
  try {
    // 1. Throughput: a backlog of events appended while no worker runs, then drained.
    for (let i = 0; i < drainEvents; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, drainEvents - i) }, (_, k) => request(w, `drain-${i + k}@acme.com`)),
      );
    }
    let worker = await startWorker();
    const drainStart = performance.now();
    let enqueuedSeconds = 0;
    const reactor = worker.reactor;
    const watchReactor = (async () => {
      while (reactor && sink.accepted.size < drainEvents) {
        if (reactor.checkpoint !== '' && (await store.readAll(reactor.checkpoint, 1)).length === 0) {
          enqueuedSeconds = (performance.now() - drainStart) / 1000;
          return;
        }
        await sleep(20);
      }
    })();
    await until(() => sink.accepted.size >= drainEvents, 300_000, 'the backlog');
    await watchReactor;
    const drainSeconds = (performance.now() - drainStart) / 1000;
    await worker.stop();
    sink.accepted.clear();

    // 2. Latency at a steady rate: append committed → SMTP 250, per e-mail.
    worker = await startWorker();
    const total = rate * seconds;
    const appendedAt = new Map<string, number>();
    const paced = performance.now();
    const appends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = paced + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const email = `rate-${i}@acme.com`;
      appends.push(request(w, email).then(() => void appendedAt.set(email, performance.now())));
    }
    await Promise.all(appends);
    const offeredRate = total / ((performance.now() - paced) / 1000);
    await until(() => sink.accepted.size >= total, 300_000, 'the paced e-mails');
    await worker.stop();
    const latencies = [...appendedAt].map(([email, at]) => (sink.accepted.get(email) ?? at) - at).sort((a, b) => a - b);

    // 3. Baseline: BullMQ's own add → process rate on the same Redis.
    const baseline = await bullmqBaseline(`${prefix}-baseline`);
    for (const key of await redis.keys(`${prefix}:*`)) await redis.del(key);

    const p99 = Math.round(percentile(latencies, 99));
    process.stdout.write(
      `${JSON.stringify({
        drain: {
          events: drainEvents,
          emailsAcceptedPerSecond: Math.round(drainEvents / drainSeconds),
          reactorEnqueuedPerSecond: enqueuedSeconds ? Math.round(drainEvents / enqueuedSeconds) : null,
        },
        steady: {
          targetEventsPerSecond: rate,
          mailConcurrency,
          offeredEventsPerSecond: Math.round(offeredRate),
          events: total,
          latencyMs: {
            p50: Math.round(percentile(latencies, 50)),
            p99,
            max: Math.round(latencies[latencies.length - 1]),
          },
        },
        baseline: { bullmqAddToProcessedPerSecond: baselineJobs && baseline, jobs: baselineJobs },
        target: { p99Ms: 1000, met: p99 <= 1000 },
      })}\n`,
    );
  } finally {
    redis.disconnect();
    await sink.stop();
    await store.close();
    await sql.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
