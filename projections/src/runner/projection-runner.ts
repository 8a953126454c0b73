import {
  CheckpointedConsumer,
  type EventStore,
  type GlobalPosition,
  runMigrations,
  SessionLocks,
  type SqlClient,
} from '@libs/event-store';
import { inSpan, linksFrom } from '@libs/infrastructure';
import { decodeEvents } from '../decode-events';
import { READ_SCHEMA, type Projector } from '../projector';
import { readModelMigrations } from '../read-models.migrations';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { CheckpointWatch } from './checkpoint-watch';
import { ensureProjection, readCheckpoint, schemaStatement } from './checkpoints';
import { LaneCheckpoints } from './lane-checkpoints';

export interface ProjectionRunnerOptions {
  sql: SqlClient;
  store: EventStore;
  projectors: readonly Projector[];
  /** Events per transaction (default 500). */
  batchSize?: number;
  /**
   * How often an idle projection looks for new events: default 1000 ms when the store signals appends (`onAppended`,
   * any process), else 100 ms. `waitFor` and appends wake it at once.
   */
  idlePollMs?: number;
  /** How often a mutation waiting on projections applied in ANOTHER process re-reads their checkpoints in case a
   * notification was lost (default 500 ms); their commits' NOTIFY wakes it at once. */
  fallbackPollMs?: number;
  /** How often a standby tries to take over (default 500 ms). */
  standbyPollMs?: number;
  /** Pause after an error before retrying the same batch (default 1000 ms). */
  retryDelayMs?: number;
  /** Test hook: wait this long inside each batch's transaction, before it commits (crash tests). */
  batchDelayMs?: number;
  onError?: (projection: string, error: unknown) => void;
}

/**
 * Feeds every projector (a lane) from its checkpoint, all of them through ONE CheckpointedConsumer
 * (libs/event-store): one read per batch, which every lane applies (past its own checkpoint) in ONE transaction that
 * also moves every lane's fenced checkpoint and NOTIFYs them (issue 12: one read and one commit per batch instead
 * of one per lane). One active instance per projection across processes: the runner holds every lane's
 * `projection:<name>` lock on one session, or none and stands by; when its process dies the locks go with the
 * connection and a standby takes the lanes over. On PGlite the runner is simply active.
 */
