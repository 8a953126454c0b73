import { type EventStore, type GlobalPosition, runMigrations, SessionLocks, type SqlClient } from '@libs/event-store';
import { inSpan, linksFrom } from '@libs/infrastructure';
import { decodeEvents } from '../decode-events';
import type { Projector } from '../projector';
import { readModelMigrations } from '../read-models.migrations';
import { rebuildProjection } from '../rebuild/rebuild-projection';
import { CheckpointWatch } from './checkpoint-watch';
import { applyBatch, ensureProjection, FencedError, readCheckpoint } from './checkpoints';

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
  active: boolean;
  position: GlobalPosition;
  wake: (() => void) | null;
  /** A wake-up that came while the lane was busy (reading, applying): its next sleep returns at once. */
  woken: boolean;
  /** Reads that found nothing since the last wake-up: the first few retry quickly (the read horizon). */
  emptyReads: number;
  done: Promise<void> | null;
}

/**
 * After a wake-up whose read found nothing — an older transaction still holds the read horizon (another append, a
 * projection batch, a delivery claim held open across its SMTP or HTTP hand-over) and its commit notifies nobody —
 * retry at 5, 10, 20, 40, 80, then every 100 ms, for this many reads (~2 s) before sleeping `idlePollMs`.
 */
const QUICK_RETRIES = 24;

/**
 * Feeds every projector from its checkpoint. One active instance per projection across processes: on PostgreSQL
 * the runner holds `pg_advisory_lock(hashtext('projection:<name>'))` on a dedicated session, so when its process
 * dies the lock goes with the connection and a standby (which retries every `standbyPollMs`) takes over. On PGlite
 * there is one process: every lane is simply active.
 */
export class ProjectionRunner {
  private readonly lanes: Lane[];
  private readonly progress = new Set<() => void>();
  private readonly locks: SessionLocks;
  private readonly watch: CheckpointWatch;
  private offAppended: (() => void) | null = null;
  private offCheckpoints: (() => void) | null = null;
  private stopped = true;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.lanes = options.projectors.map((projector) => ({
      projector,
      active: false,
      position: '',
      wake: null,
      woken: false,
      emptyReads: QUICK_RETRIES,
      done: null,
    }));
    this.watch = new CheckpointWatch(options.sql);
    this.locks = new SessionLocks(options.sql, (error) => {
      // The locks went with the connection: step down; a lane re-acquires (on a new session) or stands by.
      for (const lane of this.lanes) lane.active = false;
      // Waiters that counted on these lanes' in-memory progress must look at the stored checkpoints now.
      this.notifyProgress();
      this.report('runner', error);
    });
  }

  /** Prepares the schema and tables, then starts the lanes in the background. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    await runMigrations(this.options.sql, readModelMigrations);
    for (const lane of this.lanes) await ensureProjection(this.options.sql, lane.projector);
    this.stopped = false;
    // Woken by appends in any process, and by other projectors' commits (which release the read horizon).
    this.offAppended = this.options.store.onAppended?.(() => this.wakeLanes()) ?? null;
    await this.watch.ready();
    this.offCheckpoints = this.watch.onProgress(() => this.wakeLanes());
    for (const lane of this.lanes) lane.done = this.run(lane);
  }

  /** Stops after the batches in flight and gives up the locks. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.offAppended?.();
    this.offCheckpoints?.();
    for (const lane of this.lanes) lane.wake?.();
    await Promise.all(this.lanes.map((l) => l.done));
    await this.watch.close();
    for (const lane of this.lanes) lane.active = false;
    await this.locks.release();
    this.notifyProgress();
  }

  /** Whether this instance is the one applying `name` now (not a standby). */
  isActive(name: string): boolean {
    return this.lanes.some((l) => l.projector.name === name && l.active);
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
      const elsewhere = behind.filter((l) => !l.active).map((l) => l.projector.name);
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

  /** How far `lane`'s projection is known to be: here in memory when active, else as heard from its checkpoints. */
  private reached(lane: Lane): GlobalPosition {
    const heard = this.watch.position(lane.projector.name);
    return lane.active && lane.position > heard ? lane.position : heard;
  }

  /** Active lanes only: a standby woken by every append would ask for its lock hundreds of times a second. */
  private wakeLanes(): void {
    for (const lane of this.lanes) {
      if (!lane.active) continue;
      lane.emptyReads = 0;
      if (lane.wake) lane.wake();
      else lane.woken = true;
    }
  }

  private async run(lane: Lane): Promise<void> {
    const { sql, store } = this.options;
    const name = lane.projector.name;
    while (!this.stopped) {
      try {
        if (!lane.active) {
          if (!(await this.acquire(name))) {
            await this.sleep(lane, this.options.standbyPollMs ?? 500);
            continue;
          }
          let checkpoint = await readCheckpoint(sql, name);
          if (checkpoint && checkpoint.version !== lane.projector.version) {
            await rebuildProjection({ sql, store, projector: lane.projector });
            checkpoint = await readCheckpoint(sql, name);
          }
          lane.position = checkpoint?.position ?? '';
          lane.active = true;
        }
        lane.woken = false;
        const batch = decodeEvents(await store.readAll(lane.position, this.options.batchSize ?? 500));
        if (batch.length === 0) {
          const idle = this.options.idlePollMs ?? (this.offAppended ? 1000 : 100);
          const quick = lane.emptyReads < QUICK_RETRIES ? Math.min(100, 5 * 2 ** lane.emptyReads++) : idle;
          await this.sleep(lane, Math.min(quick, idle));
          continue;
        }
        const delay = this.options.batchDelayMs ?? 0;
        // Linked (not parented) to the commands whose events it applies: one batch serves many traces.
        const from = lane.position;
        lane.position = await inSpan(
          `projection batch ${name}`,
          {
            links: linksFrom(batch.map((e) => e.metadata)),
            attributes: {
              'app.projection': name,
              'app.event_count': batch.length,
              'app.correlation_ids': [...new Set(batch.map((e) => e.metadata.correlationId))],
            },
          },
          () =>
            applyBatch(
              sql,
              lane.projector,
              from,
              batch,
              delay > 0 ? () => new Promise((r) => setTimeout(r, delay)) : undefined,
            ),
        );
        lane.emptyReads = 0; // under load, keep looking quickly
        this.notifyProgress();
      } catch (error) {
        if (error instanceof FencedError) {
          lane.position = (await readCheckpoint(sql, name).catch(() => null))?.position ?? lane.position;
          continue;
        }
        this.report(name, error);
        await this.sleep(lane, this.options.retryDelayMs ?? 1000);
      }
    }
  }

  /** Takes the projection's advisory lock on this runner's dedicated session (always granted on PGlite). */
  private acquire(name: string): Promise<boolean> {
    return this.locks.tryLock(`projection:${name}`);
  }

  private sleep(lane: Lane, ms: number): Promise<void> {
    if (this.stopped || lane.woken) {
      lane.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        lane.wake = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      lane.wake = finish;
    });
  }

  private notifyProgress(): void {
    for (const cb of [...this.progress]) cb();
  }

  private report(name: string, error: unknown): void {
    if (this.options.onError) this.options.onError(name, error);
    else console.error(`projection ${name}: retrying after error`, error);
  }
}
