import type { EventStore, GlobalPosition, RecordedEvent } from '../event-store.port';
import { SessionLocks } from '../sql/session-locks';
import type { SqlClient, SqlExecutor } from '../sql/sql-client';
import type { CheckpointStore } from './checkpoint-store';

/**
 * What a consumer does with a batch; its two parts are the explicit choice of how effects and checkpoint commit:
 * - `apply` runs INSIDE the transaction that fences and moves the checkpoint: its database effects and the move
 *   commit together or not at all (projections, the connection schedule): exactly once.
 * - `deliver` runs BEFORE that transaction, for an effect outside the database (BullMQ): the checkpoint moves only
 *   once it resolved (acknowledged), so a crash repeats at most this batch, which the effect must absorb (the
 *   deterministic job ids). Resolving `false` keeps the checkpoint where it is: the batch is read again.
 * A handler with both delivers first, then applies with the move.
 * `relevant`, when given, names the events the handler acts on: a batch with none of them is still delivered (which
 * must do nothing for it), not applied, and moves the stored checkpoint lazily — with the next batch that has one,
 * when the consumer finds nothing to read (at most once per `STORE_IDLE_EVERY_MS`), or once `MAX_UNSTORED` events
 * were read past it — so a consumer that acts on few event types does not commit a transaction for every batch of
 * the others (issue 12). A takeover in between reads those events again, which the handler ignores.
 */
export interface ConsumerHandler {
  deliver?(events: readonly RecordedEvent[], from: GlobalPosition): Promise<boolean | void>;
  apply?(tx: SqlExecutor, events: readonly RecordedEvent[], from: GlobalPosition): Promise<void>;
  relevant?(event: RecordedEvent): boolean;
}

/** The most events a consumer reads past its stored checkpoint without moving it (`ConsumerHandler.relevant`). */
export const MAX_UNSTORED = 1000;
const STORE_IDLE_EVERY_MS = 1000;

export interface CheckpointedConsumerOptions {
  /** Names the consumer in errors. */
  name: string;
  /**
   * The advisory lock that makes it a singleton across processes (`SessionLocks`, hashed); with several, it is
   * active only while it holds them all (a consumer serving several checkpoints, each with its own lock).
   */
  lockKey: string | readonly string[];
  sql: SqlClient;
  store: EventStore;
  checkpoints: CheckpointStore;
  handler: ConsumerHandler;
  /**
   * A lock session shared with other consumers of the same process (one connection for all of a projector's lanes).
   * Its owner calls `stepDown()` on each when it is lost, and releases it. Without it the consumer opens its own.
   */
  locks?: SessionLocks;
  /** Events per batch (default 500). */
  batchSize?: number;
  /** Idle poll: default 1000 ms when the store signals appends (`onAppended`, which wakes it), else 100 ms. */
  idlePollMs?: number;
  /**
   * Default true: woken by every append (any process), re-polling quickly after a wake-up that read nothing. False,
   * for a consumer nobody waits on (the connection scheduler): it reads every `idlePollMs` only, so a busy log costs
   * it one read per poll instead of reads per append (issue 12).
   */
  followAppends?: boolean;
  /** How often a standby tries to take the lock (default 500 ms). */
  standbyPollMs?: number;
  /** Pause after an error before retrying the same batch (default 1000 ms). */
  retryDelayMs?: number;
  /** False while a dependency is away (Redis): the loop waits `retryDelayMs` and touches nothing. */
  ready?(): boolean;
  /** On taking the lock, with the stored position; may catch up and return where to start instead. */
  onActivate?(position: GlobalPosition): Promise<GlobalPosition | void>;
  /** Before each read; may rewind (the reactor when Redis lost its jobs): returns where to read from. */
  beforeRead?(position: GlobalPosition): Promise<GlobalPosition>;
  /** A read found nothing. */
  onIdle?(position: GlobalPosition): Promise<void>;
  /** A batch committed: the checkpoint is at `to`. */
  onCommitted?(to: GlobalPosition): Promise<void> | void;
  /** The own lock session was lost (not called for a shared one: its owner knows). */
  onLockLost?(error: Error): void;
  /** Wraps each batch (a tracing span). */
  around?<T>(events: readonly RecordedEvent[], work: () => Promise<T>): Promise<T>;
  onError?(error: unknown): void;
}

