import { Queue, Worker, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { runMigrations, type EventStore, type SqlClient } from '@libs/event-store';
import { tracedProcessor } from '@libs/infrastructure';
import type { Mailer } from '@libs/mailer';
import { closeWithin, within } from './ops/bounded-close';
import { DeliveryLog } from './delivery/delivery-log';
import { EventStoreDirectoryLookup, type DirectoryLookup } from './reactor/directory-lookup';
import { mailProcessor } from './mail/mail-processor';
import type { ModuleNamer } from './mail/mail-facts';
import { WorkerMetrics } from './ops/metrics';
import { NotificationPlanner, type ReminderSettings } from './reactor/planner';
import { QUEUE_NAMES } from './queue-names';
import { Reactor } from './reactor/reactor';
import { reminderProcessor } from './reminders/reminder-processor';
import { RequestStates } from './reactor/request-states';
import { webhookProcessor } from './webhooks/webhook-processor';
import { WebhookRepository, workerMigrations, type HostResolver, type WebhookSecrets } from '@libs/webhooks';

export interface NotificationWorkerOptions {
  store: EventStore;
  sql: SqlClient;
  /** Sealed storage of webhook signing secrets (the vault, from the composition root). */
  webhookSecrets: WebhookSecrets;
  /** Shared connection for queues and the reactor; workers duplicate it for their blocking reads. */
  redis: Redis;
  /** BullMQ key prefix (default 'bull'). */
  prefix?: string;
  /** Closed by stop(). Pass one with `smtpPool` for throughput. */
  mailer: Mailer;
  /** Module names in the addressee's language (the catalog's, issue 10). */
  moduleName?: ModuleNamer;
  publicUrl: string;
  invitationSecret: string;
  logger: Logger;
  reminders?: ReminderSettings | null;
  directory?: DirectoryLookup;
  /** Run the reactor in this process (default true); processors always run. */
  reactor?: boolean;
  concurrency?: { mail?: number; webhooks?: number; reminders?: number };
  /** Retries (default 8 attempts, exponential from 1 s). */
  attempts?: number;
  backoffMs?: number;
  /** How long a job stays locked without a heartbeat before another worker takes it over (default 30 s). */
  lockDurationMs?: number;
  /** How long stop() waits for active jobs when Redis answers (default 5 s); without Redis it does not wait. */
  closeTimeoutMs?: number;
  /** Aborting it while the start is in progress undoes what was started and rejects: no worker runs after it. */
  signal?: AbortSignal;
  /** How often a standby reactor tries to take over (default 500 ms). */
  standbyPollMs?: number;
  metrics?: WorkerMetrics;
  pollIntervalMs?: number;
  /** WEBHOOKS_ALLOW_INSECURE as it is now (R13.3: deliveries are re-checked against it). */
  allowInsecureWebhooks: boolean;
  /** How webhook host names resolve (default `dns.lookup`). */
  resolveHost?: HostResolver;
}

const SEVEN_DAYS_S = 7 * 24 * 3600;

export interface NotificationWorker {
  queues: { mail: Queue; webhooks: Queue; reminders: Queue };
  metrics: WorkerMetrics;
  reactor: Reactor | null;
  webhooks: WebhookRepository;
  stop(): Promise<void>;
}

/** Starts the reactor and the mail, webhook and reminder processors; `stop()` is bounded. */
export async function startNotificationWorker(o: NotificationWorkerOptions): Promise<NotificationWorker> {
  const checkAborted = () => {
    if (o.signal?.aborted) throw new Error('notification worker: start abandoned (shutting down)');
  };
  checkAborted();
  await runMigrations(o.sql, workerMigrations);
  checkAborted();
  const webhooks = new WebhookRepository(o.sql, o.webhookSecrets);
  await webhooks.sealPlainSecrets();
  checkAborted();
  const prefix = o.prefix ?? 'bull';
  const metrics = o.metrics ?? new WorkerMetrics();
  const jobOptions: JobsOptions = {
    attempts: o.attempts ?? 8,
    backoff: { type: 'exponential', delay: o.backoffMs ?? 1000 },
    // Retained long enough to cover any redelivery of the same job id by the reactor; the delivery log covers
    // the rest (a replay after Redis lost its data).
    removeOnComplete: { age: SEVEN_DAYS_S },
    // Failed jobs stay for inspection (`GET /admin/queues`) for 30 days.
    removeOnFail: { age: 30 * 24 * 3600 },
  };
  const queue = (name: string) => {
    const q = new Queue(name, { connection: o.redis, prefix });
    q.on('error', () => undefined);
    return q;
  };
  const queues = {
    mail: queue(QUEUE_NAMES.mail),
    webhooks: queue(QUEUE_NAMES.webhooks),
    reminders: queue(QUEUE_NAMES.reminders),
  };
  metrics.watch(Object.values(queues));
  // One dedicated session per mail job in flight (see DeliveryLog.claim).
  const deliveries = new DeliveryLog(o.sql, o.concurrency?.mail ?? 10);
  const workerOptions = (concurrency: number) => ({
    connection: o.redis,
    prefix,
    concurrency,
    lockDuration: o.lockDurationMs ?? 30_000,
    stalledInterval: Math.max(1000, Math.floor((o.lockDurationMs ?? 30_000) / 2)),
  });
  const directory = o.directory ?? new EventStoreDirectoryLookup(o.store, o.sql);
  const workers = [
    new Worker(
      QUEUE_NAMES.mail,
      tracedProcessor(
        QUEUE_NAMES.mail,
        mailProcessor({
          mailer: o.mailer,
          deliveries,
          publicUrl: o.publicUrl,
          invitationSecret: o.invitationSecret,
          moduleName: o.moduleName,
          logger: o.logger,
          metrics,
        }),
      ),
      workerOptions(o.concurrency?.mail ?? 10),
    ),
    new Worker(
      QUEUE_NAMES.webhooks,
      tracedProcessor(
        QUEUE_NAMES.webhooks,
        webhookProcessor({
          repository: webhooks,
          deliveries,
          metrics,
          allowInsecure: o.allowInsecureWebhooks,
          resolve: o.resolveHost,
        }),
      ),
      workerOptions(o.concurrency?.webhooks ?? 10),
    ),
    new Worker(
      QUEUE_NAMES.reminders,
      tracedProcessor(
        QUEUE_NAMES.reminders,
        reminderProcessor({ store: o.store, directory, mailQueue: queues.mail, jobOptions }),
      ),
      workerOptions(o.concurrency?.reminders ?? 2),
    ),
  ];
  for (const worker of workers) {
    worker.on('error', () => undefined);
    worker.on('failed', (job, error) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
      metrics.failures.inc({ queue: worker.name, final: String(final) });
      o.logger.warn(
        { queue: worker.name, jobId: job?.id, attempt: job?.attemptsMade, final, error: error.message },
        'job failed',
      );
    });
  }
  let reactor: Reactor | null = null;
  const stop = async () => {
    // The reactor's loop may sit in a Redis command that waits for a reconnect: bounded, it ends by itself once
    // the connection answers or is closed.
    await within(reactor?.stop(), 2000);
    const graceful = o.redis.status === 'ready';
    const timeout = o.closeTimeoutMs ?? 5000;
    await Promise.all(workers.map((w) => closeWithin(w, timeout, graceful)));
    await Promise.all(
      Object.values(queues).map((q) =>
        within(
          q.close().catch(() => undefined),
          1000,
        ),
      ),
    );
    // The worker is the mailer's only user: end its pooled connections.
    await within(
      o.mailer.close().catch(() => undefined),
      1000,
    );
    await within(
      deliveries.close().catch(() => undefined),
      1000,
    );
  };
  if (o.reactor !== false) {
    const planner = new NotificationPlanner({
      requests: new RequestStates(o.store),
      directory,
      webhooks,
      reminders: o.reminders,
    });
    reactor = new Reactor({
      store: o.store,
      sql: o.sql,
      redis: o.redis,
      prefix,
      queues,
      planner,
      jobOptions,
      logger: o.logger,
      pollIntervalMs: o.pollIntervalMs,
      standbyPollMs: o.standbyPollMs,
    });
    try {
      await reactor.start();
      checkAborted();
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { queues, metrics, reactor, webhooks, stop };
}
