import { streams } from '@libs/domain';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore, type RecordedEvent, type Subscription } from '@libs/event-store';
import { LOGGER, SQL_CLIENT } from '@libs/infrastructure';
import { PROJECTION_RUNNER, readCheckpoint, type ProjectionRunner } from '@projections';
import type { SqlClient } from '@libs/event-store';

// Bounded like read-your-writes: past it the update goes out anyway (the event did happen) and the lag is logged.
const PROJECTION_WAIT_MS = 10_000;

type Listener = () => void;

/** Organization events after which someone may see less than before. */
const MEMBERSHIP_LOSS = new Set([
  'OrganizationMemberRemoved',
  'TeamMemberRemoved',
  'OrganizationMemberRoleChanged',
  'TeamMemberRoleChanged',
]);

/**
 * R12.7: process-local pub/sub of "request <id> changed". Fed by an event-store subscription (so events written by
 * any gateway process arrive here) that runs only while someone listens: it starts with the first listener, where
 * the `requests` projection stands then (the newest state that listener can have seen), and stops with the last
 * one — a gateway nobody subscribes to reads no events (issue 12: it read every event, ~1 statement per mutation).
 * A batch is published only once every projection has passed its last event, so a listener that re-reads the
 * request sees the change.
 */
@Injectable()
export class RequestUpdates implements OnModuleDestroy {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly directoryListeners = new Set<Listener>();
  /** Listeners to every request (`credentialRequestsUpdated`): each judges visibility itself. */
  private readonly everyListeners = new Set<(requestId: string) => void>();
  private subscription: Subscription | null = null;
  /** Starts and stops of the subscription, one after the other. */
  private transitions: Promise<void> = Promise.resolve();
  /** Subscriptions stopping: not waited for by the next start (a publish in flight may wait on projections). */
  private readonly stopping = new Set<Promise<void>>();
  private destroyed = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.destroyed = true;
    this.reconcile();
    await this.transitions;
    await Promise.all(this.stopping);
  }

  /** Whether the event subscription runs now (someone listens). */
  get subscribed(): boolean {
    return this.subscription !== null;
  }

  /** Resolves once the subscription matches the listeners registered so far (started or stopped). */
  settled(): Promise<void> {
    return this.transitions;
  }

  private get listened(): boolean {
    return this.listeners.size + this.directoryListeners.size + this.everyListeners.size > 0;
  }

  /** Starts the subscription for the first listener, stops it after the last one; queued, never two at once. */
  private reconcile(): void {
    this.transitions = this.transitions
      .then(async () => {
        const wanted = this.listened && !this.destroyed;
        if (wanted && !this.subscription) this.subscription = await this.subscribe();
        else if (!wanted && this.subscription) {
          const stopped = this.subscription.stop().catch((error: unknown) => {
            this.logger.warn({ err: error }, 'live-update subscription did not stop cleanly');
          });
          this.subscription = null;
          this.stopping.add(stopped);
          void stopped.finally(() => this.stopping.delete(stopped));
        }
      })
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'live-update subscription could not start; trying at the next listener');
      });
  }

  private async subscribe(): Promise<Subscription> {
    // No projector has set the read side up yet (a gateway started first): nothing projected can have been seen,
    // so every event is still to come.
    const [{ ready }] = await this.sql.query<{ ready: boolean }>(
      `SELECT to_regclass('read.projection_checkpoints') IS NOT NULL AS ready`,
    );
    const from = ready ? ((await readCheckpoint(this.sql, 'requests'))?.position ?? '') : '';
    return this.store.subscribeToAll(from, (events) => this.publish(events), {
      pollIntervalMs: 250,
      onError: (error) => this.logger.error({ err: error }, 'live-update subscription failed; retrying'),
    });
  }

  /** Calls `listener` after each projected change of the request; returns the unsubscribe function. */
  listen(requestId: string, listener: Listener): () => void {
    const set = this.listeners.get(requestId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(requestId, set);
    this.reconcile();
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(requestId) === set) this.listeners.delete(requestId);
      this.reconcile();
    };
  }

  /**
   * Calls `listener` after a projected membership change (removal or role change, R13.13): subscribers re-check
   * whether they may still see their request. Returns the unsubscribe function.
   */
  listenDirectory(listener: Listener): () => void {
    this.directoryListeners.add(listener);
    this.reconcile();
    return () => {
      this.directoryListeners.delete(listener);
      this.reconcile();
    };
  }

  /** Calls `listener` with the id after each projected change of any request; returns the unsubscribe function. */
  listenAll(listener: (requestId: string) => void): () => void {
    this.everyListeners.add(listener);
    this.reconcile();
    return () => {
      this.everyListeners.delete(listener);
      this.reconcile();
    };
  }

  private async publish(events: RecordedEvent[]): Promise<void> {
    const membership = events.some((e) => streams.organizationId(e.stream) !== null && MEMBERSHIP_LOSS.has(e.type));
    if (membership && this.directoryListeners.size > 0) {
      await this.runner.waitFor(events[events.length - 1].globalPosition, PROJECTION_WAIT_MS);
      for (const listener of [...this.directoryListeners]) listener();
    }
    const changed = new Set(
      events
        .map((e) => streams.credentialRequestId(e.stream))
        .filter((id): id is string => id !== null)
        .filter((id) => this.everyListeners.size > 0 || this.listeners.has(id)),
    );
    if (changed.size === 0) return;
    const last = events[events.length - 1].globalPosition;
    if (!(await this.runner.waitFor(last, PROJECTION_WAIT_MS))) {
      this.logger.warn({ position: last }, 'projections lag behind; publishing live updates before they caught up');
    }
    for (const id of changed) {
      for (const listener of this.listeners.get(id) ?? []) listener();
      for (const listener of this.everyListeners) listener(id);
    }
  }
}
