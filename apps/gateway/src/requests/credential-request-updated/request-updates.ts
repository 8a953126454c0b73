import { streams } from '@libs/domain';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
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
 * any gateway process arrive here), started where the `requests` projection stands at boot, which is the newest
 * state a subscriber can have seen. A batch is published only once every projection has passed its last event, so
 * a listener that re-reads the request sees the change.
 */
@Injectable()
export class RequestUpdates implements OnModuleInit, OnModuleDestroy {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly directoryListeners = new Set<Listener>();
  /** Listeners to every request (`credentialRequestsUpdated`): each judges visibility itself. */
  private readonly everyListeners = new Set<(requestId: string) => void>();
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    // No projector has set the read side up yet (a gateway started first): nothing projected can have been seen,
    // so every event is still to come.
    const [{ ready }] = await this.sql.query<{ ready: boolean }>(
      `SELECT to_regclass('read.projection_checkpoints') IS NOT NULL AS ready`,
    );
    const from = ready ? ((await readCheckpoint(this.sql, 'requests'))?.position ?? '') : '';
    this.subscription = this.store.subscribeToAll(from, (events) => this.publish(events), {
      pollIntervalMs: 250,
      onError: (error) => this.logger.error({ err: error }, 'live-update subscription failed; retrying'),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
  }

  /** Calls `listener` after each projected change of the request; returns the unsubscribe function. */
  listen(requestId: string, listener: Listener): () => void {
    const set = this.listeners.get(requestId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(requestId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(requestId) === set) this.listeners.delete(requestId);
    };
  }

  /**
   * Calls `listener` after a projected membership change (removal or role change, R13.13): subscribers re-check
   * whether they may still see their request. Returns the unsubscribe function.
   */
  listenDirectory(listener: Listener): () => void {
    this.directoryListeners.add(listener);
    return () => this.directoryListeners.delete(listener);
  }

  /** Calls `listener` with the id after each projected change of any request; returns the unsubscribe function. */
  listenAll(listener: (requestId: string) => void): () => void {
    this.everyListeners.add(listener);
    return () => void this.everyListeners.delete(listener);
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
