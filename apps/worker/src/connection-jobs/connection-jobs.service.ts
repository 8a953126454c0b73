import { APP_CONFIG, type AppConfig } from '@libs/config';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CATALOG, CLOCK, type Clock, ConnectionRefresher, RevokeExpiredAccessCommand } from '@libs/application';
import type { Catalog } from '@libs/catalog';
import {
  CheckpointedConsumer,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  runMigrations,
  type SqlClient,
  type SqlExecutor,
  TableCheckpoints,
} from '@libs/event-store';
import { LOGGER, REDIS, SQL_CLIENT, tracedProcessor } from '@libs/infrastructure';
import { closeWithin } from '../ops/bounded-close';
import { QUEUE_NAMES } from '../queue-names';
import { CONNECTION_JOBS_MIGRATIONS } from './connection-jobs.migrations';
import { type ConnectionJobData, planConnectionJobs } from './connection-jobs';
import { ConnectionSchedule, scheduleOf } from './connection-schedule';
import { LeaverRevocations } from '@libs/application';
import { ScheduleSweep } from './schedule-sweep';

const CHECKPOINT = 'connection-jobs';
const LOCK = 'connection-jobs:scheduler';
const DEFAULT_MARGIN_SECONDS = 300;
/**
 * How often the scheduler reads the log. It does not follow appends (issue 12: reads per append in a busy log): it
 * schedules refreshes and end dates well ahead, and a member-left revocation (R13.13; the runtime already refuses
 * at once, R8.3) a quarter of a second later is soon enough.
 */
const POLL_MS = 250;

/**
 * R5.6 and R12.4 on BullMQ: a small reactor reads the event log from its own checkpoint and schedules delayed jobs
 * on `{oauth-refresh}` (refresh before expiry, revoke at accessUntil); a processor runs them. It is a
 * CheckpointedConsumer (libs/event-store) whose handler does both: it delivers the jobs (the checkpoint moves only
 * after they were acknowledged; deterministic job ids absorb a re-read batch), then applies the same times to
 * PostgreSQL with the fenced checkpoint move, in one transaction; they are swept every `CONNECTION_SWEEP_MS`: a
 * refresh or revocation whose delayed job Redis lost still happens.
 *
 * Runs in the worker role (ROLE=worker or all), never in the gateway. Any number of workers: each processes jobs,
 * but the scheduler loop and the sweep are a singleton — the one holding `connection-jobs:scheduler` on its
 * own lock session; the others stand by and take over when its session dies. The checkpoint move is fenced (it must
 * still hold the position read) so a holder that lost its session unnoticed cannot move it backwards.
 */