export class ProjectionRunner {
  private readonly projectors: readonly Projector[];
  private readonly lanes: LaneCheckpoints;
  private readonly consumer: CheckpointedConsumer;
  private readonly progress = new Set<() => void>();
  private readonly locks: SessionLocks;
  private readonly watch: CheckpointWatch;
  private stopped = true;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.locks = new SessionLocks(options.sql, (error) => {
      // The locks went with the connection: step down; the runner re-acquires (on a new session) or stands by.
      this.consumer.stepDown();
      // Waiters that counted on these lanes' in-memory progress must look at the stored checkpoints now.
      this.notifyProgress();
      this.report('runner', error);
    });
    this.projectors = options.projectors;
    // The batch's transaction opens with the read schema, sent with the lanes' claim (one round trip).
    this.lanes = new LaneCheckpoints(
      options.sql,
      this.projectors.map((p) => p.name),
      [schemaStatement(READ_SCHEMA)],
    );
    this.consumer = this.createConsumer();
    this.watch = new CheckpointWatch(options.sql);
  }

  /** Prepares the schema and tables, then starts the lanes in the background. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    await runMigrations(this.options.sql, readModelMigrations);
    for (const projector of this.projectors) await ensureProjection(this.options.sql, projector);
    this.stopped = false;
    // LISTEN before anything waits (R7.6 across processes). Checkpoint commits do not wake the lanes (their own did,
    // a read per batch for nothing): only appenders hold the read horizon, appends wake the consumer, and after a
    // wake-up that read nothing it re-polls quickly (`CheckpointedConsumer`). Trusting the wake-ups alone stalled the
    // compose topology (bench/journal.md), so the re-polls stay; with them the compose check answers in ~1 s.
    await this.watch.ready();
    this.consumer.start();
  }

  /**
   * For a process that serves reads but applies nothing (a gateway): LISTEN at boot, so that the first mutation's
   * wait (R7.6) does not open a connection first (a name lookup that stalled made it wait its whole bound).
   */
  async watchElsewhere(): Promise<void> {
    await this.watch.ready();
  }

  /** Stops after the batches in flight and gives up the locks. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.consumer.stop();
    await this.watch.close();
    await this.locks.release();
    this.notifyProgress();
  }

  /** Whether this instance is the one applying `name` now (not a standby). */
  isActive(name: string): boolean {
    return this.consumer.isActive && this.projectors.some((p) => p.name === name);
  }

  /**
   * Resolves true once EVERY projection has passed `position` — whichever process applies it — or false after
   * `timeoutMs` (R7.6: a mutation waits for its own events, bounded).
   */
  async waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    if (position === '') return true;
    const deadline = Date.now() + timeoutMs;
    this.wakeLanes();
    const fallbackMs = this.options.fallbackPollMs ?? 500;
    let force = false;
    for (;;) {
      const names = this.projectors.map((p) => p.name);
      if (names.every((name) => this.reached(name) >= position)) return true;
      // Lanes this process applies report their progress in memory; the others' commits are NOTIFYed to the watch.
      const elsewhere = !this.consumer.isActive;
      if (elsewhere) {
        await this.watch.ready();
        await this.watch.refresh(names, force);
        if (names.every((name) => this.reached(name) >= position)) return true;
      }
      const left = deadline - Date.now();
      if (left <= 0) return false;
      force = await new Promise<boolean>((resolve) => {
        const done = (timedOut: boolean): void => {
          clearTimeout(timer);
          this.progress.delete(onProgress);
          offWatch();
          resolve(timedOut);
        };
        const onProgress = () => done(false);
        const timer = setTimeout(() => done(true), elsewhere ? Math.min(left, fallbackMs) : left);
        this.progress.add(onProgress);
        const offWatch = this.watch.onProgress(onProgress);
      });
    }
  }

  private createConsumer(): CheckpointedConsumer {
    const { sql, store } = this.options;
    const delay = this.options.batchDelayMs ?? 0;
    const names = this.projectors.map((p) => p.name);
    return new CheckpointedConsumer({
      name: 'projections',
      lockKey: names.map((name) => `projection:${name}`),
      sql,
      store,
      locks: this.locks,
      checkpoints: this.lanes,
      batchSize: this.options.batchSize ?? 500,
      idlePollMs: this.options.idlePollMs,
      standbyPollMs: this.options.standbyPollMs,
      retryDelayMs: this.options.retryDelayMs,
      // A projector whose version changed is rebuilt (fresh tables, swapped in) before anything is applied.
      onActivate: async () => {
        let rebuilt = false;
        for (const projector of this.projectors) {
          const checkpoint = await readCheckpoint(sql, projector.name);
          if (!checkpoint || checkpoint.version === projector.version) continue;
          await rebuildProjection({ sql, store, projector });
          rebuilt = true;
        }
        return rebuilt ? this.lanes.read() : undefined;
      },
      handler: {
        apply: async (tx, events) => {
          const decoded = decodeEvents(events);
          for (const projector of this.projectors) {
            const fresh = decoded.filter((e) => this.lanes.isNew(projector.name, e.globalPosition));
            if (fresh.length > 0) await projector.apply(tx, fresh);
          }
          if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        },
      },
      onCommitted: () => {
        this.lanes.commit();
        this.notifyProgress();
      },
      // Linked (not parented) to the commands whose events it applies: one batch serves many traces.
      around: (events, work) =>
        inSpan(
          `projection batch ${names.join(',')}`,
          {
            links: linksFrom(events.map((e) => e.metadata)),
            attributes: {
              'app.projection': names.join(','),
              'app.event_count': events.length,
              'app.correlation_ids': [...new Set(events.map((e) => e.metadata.correlationId))],
            },
          },
          work,
        ),
      onError: (error) => this.report('projections', error),
    });
  }

  /** How far projection `name` is known to be: here in memory when active, else as heard from its checkpoints. */
  private reached(name: string): GlobalPosition {
    const heard = this.watch.position(name);
    const here = this.lanes.position(name);
    return this.consumer.isActive && here > heard ? here : heard;
  }

  private wakeLanes(): void {
    this.consumer.wake();
  }

  private notifyProgress(): void {
    for (const cb of [...this.progress]) cb();
  }

  private report(name: string, error: unknown): void {
    if (this.options.onError) this.options.onError(name, error);
    else console.error(`projection ${name}: retrying after error`, error);
  }
}