/** Another holder (or a rebuild) moved the checkpoint since it was read: nothing was applied. */
export class FencedError extends Error {
  constructor(
    readonly consumer: string,
    readonly expected: GlobalPosition,
  ) {
    super(`${consumer}: checkpoint moved away from ${expected}`);
    this.name = 'FencedError';
  }
}

/**
 * After a wake-up whose read found nothing — an older transaction still holds the read horizon (another append, a
 * projection batch, a delivery claim held open across its SMTP or HTTP hand-over) and its commit notifies nobody —
 * retry at 5, 10, 20, 40, 80, then every 100 ms, for this many reads (~2 s) before sleeping the idle poll.
 */
const QUICK_RETRIES = 24;

/**
 * One checkpointed reader of the event log, a singleton across processes: it takes `lockKey` on a dedicated session
 * (`SessionLocks`; always granted on PGlite, one process) or stands by, retrying every `standbyPollMs`; when the
 * holder's process dies the lock goes with its connection and a standby takes over from the stored checkpoint. When
 * the session is lost while the process lives, it steps down and takes the lock again (or stands by). Active, it
 * reads batches from its position, hands them to the handler and moves the fenced checkpoint (`ConsumerHandler`).
 */
export class CheckpointedConsumer {
  private readonly locks: SessionLocks;
  private readonly ownsLocks: boolean;
  private active = false;
  private current: GlobalPosition = '';
  /** What the checkpoint table holds (the fence): behind `current` only after batches with nothing relevant. */
  private stored: GlobalPosition = '';
  private unstored = 0;
  private storedAt = 0;
  private stopped = true;
  private loop: Promise<void> | null = null;
  private wakeSleep: (() => void) | null = null;
  /** A wake-up that came while busy (reading, applying): the next sleep returns at once. */
  private woken = false;
  private emptyReads = QUICK_RETRIES;
  private offAppended: (() => void) | null = null;

  constructor(private readonly o: CheckpointedConsumerOptions) {
    this.ownsLocks = !o.locks;
    this.locks =
      o.locks ??
      new SessionLocks(o.sql, (error) => {
        this.stepDown();
        if (!this.stopped) o.onLockLost?.(error);
      });
  }

  get name(): string {
    return this.o.name;
  }

  /** Whether this instance holds the lock and consumes now (not a standby). */
  get isActive(): boolean {
    return this.active;
  }

  /** How far this instance has consumed (meaningful while active). */
  get position(): GlobalPosition {
    return this.current;
  }