@Injectable()
export class ConnectionJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private workerRedis: Redis | null = null;
  private prepared: Promise<void> | null = null;
  private readonly consumer: CheckpointedConsumer;
  private readonly checkpoints: TableCheckpoints;
  private readonly schedule: ConnectionSchedule;
  private readonly sweep: ScheduleSweep;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly refresher: ConnectionRefresher,
    private readonly commands: CommandBus,
    private readonly leavers: LeaverRevocations,
  ) {
    this.checkpoints = new TableCheckpoints(sql, { table: 'connection_job_checkpoints', name: CHECKPOINT });
    this.consumer = new CheckpointedConsumer({
      name: 'connection jobs',
      lockKey: LOCK,
      sql,
      store,
      checkpoints: this.checkpoints,
      batchSize: 200,
      idlePollMs: POLL_MS,
      followAppends: false,
      retryDelayMs: 500,
      onActivate: async (position) => void logger.info({ position }, 'connection jobs: scheduler active'),
      handler: {
        deliver: (batch) => this.enqueue(batch),
        apply: (tx, batch) => this.record(tx, batch),
        // Most events schedule nothing: their batches move the checkpoint lazily (issue 12).
        relevant: (event) =>
          scheduleOf(event, this.marginMs).length > 0 ||
          planConnectionJobs(event, this.marginMs, this.clock.now()).length > 0,
      },
      onLockLost: (error) => logger.warn({ err: error }, 'connection jobs: lock session lost; stepping down'),
      onError: (error) => logger.warn({ err: error }, 'connection jobs: retrying after error'),
    });
    this.schedule = new ConnectionSchedule(sql);
    this.sweep = new ScheduleSweep({
      schedule: this.schedule,
      commands,
      refresher,
      clock,
      logger,
      intervalMs: config.connectionSweepMs,
      marginMs: this.marginMs,
      isActive: () => this.consumer.isActive,
    });
  }

  /** The same BullMQ key prefix as the worker's queues (`BULL_PREFIX`). */
  private get prefix(): string {
    return this.config.queuePrefix;
  }

  onApplicationBootstrap(): void {
    this.queue = new Queue(QUEUE_NAMES.oauthRefresh, { connection: this.redis, prefix: this.prefix });
    this.workerRedis = this.redis.duplicate();
    const processor = tracedProcessor(QUEUE_NAMES.oauthRefresh, (job: Job<ConnectionJobData>) => this.process(job));
    this.worker = new Worker(QUEUE_NAMES.oauthRefresh, processor, {
      connection: this.workerRedis,
      prefix: this.prefix,
      concurrency: 4,
    });
    // Redis down: createRedis already says so once; BullMQ would otherwise print every reconnect error.
    this.queue.on('error', () => undefined);
    this.worker.on('error', () => undefined);
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ jobId: job?.id, kind: job?.data.kind, err: error }, 'connection job failed; will retry'),
    );
    this.prepared = this.prepare();
    this.sweep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    // Bounded: without Redis an addBulk (and so the loop) waits for a reconnect that may never come.
    const within = (p: Promise<unknown> | null, ms: number) =>
      Promise.race([p, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
    // Without Redis nothing can finish gracefully: do not make shutdown wait for it.
    const up = this.redis.status === 'ready';
    await within(this.sweep.stop(), 2000);
    await within(this.prepared, up ? 2000 : 100);
    await this.consumer.stop(up ? 2000 : 100);
    if (this.worker) {
      if (up) await closeWithin(this.worker, 5000);
      else
        await within(
          this.worker.close(true).catch(() => undefined),
          500,
        );
    }
    await within(this.queue?.close() ?? null, up ? 2000 : 100);
    this.workerRedis?.disconnect();
  }

  /** Whether this instance runs the scheduler and the sweep now (not a standby). */
  isActive(): boolean {
    return this.consumer.isActive;
  }

  private async process(job: Job<ConnectionJobData>): Promise<string> {
    const data = job.data;
    const context = { correlationId: `job:${job.id}`, causationId: String(job.id) };
    if (data.kind === 'refresh') {
      const answer = await this.refresher.refresh(data, context);
      return answer.outcome;
    }
    if (data.kind === 'member-left') {
      const { organizationId, userId, teamId, position } = data;
      await this.leavers.revoke({ organizationId, userId, teamIds: teamId ? [teamId] : null }, position, context);
      return 'DONE';
    }
    const result = await this.commands.execute(
      new RevokeExpiredAccessCommand({ requestId: data.requestId, appKey: data.appKey }, context),
    );
    return result.revoked ? 'REVOKED' : `SKIPPED`;
  }

  private marginMs = (appKey: string): number => {
    const connection = this.catalog.latestVersion(appKey)?.connection;
    const seconds = connection?.type === 'OAUTH2' ? connection.refreshMarginSeconds : undefined;
    return (seconds ?? DEFAULT_MARGIN_SECONDS) * 1000;
  };

  private async prepare(): Promise<void> {
    try {
      await runMigrations(this.sql, CONNECTION_JOBS_MIGRATIONS);
      await this.checkpoints.ensure();
    } catch (error) {
      this.logger.error({ err: error }, 'connection jobs: cannot prepare the checkpoint');
      return;
    }
    this.consumer.start();
  }

  /** The batch's delayed jobs, acknowledged by Redis before the checkpoint moves. */
  private async enqueue(batch: readonly RecordedEvent[]): Promise<void> {
    const now = this.clock.now();
    const jobs = batch.flatMap((event) => planConnectionJobs(event, this.marginMs, now));
    if (jobs.length === 0 || !this.queue) return;
    await this.queue.addBulk(
      jobs.map((j) => ({
        name: j.data.kind,
        data: j.data,
        opts: {
          jobId: j.jobId,
          delay: j.delayMs,
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: 1000,
          removeOnFail: 1000,
        },
      })),
    );
  }

  /** The same times in PostgreSQL, in the checkpoint move's transaction (fenced: a stale holder records nothing). */
  private async record(tx: SqlExecutor, batch: readonly RecordedEvent[]): Promise<void> {
    await this.schedule.record(
      batch.flatMap((event) => scheduleOf(event, this.marginMs)),
      tx,
    );
  }
}
