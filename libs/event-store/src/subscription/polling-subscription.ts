import type {
  BatchHandler,
  GlobalPosition,
  RecordedEvent,
  Subscription,
  SubscriptionOptions,
} from '../event-store.port';

export interface SubscriptionSource {
  readAll(after: GlobalPosition, limit: number): Promise<RecordedEvent[]>;
  /** The global position of the last event visible now ('' when none). */
  head(): Promise<GlobalPosition>;
  /** Registers a wake-up hint (e.g. LISTEN/NOTIFY); returns its removal. Hints may be lost: polling backs them up. */
  onWake(cb: () => void): () => void;
  /** Awaited before the first read, e.g. until LISTEN is in place so no wake-up is missed after catch-up. */
  ready?(): Promise<void>;
}

interface Waiter {
  position: GlobalPosition;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Catch-up then live over `readAll`: read a batch, hand it over, advance only once the handler resolved (a failing
 * handler gets the same batch again after `retryDelayMs`). Idle, it sleeps until a wake-up hint or the poll interval.
 */
export class PollingSubscription implements Subscription {
  private position: GlobalPosition;
  private stopped = false;
  private woken = false;
  private interrupt: (() => void) | null = null;
  private readonly waiters: Waiter[] = [];
  private readonly done: Promise<void>;
  private readonly removeWake: () => void;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly source: SubscriptionSource,
    after: GlobalPosition,
    private readonly handler: BatchHandler,
    private readonly options: SubscriptionOptions = {},
  ) {
    this.position = after;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.removeWake = source.onWake(() => {
      this.woken = true;
      this.interrupt?.();
    });
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.interrupt?.();
    await this.done;
  }

  async caughtUp(position?: GlobalPosition): Promise<void> {
    const target = position ?? (await this.source.head());
    if (target <= this.position) return;
    if (this.stopped) throw new Error('subscription stopped before catching up');
    await new Promise<void>((resolve, reject) => this.waiters.push({ position: target, resolve, reject }));
  }

  private async run(): Promise<void> {
    try {
      await this.source.ready?.().catch(() => undefined);
      while (!this.stopped) {
        this.woken = false;
        let batch: RecordedEvent[];
        try {
          batch = await this.source.readAll(this.position, this.batchSize);
        } catch (error) {
          this.report(error);
          await this.sleep(this.retryDelayMs);
          continue;
        }
        if (batch.length === 0) {
          if (!this.woken) await this.sleep(this.pollIntervalMs);
          continue;
        }
        try {
          await this.handler(batch);
        } catch (error) {
          this.report(error);
          await this.sleep(this.retryDelayMs);
          continue;
        }
        this.position = batch[batch.length - 1].globalPosition;
        this.settle();
      }
    } finally {
      this.removeWake();
      for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('subscription stopped before catching up'));
    }
  }

  private settle(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].position <= this.position) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  private report(error: unknown): void {
    if (this.options.onError) this.options.onError(error);
    else console.error('event store subscription: retrying after error', error);
  }

  /** Sleeps `ms`, cut short by a wake-up hint or stop(). */
  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.interrupt = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.interrupt = finish;
    });
  }
}
