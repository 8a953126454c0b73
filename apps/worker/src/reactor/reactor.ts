import { randomUUID } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  CheckpointedConsumer,
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
  type SqlClient,
  TableCheckpoints,
} from '@libs/event-store';
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
  low_water: string;
  epoch: string | null;
  [key: string]: unknown;
}

/**
 * Events → BullMQ jobs, checkpointed in PostgreSQL (`worker_checkpoints`) by a CheckpointedConsumer (libs/event-store)
 * whose handler DELIVERS: the checkpoint moves (fenced) only after `addBulk` was acknowledged, so a crash re-enqueues
 * at most the last batch, which the deterministic job ids absorb. Redis may lose its data (restart without
 * persistence): an epoch marker written to both sides detects it, and the reactor then rewinds to the low-water mark
 * (a position whose jobs were all seen processed) and enqueues again; the delivery log keeps what was already sent
 * from going out twice.
 *
 * One active reactor across processes: the consumer holds `reactor:<name>` on its own lock session; when its process
 * dies the lock goes with the connection and a standby, retrying every `standbyPollMs`, takes over from the stored
 * checkpoint. On PGlite there is one process.
 */
export class Reactor {
  private readonly name: string;
  private lowWater: GlobalPosition = '';
  private epoch: string | null = null;
  private batchesSinceLowWater = 0;
  private readonly checkpoints: TableCheckpoints;
  private readonly consumer: CheckpointedConsumer;

  constructor(private readonly o: ReactorOptions) {
    this.name = o.name ?? 'notifications';
    this.checkpoints = new TableCheckpoints(o.sql, { table: 'worker_checkpoints', name: this.name });
    const retryDelayMs = o.retryDelayMs ?? 500;
    this.consumer = new CheckpointedConsumer({
      name: `reactor ${this.name}`,
      lockKey: `reactor:${this.name}`,
      sql: o.sql,
      store: o.store,
      checkpoints: this.checkpoints,
      batchSize: o.batchSize ?? 200,
      idlePollMs: o.pollIntervalMs ?? 50,
      standbyPollMs: o.standbyPollMs,
      retryDelayMs,
      // Commands wait for a reconnect (maxRetriesPerRequest: null): issue none while Redis is away, so that stop()
      // is not held up by one.
      ready: () => o.redis.status === 'ready',
      onActivate: async (position) => {
        await this.loadExtras();
        await o.planner.catchUp(position);
      },
      beforeRead: (position) => this.ensureEpoch(position),
      onIdle: (position) => this.maybeAdvanceLowWater(position, true),
      onCommitted: (position) => this.maybeAdvanceLowWater(position, false),
      handler: { deliver: (events) => this.deliver(events) },
      onLockLost: (error) => o.logger.warn({ err: error }, 'reactor: lock session lost; stepping down'),
      onError: (error) => o.logger.warn({ err: error }, 'reactor: retrying after error'),
    });
  }

  private get epochKey(): string {
    return `${this.o.prefix}:reactor-epoch:${this.name}`;
  }

  /** Starts the loop in the background: it takes the lock (or stands by), then reads from the checkpoint. */
  async start(): Promise<void> {
    await this.checkpoints.ensure();
    this.consumer.start();
  }

  /** Whether this instance holds the lock and enqueues (not a standby). */
  get isActive(): boolean {
    return this.consumer.isActive;
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
  }

  /** The position up to which every event's jobs are enqueued. */
  get checkpoint(): GlobalPosition {
    return this.consumer.position;
  }

  private async loadExtras(): Promise<void> {
    const [row] = await this.o.sql.query<CheckpointRow>(
      'SELECT low_water, epoch FROM worker_checkpoints WHERE name = $1',
      [this.name],
    );
    this.lowWater = row.low_water;
    this.epoch = row.epoch;
  }

  /** Enqueues the batch's jobs; false (checkpoint stays) when Redis restarted empty meanwhile: the next turn rewinds. */
  private async deliver(batch: readonly RecordedEvent[]): Promise<boolean> {
    await inSpan(
      'reactor batch',
      { links: linksFrom(batch.map((e) => e.metadata)), attributes: { 'app.event_count': batch.length } },
      async () => {
        const plans = await this.o.planner.planBatch(batch);
        await this.enqueue(plans.map((plan, i) => withTrace(plan, jobTraceOf(batch[i]))));
      },
    );
    return (await this.o.redis.get(this.epochKey)) === this.epoch;
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

  /** Before each read: a Redis without our epoch marker lost the jobs; rewind to the low-water mark. */
  private async ensureEpoch(current: GlobalPosition): Promise<GlobalPosition> {
    const inRedis = await this.o.redis.get(this.epochKey);
    if (inRedis !== null && inRedis === this.epoch) return current;
    let position = current;
    if (this.epoch !== null) {
      this.o.logger.warn(
        { from: this.lowWater, was: current },
        'reactor: Redis lost its jobs (epoch marker gone); enqueueing again from the low-water mark',
      );
      position = this.lowWater;
    }
    const epoch = randomUUID();
    await this.o.sql.query(
      'UPDATE worker_checkpoints SET epoch = $2, position = $3, updated_at = now() WHERE name = $1',
      [this.name, epoch, position],
    );
    await this.o.redis.set(this.epochKey, epoch);
    this.epoch = epoch;
    return position;
  }

  /** When mail and webhook queues hold nothing pending, every job up to the checkpoint has been processed. */
  private async maybeAdvanceLowWater(position: GlobalPosition, idle: boolean): Promise<void> {
    if (this.lowWater === position) return;
    if (!idle && ++this.batchesSinceLowWater < 20) return;
    this.batchesSinceLowWater = 0;
    for (const queue of [this.o.queues.mail, this.o.queues.webhooks]) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return;
    }
    if ((await this.o.redis.get(this.epochKey)) !== this.epoch) return;
    await this.o.sql.query('UPDATE worker_checkpoints SET low_water = $2 WHERE name = $1', [this.name, position]);
    this.lowWater = position;
  }
}

/** Each job carries its event's trace context, so that its consumer span continues the command's trace. */
function withTrace(plan: PlannedJobs, trace: ReturnType<typeof jobTraceOf>): PlannedJobs {
  if (!trace) return plan;
  for (const job of [...plan.mail, ...plan.webhooks, ...plan.reminders]) job.data.trace = trace;
  return plan;
}
