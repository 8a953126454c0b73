import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM as ESDB_NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  type AppendResult,
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

const MAX_ATTEMPTS = 20;
/** How far back an idempotency check looks for already-stored ids (ESDB has no lookup by event id). */
const IDEMPOTENCY_WINDOW = 1000;

type Recorded = NonNullable<ResolvedEvent['event']>;

/**
 * The event store on EventStoreDB. The hash chain is computed client-side from the stream's last event, and the
 * append carries that event's revision as the expected revision, so a concurrent writer makes it fail (and retry
 * for ANY) instead of forking the chain.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly wakeCallbacks = new Set<() => void>();
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
    return this.guard(() => this.appendOnce(stream, events, expected, 0));
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

  private async appendOnce(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    attempt: number,
  ): Promise<AppendResult> {
    const last = await this.lastEvent(stream);
    const actual = last ? Number(last.revision) : 'NO_STREAM';
    if ((expected === 'NO_STREAM' && last) || (typeof expected === 'number' && actual !== expected)) {
      return this.explainRejection(stream, events, expected, actual);
    }
    if (events.length === 0) {
      return { nextExpectedRevision: last ? Number(last.revision) : -1, lastGlobalPosition: '', written: false };
    }
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
    try {
      const result = await this.client.appendToStream(stream, payload, {
        expectedRevision: last ? last.revision : ESDB_NO_STREAM,
      });
      const position = result.position;
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        lastGlobalPosition: position ? encodeGlobalPosition(position.commit, position.prepare) : '',
        written: true,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (expected === 'ANY' && attempt < MAX_ATTEMPTS) return this.appendOnce(stream, events, expected, attempt + 1);
      const now = await this.lastEvent(stream);
      return this.explainRejection(stream, events, expected, now ? Number(now.revision) : 'NO_STREAM');
    }
  }

  /** Idempotent retry (all ids stored in this stream), reused ids, or a genuine revision conflict. */
  private async explainRejection(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    actual: number | 'NO_STREAM',
  ): Promise<AppendResult> {
    const ids = new Set(events.map((e) => e.id));
    const stored: Recorded[] = [];
    if (actual !== 'NO_STREAM') {
      for await (const resolved of this.client.readStream(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: IDEMPOTENCY_WINDOW,
      })) {
        if (resolved.event && ids.has(resolved.event.id)) stored.push(resolved.event);
      }
    }
    if (stored.length === ids.size) {
      const newest = stored[0];
      return {
        nextExpectedRevision: actual === 'NO_STREAM' ? -1 : actual,
        lastGlobalPosition: newest.position
          ? encodeGlobalPosition(newest.position.commit, newest.position.prepare)
          : '',
        written: false,
      };
    }
    if (stored.length > 0)
      throw new EventIdConflictError(
        stream,
        stored.map((e) => e.id),
      );
    if (expected === 'ANY') throw new Error(`stream ${stream}: append with ANY kept racing other writers`);
    throw new ConcurrencyError(stream, expected, actual);
  }

  private async lastEvent(stream: string): Promise<Recorded | null> {
    try {
      for await (const resolved of this.client.readStream(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event) return resolved.event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    return null;
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

function isUnavailable(error: unknown): boolean {
  if (error instanceof UnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 14 || (typeof message === 'string' && /\b14 UNAVAILABLE\b/.test(message));
}

function isSystem(event: Recorded): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Host part of the connection string only: never echo credentials into an error. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return url.host || 'the configured address';
  } catch {
    return 'the configured address';
  }
}

function toRecorded(event: Recorded): RecordedEvent {
  const metadata = event.metadata as unknown as RecordedEvent['metadata'];
  const commit = event.position?.commit ?? 0n;
  const prepare = event.position?.prepare ?? 0n;
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: commit,
    globalPosition: encodeGlobalPosition(commit, prepare),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
  };
}
