import { randomUUID } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type EventStore, type GlobalPosition, SessionLocks, type SqlClient } from '@libs/event-store';
import { inSpan, linksFrom } from '@libs/infrastructure';
import { jobTraceOf, type PlannedJob, type PlannedJobs } from './jobs';
import type { NotificationPlanner } from './planner';

export interface ReactorQueues {
  mail: Queue;
  webhooks: Queue;
  reminders: Queue;
}

export interface ReactorOptions {
  name?: string;
  store: EventStore;
  sql: SqlClient;
  redis: Redis;
  /** BullMQ key prefix, so the epoch marker lives beside the queues it vouches for. */
  prefix: string;
  queues: ReactorQueues;
  planner: NotificationPlanner;
  jobOptions: JobsOptions;
  logger: Logger;
  batchSize?: number;
  pollIntervalMs?: number;
  retryDelayMs?: number;
  /** How often a standby reactor tries to take over (default 500 ms). */
  standbyPollMs?: number;
}

interface CheckpointRow {
  position: string;
  low_water: string;
  epoch: string | null;
  [key: string]: unknown;
}

/**
 * Events → BullMQ jobs, checkpointed in PostgreSQL (`worker_checkpoints`). The checkpoint moves only after
 * `addBulk` was acknowledged, so a crash re-enqueues at most the last batch, which the deterministic job ids
 * absorb. Redis may lose its data (restart without persistence): an epoch marker written to both sides detects it,
 * and the reactor then rewinds to the low-water mark (a position whose jobs were all seen processed) and enqueues
 * again; the delivery log keeps what was already sent from going out twice.
 *
 * One active reactor across processes: on PostgreSQL it holds `pg_advisory_lock(hashtext('reactor:<name>'))` on a
 * dedicated session (like the projection runner); when its process dies the lock goes with the connection and a
 * standby, retrying every `standbyPollMs`, takes over from the stored checkpoint. On PGlite there is one process.
 */
export class Reactor {
  private readonly name: string;
  private position: GlobalPosition = '';
  private lowWater: GlobalPosition = '';
  private epoch: string | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private batchesSinceLowWater = 0;
  private active = false;
  // The lock went with the connection: step down; the loop re-acquires on a new session or stands by.
  private readonly locks: SessionLocks;

  constructor(private readonly o: ReactorOptions) {
    this.name = o.name ?? 'notifications';
    this.locks = new SessionLocks(o.sql, (error) => {
      this.active = false;
      if (!this.stopped) this.o.logger.warn({ err: error }, 'reactor: lock session lost; stepping down');
    });
  }

  private get epochKey(): string {
    return `${this.o.prefix}:reactor-epoch:${this.name}`;
  }