  /** Starts the loop in the background. The checkpoint row must exist. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.offAppended = this.o.followAppends === false ? null : (this.o.store.onAppended?.(() => this.wake()) ?? null);
    this.loop = this.run();
  }

  /**
   * Stops after the batch in flight (its transaction commits or rolls back), waiting at most `timeoutMs` for it —
   * a dependency that never answers must not hold the shutdown — then gives up the lock (an own session).
   */
  async stop(timeoutMs = Infinity): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.offAppended?.();
    this.offAppended = null;
    this.wakeSleep?.();
    if (Number.isFinite(timeoutMs)) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([this.loop, bound]);
      clearTimeout(timer);
    } else await this.loop;
    this.active = false;
    if (this.ownsLocks) await this.locks.release().catch(() => undefined);
  }

  /** The lock session is gone: stop consuming; the loop takes the lock again on a new session or stands by. */
  stepDown(): void {
    this.active = false;
  }

  /** New events may be readable (an append, another consumer's commit). A standby ignores it: it polls its lock. */
  wake(): void {
    if (!this.active) return;
    this.emptyReads = 0;
    if (this.wakeSleep) this.wakeSleep();
    else this.woken = true;
  }

  private async run(): Promise<void> {
    const o = this.o;
    while (!this.stopped) {
      try {
        if (o.ready && !o.ready()) {
          await this.sleep(o.retryDelayMs ?? 1000);
          continue;
        }
        if (!this.active && !(await this.activate())) {
          await this.sleep(o.standbyPollMs ?? 500);
          continue;
        }
        this.woken = false;
        if (o.beforeRead) {
          const next = await o.beforeRead(this.current);
          if (next !== this.current) this.atStored(next);
        }
        const from = this.current;
        const events = await o.store.readAll(from, o.batchSize ?? 500);
        if (events.length === 0) {
          if (this.stored !== from && Date.now() - this.storedAt >= STORE_IDLE_EVERY_MS) await this.store(from);
          await o.onIdle?.(from);
          const idle = o.idlePollMs ?? (this.offAppended ? 1000 : 100);
          const quick =
            this.emptyReads < QUICK_RETRIES && o.followAppends !== false
              ? Math.min(100, 5 * 2 ** this.emptyReads++)
              : idle;
          await this.sleep(Math.min(quick, idle));
          continue;
        }
        const moved = o.around
          ? await o.around(events, () => this.consume(from, events))
          : await this.consume(from, events);
        if (!moved) continue;
        this.emptyReads = 0; // under load, keep looking quickly
        await o.onCommitted?.(this.current);
      } catch (error) {
        if (error instanceof FencedError) {
          this.atStored(await o.checkpoints.read().catch(() => this.current));
          continue;
        }
        if (o.onError) o.onError(error);
        else console.error(`${o.name}: retrying after error`, error);
        await this.sleep(o.retryDelayMs ?? 1000);
      }
    }
  }

  private async activate(): Promise<boolean> {
    const keys = typeof this.o.lockKey === 'string' ? [this.o.lockKey] : [...this.o.lockKey].sort();
    const held: string[] = [];
    for (const key of keys) {
      if (await this.locks.tryLock(key)) held.push(key);
      else {
        // All or none: a partial holder would apply nothing and keep another process from taking the whole set.
        for (const k of held) await this.locks.unlock(k);
        return false;
      }
    }
    const stored = await this.o.checkpoints.read();
    this.atStored((await this.o.onActivate?.(stored)) ?? stored);
    this.active = true;
    return true;
  }

  /** The table holds `position` (read, rewound or fenced): reading goes on from there. */
  private atStored(position: GlobalPosition): void {
    this.current = this.stored = position;
    this.unstored = 0;
    this.storedAt = Date.now();
  }

  /** One batch: delivered (if the handler has an outside effect), then applied with the fenced move. */
  private async consume(from: GlobalPosition, events: readonly RecordedEvent[]): Promise<boolean> {
    const { handler, checkpoints } = this.o;
    if (handler.deliver && (await handler.deliver(events, from)) === false) return false;
    // Lost the lock meanwhile: a standby may own the checkpoint now (the fence would refuse the move anyway).
    if (!this.active) return false;
    const to = events[events.length - 1].globalPosition;
    const relevant = handler.relevant;
    if (relevant && this.unstored + events.length <= MAX_UNSTORED && !events.some((e) => relevant(e))) {
      this.unstored += events.length;
      this.current = to;
      return true;
    }
    await this.o.sql.transaction(async (tx) => {
      if (!(await checkpoints.claim(tx, this.stored))) throw new FencedError(this.o.name, this.stored);
      if (handler.apply) await handler.apply(tx, events, from);
      await checkpoints.move(tx, to);
    });
    this.atStored(to);
    return true;
  }

  /** Moves the stored checkpoint up to what was read (fenced), after batches that had nothing relevant. */
  private async store(to: GlobalPosition): Promise<void> {
    await this.o.sql.transaction(async (tx) => {
      if (!(await this.o.checkpoints.claim(tx, this.stored))) throw new FencedError(this.o.name, this.stored);
      await this.o.checkpoints.move(tx, to);
    });
    this.atStored(to);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped || this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeSleep = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeSleep = finish;
    });
  }
}
