import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM as ESDB_NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import {
  type AppendResult,
  assertDistinctEventIds,
  type BatchHandler,
  ConcurrencyError,
  EventIdConflictError,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
  type SubscriptionOptions,
} from '../event-store.port';
import { decodeGlobalPosition, encodeGlobalPosition } from '../global-position';
import { computeEventHash, GENESIS_HASH } from '../hash-chain/event-hash';
import { PollingSubscription } from '../subscription/polling-subscription';
import { describeTarget, isSystem, isUnavailable, pause, positionOf, type Recorded, toRecorded } from './esdb-support';

/** ANY cannot lock a stream on EventStoreDB: it retries after a jittered pause, at most this often. */
const ANY_ATTEMPTS = 50;
/** How far back an append looks for already-stored ids (ESDB has no lookup by event id). */
const IDEMPOTENCY_WINDOW = 1000;

/**
 * The event store on EventStoreDB. The hash chain is computed client-side from the stream's last event, and the
 * append carries that event's revision as the expected revision, so a concurrent writer makes it fail (and retry
 * for ANY) instead of forking the chain.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly wakeCallbacks = new Set<() => void>();
  private readonly turns = new Map<string, Promise<void>>();
  private live: { unsubscribe(): Promise<void> } | null = null;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly where: string,
  ) {}

  static async connect(connectionString: string): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      describeTarget(connectionString),
    );
    try {
      await store.ping();
    } catch (error) {
      await store.client.dispose();
      throw error;
    }
    return store;
  }

  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.guard(() => this.inTurn(stream, () => this.appendChecked(stream, events, expected)));
  }

  readStream(stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return this.guard(async () => {
      const out: RecordedEvent[] = [];
      try {
        for await (const resolved of this.client.readStream(stream, { fromRevision: BigInt(fromRevision) })) {
          if (resolved.event) out.push(toRecorded(resolved.event));
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      return out;
    });
  }

  readAll(after: GlobalPosition, limit: number): Promise<RecordedEvent[]> {
    return this.guard(async () => {
      const out: RecordedEvent[] = [];
      let from = after;
      // System events are skipped client-side, so keep reading until `limit` user events or the end.
      for (;;) {
        const [commit, prepare] = decodeGlobalPosition(from);
        let read = 0;
        let lastSeen = from;
        for await (const resolved of this.client.readAll({
          fromPosition: from === '' ? ESDB_START : { commit, prepare },
          maxCount: limit + 1,
          direction: FORWARDS,
        })) {
          read += 1;
          const event = (resolved as AllStreamResolvedEvent).event;
          if (!event) continue;
          const position = encodeGlobalPosition(event.position.commit, event.position.prepare);
          if (position <= from) continue; // fromPosition is inclusive
          lastSeen = position;
          if (isSystem(event)) continue;
          out.push(toRecorded(event));
          if (out.length === limit) return out;
        }
        if (read < limit + 1 || lastSeen === from) return out;
        from = lastSeen;
      }
    });
  }

  subscribeToAll(after: GlobalPosition, handler: BatchHandler, options?: SubscriptionOptions): Subscription {
    this.ensureLive();
    return new PollingSubscription(
      {
        readAll: (from, limit) => this.readAll(from, limit),
        head: () => this.head(),
        onWake: (cb) => {
          this.wakeCallbacks.add(cb);
          return () => this.wakeCallbacks.delete(cb);
        },
      },
      after,
      handler,
      options,
    );
  }

  /** The global position of the newest user event ('' when none). */
  head(): Promise<GlobalPosition> {
    return this.guard(async () => {
      for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1000 })) {
        const event = (resolved as AllStreamResolvedEvent).event;
        if (event && !isSystem(event)) return encodeGlobalPosition(event.position.commit, event.position.prepare);
      }
      return '';
    });
  }

  ping(): Promise<void> {
    return this.guard(async () => {
      for await (const _ of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) break;
    });
  }

  async close(): Promise<void> {
    const live = this.live;
    this.live = null;
    await live?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }

  /**
   * The port's answers, not the server's (README "EventStoreDB"): EventStoreDB dedupes a re-append only at the
   * position its expected revision points to, and the chain needs the exact head anyway, so every attempt reads the
   * stream's tail first: ids already there → no-op (or EventIdConflictError for a partial overlap), whatever the
   * expected revision; then the revision check; then the write, expecting exactly the head it read.
   */
  private async appendChecked(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length > 0) assertDistinctEventIds(stream, events);
    let actual: number | 'NO_STREAM' = 'NO_STREAM';
    for (let attempt = 1; attempt <= ANY_ATTEMPTS; attempt++) {
      const tail = await this.tail(stream, events.length === 0 ? 1 : IDEMPOTENCY_WINDOW);
      actual = tail.last ? Number(tail.last.revision) : 'NO_STREAM';
      const stored = events.map((e) => tail.byId.get(e.id)).filter((e): e is Recorded => e !== undefined);
      if (events.length > 0 && stored.length === events.length) {
        const newest = stored.reduce((a, b) => (b.revision > a.revision ? b : a));
        return { nextExpectedRevision: Number(actual), lastGlobalPosition: positionOf(newest), written: false };
      }
      if (stored.length > 0)
        throw new EventIdConflictError(
          stream,
          stored.map((e) => e.id),
        );
      if ((expected === 'NO_STREAM' && tail.last) || (typeof expected === 'number' && actual !== expected)) {
        throw new ConcurrencyError(stream, expected, actual);
      }
      if (events.length === 0)
        return { nextExpectedRevision: tail.last ? Number(actual) : -1, lastGlobalPosition: '', written: false };
      try {
        return await this.write(stream, events, tail.last);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Another process moved the stream since the tail was read. An exact expectation ends on the next round
        // (the ids are there now, or the revision no longer matches); ANY tries again after a jittered pause.
        if (expected === 'ANY') await pause(attempt);
      }
    }
    throw new ConcurrencyError(stream, expected, actual);
  }

  /**
   * Appends to one stream from this process take turns: EventStoreDB cannot lock a stream, so this at least keeps
   * a process's own parallel ANY appends from racing each other (issue 13 A2); other processes still race
   * optimistically (ANY_ATTEMPTS).
   */
  private inTurn<T>(stream: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(stream) ?? Promise.resolve();
    const mine = previous.then(fn, fn);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(stream, settled);
    void settled.then(() => {
      if (this.turns.get(stream) === settled) this.turns.delete(stream);
    });
    return mine;
  }

  /** Appends after `last` (the head just read), chained to it, expecting exactly that revision. */
  private async write(stream: string, events: NewEvent[], last: Recorded | null): Promise<AppendResult> {
    const occurredAt = new Date().toISOString();
    const first = last ? Number(last.revision) + 1 : 0;
    let prevHash = last ? String((last.metadata as { hash?: unknown }).hash ?? GENESIS_HASH) : GENESIS_HASH;
    const payload = events.map((event, i) => {
      const revision = first + i;
      const hash = computeEventHash(prevHash, {
        stream,
        revision,
        type: event.type,
        at: occurredAt,
        actorId: event.metadata.actorId,
        data: event.data,
      });
      const metadata = { ...event.metadata, occurredAt, prevHash, hash };
      prevHash = hash;
      return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
    });
    const result = await this.client.appendToStream(stream, payload, {
      expectedRevision: last ? last.revision : ESDB_NO_STREAM,
    });
    const position = result.position;
    return {
      nextExpectedRevision: Number(result.nextExpectedRevision),
      lastGlobalPosition: position ? encodeGlobalPosition(position.commit, position.prepare) : '',
      written: true,
    };
  }

  /** The stream's last event and the ids of its newest `window` events (ESDB has no lookup by event id). */
  private async tail(stream: string, window: number): Promise<{ last: Recorded | null; byId: Map<string, Recorded> }> {
    const byId = new Map<string, Recorded>();
    let last: Recorded | null = null;
    try {
      for await (const resolved of this.client.readStream(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: window,
      })) {
        if (!resolved.event) continue;
        last ??= resolved.event;
        byId.set(resolved.event.id, resolved.event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { last, byId };
  }

  private ensureLive(): void {
    if (this.live) return;
    // A live subscription only as a wake-up hint; delivery itself goes through readAll, like the SQL adapters.
    const live = this.client.subscribeToAll({ fromPosition: END });
    live.on('data', () => {
      for (const cb of this.wakeCallbacks) cb();
    });
    live.on('error', (error: unknown) => console.warn(`EventStoreDB live hint failed, polling only: ${String(error)}`));
    this.live = live;
  }

  /** Maps the raw gRPC `14 UNAVAILABLE` (which this client throws without a server) to a clear error. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (isUnavailable(error)) {
        throw new EventStoreUnavailableError(`EventStoreDB is unreachable at ${this.where}`, { cause: error });
      }
      throw error;
    }
  }
}