  /** Starts the loop in the background: it takes the lock (or stands by), then reads from the checkpoint. */
  async start(): Promise<void> {
    await this.o.sql.query('INSERT INTO worker_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [this.name]);
    this.loop = this.run();
  }

  /** Whether this instance holds the lock and enqueues (not a standby). */
  get isActive(): boolean {
    return this.active;
  }

  private async loadCheckpoint(): Promise<void> {
    const [row] = await this.o.sql.query<CheckpointRow>(
      'SELECT position, low_water, epoch FROM worker_checkpoints WHERE name = $1',
      [this.name],
    );
    this.position = row.position;
    this.lowWater = row.low_water;
    this.epoch = row.epoch;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.active = false;
    await this.locks.release();
  }

  /** The position up to which every event's jobs are enqueued. */
  get checkpoint(): GlobalPosition {
    return this.position;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        // Commands wait for a reconnect (maxRetriesPerRequest: null): do not issue any while Redis is away, so
        // that stop() is not held up by one.
        if (this.o.redis.status !== 'ready') {
          await this.sleep(this.o.retryDelayMs ?? 500);
          continue;
        }
        if (!this.active) {
          if (!(await this.acquire())) {
            await this.sleep(this.o.standbyPollMs ?? 500);
            continue;
          }
          await this.loadCheckpoint();
          await this.o.planner.catchUp(this.position);
          this.active = true;
        }
        await this.ensureEpoch();
        const batch = await this.o.store.readAll(this.position, this.o.batchSize ?? 200);
        if (batch.length === 0) {
          await this.maybeAdvanceLowWater(true);
          await this.sleep(this.o.pollIntervalMs ?? 50);
          continue;
        }
        await inSpan(
          'reactor batch',
          { links: linksFrom(batch.map((e) => e.metadata)), attributes: { 'app.event_count': batch.length } },
          async () => {
            await this.o.planner.observe(batch);
            const plans: PlannedJobs[] = [];
            for (const event of batch) plans.push(withTrace(await this.o.planner.plan(event), jobTraceOf(event)));
            await this.enqueue(plans);
          },
        );
        // Redis may have restarted (empty) while we enqueued: then do not advance; the next turn rewinds.
        if ((await this.o.redis.get(this.epochKey)) !== this.epoch) continue;
        const last = batch[batch.length - 1].globalPosition;
        // Lost the lock meanwhile (session died): a standby may own the checkpoint now; do not overwrite it.
        if (!this.active) continue;
        await this.o.sql.query('UPDATE worker_checkpoints SET position = $2, updated_at = now() WHERE name = $1', [
          this.name,
          last,
        ]);
        this.position = last;
        await this.maybeAdvanceLowWater(false);
      } catch (error) {
        this.o.logger.warn({ err: error }, 'reactor: retrying after error');
        await this.sleep(this.o.retryDelayMs ?? 500);
      }
    }
  }

  private async enqueue(plans: PlannedJobs[]): Promise<void> {
    const bulk = (jobs: PlannedJob<object>[], name: string) =>
      jobs.map((j) => ({ name, data: j.data, opts: { ...this.o.jobOptions, jobId: j.jobId, delay: j.delayMs } }));
    const mail = bulk(
      plans.flatMap((p) => p.mail),
      'mail',
    );
    const webhooks = bulk(
      plans.flatMap((p) => p.webhooks),
      'webhook',
    );
    const reminders = bulk(
      plans.flatMap((p) => p.reminders),
      'reminder',
    );
    await Promise.all([
      mail.length ? this.o.queues.mail.addBulk(mail) : null,
      webhooks.length ? this.o.queues.webhooks.addBulk(webhooks) : null,
      reminders.length ? this.o.queues.reminders.addBulk(reminders) : null,
    ]);
  }

  private async ensureEpoch(): Promise<void> {
    const inRedis = await this.o.redis.get(this.epochKey);
    if (inRedis !== null && inRedis === this.epoch) return;
    if (this.epoch !== null) {
      this.o.logger.warn(
        { from: this.lowWater, was: this.position },
        'reactor: Redis lost its jobs (epoch marker gone); enqueueing again from the low-water mark',
      );
      this.position = this.lowWater;
    }
    const epoch = randomUUID();
    await this.o.sql.query(
      'UPDATE worker_checkpoints SET epoch = $2, position = $3, updated_at = now() WHERE name = $1',
      [this.name, epoch, this.position],
    );
    await this.o.redis.set(this.epochKey, epoch);
    this.epoch = epoch;
  }

  /** When mail and webhook queues hold nothing pending, every job up to the checkpoint has been processed. */
  private async maybeAdvanceLowWater(idle: boolean): Promise<void> {
    if (this.lowWater === this.position) return;
    if (!idle && ++this.batchesSinceLowWater < 20) return;
    this.batchesSinceLowWater = 0;
    const position = this.position;
    for (const queue of [this.o.queues.mail, this.o.queues.webhooks]) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return;
    }
    if ((await this.o.redis.get(this.epochKey)) !== this.epoch) return;
    await this.o.sql.query('UPDATE worker_checkpoints SET low_water = $2 WHERE name = $1', [this.name, position]);
    this.lowWater = position;
  }

  /** Takes the advisory lock on a dedicated session (always granted on PGlite: one process). */
  private acquire(): Promise<boolean> {
    return this.locks.tryLock(`reactor:${this.name}`);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Each job carries its event's trace context, so that its consumer span continues the command's trace. */
function withTrace(plan: PlannedJobs, trace: ReturnType<typeof jobTraceOf>): PlannedJobs {
  if (!trace) return plan;
  for (const job of [...plan.mail, ...plan.webhooks, ...plan.reminders]) job.data.trace = trace;
  return plan;
}
