import { APP_CONFIG, type AppConfig } from '@libs/config';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CATALOG, CLOCK, type Clock, ConnectionRefresher, RevokeExpiredAccessCommand } from '@libs/application';
import type { Catalog } from '@libs/catalog';
import {
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  runMigrations,
  SessionLocks,
  type SqlClient,
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
/** Fallback poll of an idle scheduler (appends wake it), and how often a standby tries to take over. */
const IDLE_POLL_MS = 1000;
const STANDBY_POLL_MS = 500;

/**
 * R5.6 and R12.4 on BullMQ: a small reactor reads the event log from its own checkpoint and schedules delayed jobs
 * on `{oauth-refresh}` (refresh before expiry, revoke at accessUntil); a processor runs them. The checkpoint moves
 * only after the jobs were acknowledged; deterministic job ids absorb a re-read batch. The same times are also kept in
 * PostgreSQL (with the checkpoint, in one transaction) and swept every `CONNECTION_SWEEP_MS`: a refresh or revocation
 * whose delayed job Redis lost still happens.
 *
 * Runs in the worker role (ROLE=worker or all), never in the gateway. Any number of workers: each processes jobs,
 * but the scheduler loop and the sweep are a singleton — the one holding `connection-jobs:scheduler` on its
 * SessionLocks session; the others stand by and take over when its session dies. The checkpoint update is fenced
 * (it must still hold the position read) so a holder that lost its session unnoticed cannot move it backwards.
 */
@Injectable()
export class ConnectionJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private queue: Queue | null = null;
  private worker: Worker | null = null;
  private workerRedis: Redis | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private position = '';
  private active = false;
  private wake: (() => void) | null = null;
  private offAppended: (() => void) | null = null;
  private readonly locks: SessionLocks;
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
    this.locks = new SessionLocks(sql, (error) => {
      this.active = false;
      if (!this.stopped) this.logger.warn({ err: error }, 'connection jobs: lock session lost; stepping down');
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
      isActive: () => this.active,
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
    this.offAppended = this.store.onAppended?.(() => this.wake?.()) ?? null;
    this.loop = this.run();
    this.sweep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    // Bounded: without Redis an addBulk (and so the loop) waits for a reconnect that may never come.
    const within = (p: Promise<unknown> | null, ms: number) =>
      Promise.race([p, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
    // Without Redis nothing can finish gracefully: do not make shutdown wait for it.
    const up = this.redis.status === 'ready';
    this.offAppended?.();
    this.wake?.();
    await within(this.sweep.stop(), 2000);
    await within(this.loop, up ? 2000 : 100);
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
    this.active = false;
    await this.locks.release().catch(() => undefined);
  }

  /** Whether this instance runs the scheduler and the sweep now (not a standby). */
  isActive(): boolean {
    return this.active;
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

  private async run(): Promise<void> {
    try {
      await runMigrations(this.sql, CONNECTION_JOBS_MIGRATIONS);
      await this.sql.query('INSERT INTO connection_job_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [
        CHECKPOINT,
      ]);
    } catch (error) {
      this.logger.error({ err: error }, 'connection jobs: cannot prepare the checkpoint');
      return;
    }
    while (!this.stopped) {
      try {
        if (!this.active) {
          if (!(await this.locks.tryLock(LOCK))) {
            await this.sleep(STANDBY_POLL_MS);
            continue;
          }
          this.position = await this.readCheckpoint();
          this.active = true;
          this.logger.info({ position: this.position }, 'connection jobs: scheduler active');
        }
        const batch = await this.store.readAll(this.position, 200);
        if (batch.length === 0) {
          await this.sleep(IDLE_POLL_MS);
          continue;
        }
        await this.enqueue(batch);
      } catch (error) {
        this.logger.warn({ err: error }, 'connection jobs: retrying after error');
        await this.sleep(500);
      }
    }
  }

  private async enqueue(batch: readonly RecordedEvent[]): Promise<void> {
    const now = this.clock.now();
    const jobs = batch.flatMap((event) => planConnectionJobs(event, this.marginMs, now));
    if (jobs.length > 0 && this.queue) {
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
    const last = batch[batch.length - 1].globalPosition;
    const entries = batch.flatMap((event) => scheduleOf(event, this.marginMs));
    const moved = await this.sql.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE connection_job_checkpoints SET position = $2, updated_at = now()
          WHERE name = $1 AND position = $3 RETURNING name`,
        [CHECKPOINT, last, this.position],
      );
      // Fenced: another scheduler moved the checkpoint (this one lost its lock unnoticed). Record nothing.
      if (rows.length === 0) return false;
      await this.schedule.record(entries, tx);
      return true;
    });
    if (moved) this.position = last;
    else this.position = await this.readCheckpoint();
  }

  private async readCheckpoint(): Promise<string> {
    const [row] = await this.sql.query<{ position: string }>(
      'SELECT position FROM connection_job_checkpoints WHERE name = $1',
      [CHECKPOINT],
    );
    return row?.position ?? '';
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = finish;
    });
  }
}
