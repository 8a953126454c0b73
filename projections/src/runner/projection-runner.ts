import {
  CheckpointedConsumer,
  type EventStore,
  type GlobalPosition,
  runMigrations,
  SessionLocks,
  type SqlClient,
  TableCheckpoints,
} from '@libs/event-store';
import { inSpan, linksFrom } from '@libs/infrastructure';
import { decodeEvents } from '../decode-events';
import { READ_SCHEMA, type Projector } from '../projector';
import { readModelMigrations } from '../read-models.migrations';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { CheckpointWatch } from './checkpoint-watch';
import { CHECKPOINT_CHANNEL, checkpointPayload, ensureProjection, readCheckpoint, useSchema } from './checkpoints';

export interface ProjectionRunnerOptions {
  sql: SqlClient;
  store: EventStore;
  projectors: readonly Projector[];
  /** Events per transaction (default 500). */
  batchSize?: number;
  /**
   * How often an idle projection looks for new events: default 1000 ms when the store signals appends (`onAppended`,
   * any process), else 100 ms. `waitFor`, appends and other lanes' commits wake it at once.
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

interface Lane {
  projector: Projector;
  consumer: CheckpointedConsumer;
}

/**
 * Feeds every projector from its checkpoint: one CheckpointedConsumer (libs/event-store) per projector, its batch
 * applied and its checkpoint moved (fenced, NOTIFYed) in ONE transaction. One active instance per projection across
 * processes: the lanes of a runner share one lock session holding `projection:<name>`, so when its process dies
 * the locks go with the connection and a standby takes each lane over. On PGlite every lane is simply active.
 */
export class ProjectionRunner {
  private readonly lanes: Lane[];
  private readonly progress = new Set<() => void>();
  private readonly locks: SessionLocks;
  private readonly watch: CheckpointWatch;
  private offCheckpoints: (() => void) | null = null;
  private stopped = true;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.locks = new SessionLocks(options.sql, (error) => {
      // The locks went with the connection: step down; a lane re-acquires (on a new session) or stands by.
      for (const lane of this.lanes) lane.consumer.stepDown();
      // Waiters that counted on these lanes' in-memory progress must look at the stored checkpoints now.
      this.notifyProgress();
      this.report('runner', error);
    });
    this.lanes = options.projectors.map((projector) => ({ projector, consumer: this.consumerFor(projector) }));
    this.watch = new CheckpointWatch(options.sql);
  }

  /** Prepares the schema and tables, then starts the lanes in the background. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    await runMigrations(this.options.sql, readModelMigrations);
    for (const lane of this.lanes) await ensureProjection(this.options.sql, lane.projector);
    this.stopped = false;
    // Other projectors' commits release the read horizon (appends wake each consumer itself).
    await this.watch.ready();
    this.offCheckpoints = this.watch.onProgress(() => this.wakeLanes());
    for (const lane of this.lanes) lane.consumer.start();
  }

  /** Stops after the batches in flight and gives up the locks. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.offCheckpoints?.();
    await Promise.all(this.lanes.map((l) => l.consumer.stop()));
    await this.watch.close();
    await this.locks.release();
    this.notifyProgress();
  }

  /** Whether this instance is the one applying `name` now (not a standby). */
  isActive(name: string): boolean {
    return this.lanes.some((l) => l.projector.name === name && l.consumer.isActive);
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
      const behind = this.lanes.filter((l) => this.reached(l) < position);
      if (behind.length === 0) return true;
      // A lane this process applies reports its progress in memory; the others' commits are NOTIFYed to the watch.
      const elsewhere = behind.filter((l) => !l.consumer.isActive).map((l) => l.projector.name);
      if (elsewhere.length > 0) {
        await this.watch.ready();
        await this.watch.refresh(
          this.lanes.map((l) => l.projector.name),
          force,
        );
        if (this.lanes.every((l) => this.reached(l) >= position)) return true;
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
        const timer = setTimeout(() => done(true), elsewhere.length > 0 ? Math.min(left, fallbackMs) : left);
        this.progress.add(onProgress);
        const offWatch = this.watch.onProgress(onProgress);
      });
    }
  }

  private consumerFor(projector: Projector): CheckpointedConsumer {
    const { sql, store } = this.options;
    const name = projector.name;
    const delay = this.options.batchDelayMs ?? 0;
    return new CheckpointedConsumer({
      name: `projection ${name}`,
      lockKey: `projection:${name}`,
      sql,
      store,
      locks: this.locks,
      checkpoints: new TableCheckpoints(sql, {
        table: 'read.projection_checkpoints',
        name,
        // Delivered at commit, to every process: a gateway waiting on this position (R7.6) wakes without polling.
        notify: { channel: CHECKPOINT_CHANNEL, payload: (to) => checkpointPayload(name, to) },
      }),
      batchSize: this.options.batchSize ?? 500,
      idlePollMs: this.options.idlePollMs,
      standbyPollMs: this.options.standbyPollMs,
      retryDelayMs: this.options.retryDelayMs,
      // A projector whose version changed is rebuilt (fresh tables, swapped in) before it applies anything.
      onActivate: async () => {
        let checkpoint = await readCheckpoint(sql, name);
        if (checkpoint && checkpoint.version !== projector.version) {
          await rebuildProjection({ sql, store, projector });
          checkpoint = await readCheckpoint(sql, name);
        }
        return checkpoint?.position ?? '';
      },
      handler: {
        apply: async (tx, events) => {
          await useSchema(tx, READ_SCHEMA);
          await projector.apply(tx, decodeEvents(events));
          if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        },
      },
      onCommitted: () => this.notifyProgress(),
      // Linked (not parented) to the commands whose events it applies: one batch serves many traces.
      around: (events, work) =>
        inSpan(
          `projection batch ${name}`,
          {
            links: linksFrom(events.map((e) => e.metadata)),
            attributes: {
              'app.projection': name,
              'app.event_count': events.length,
              'app.correlation_ids': [...new Set(events.map((e) => e.metadata.correlationId))],
            },
          },
          work,
        ),
      onError: (error) => this.report(name, error),
    });
  }

  /** How far `lane`'s projection is known to be: here in memory when active, else as heard from its checkpoints. */
  private reached(lane: Lane): GlobalPosition {
    const heard = this.watch.position(lane.projector.name);
    const here = lane.consumer.position;
    return lane.consumer.isActive && here > heard ? here : heard;
  }

  private wakeLanes(): void {
    for (const lane of this.lanes) lane.consumer.wake();
  }

  private notifyProgress(): void {
    for (const cb of [...this.progress]) cb();
  }

  private report(name: string, error: unknown): void {
    if (this.options.onError) this.options.onError(name, error);
    else console.error(`projection ${name}: retrying after error`, error);
  }
}
