/**
 * The event store port (ARCHITECTURE.md "Event store semantics"). Every adapter — PostgreSQL, PGlite,
 * EventStoreDB — passes the one contract suite in `contract/`.
 */

/** `NO_STREAM`: the stream must not exist. `ANY`: no check. A number: the revision of the stream's last event. */
export type ExpectedRevision = 'NO_STREAM' | 'ANY' | number;

/**
 * An opaque, lexicographically ordered checkpoint in the global order ('' is the start). Adapters encode it as
 * fixed-width decimal pairs so that plain string comparison orders it (PostgreSQL: transaction id then position;
 * EventStoreDB: commit then prepare position).
 */
export type GlobalPosition = string;
export const START: GlobalPosition = '';

export interface EventMetadataInput {
  actorId: string | null;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
  /** W3C trace context of the command that wrote it, only when tracing is on (libs/infrastructure/src/tracing). */
  traceparent?: string;
  tracestate?: string;
}

export interface NewEvent {
  /** UUID chosen by the writer; appending an id that is already stored is a no-op. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadataInput;
}

export interface EventMetadata extends EventMetadataInput {
  /** ISO 8601 UTC with milliseconds, set by the store at append. */
  occurredAt: string;
  /** Hex SHA-256 chain (SPEC R10.3): `hash = sha256(prevHash + JCS({stream, revision, type, at, actorId, data}))`. */
  prevHash: string;
  hash: string;
}

export interface RecordedEvent {
  id: string;
  stream: string;
  /** Position within the stream, from 0. */
  revision: number;
  /** Global position for display (decimal string in the API). */
  position: bigint;
  /** Where this event sits in the global order; resume a subscription from it. */
  globalPosition: GlobalPosition;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  /** Global order checkpoint of the last event written (or already stored, for an idempotent re-append). */
  lastGlobalPosition: GlobalPosition;
  /** False when every event id was already stored and nothing was written. */
  written: boolean;
}

export interface SubscriptionOptions {
  /** Events per handler call (default 500). */
  batchSize?: number;
  /** Fallback poll interval when no wake-up arrives (default 1000 ms). */
  pollIntervalMs?: number;
  /** Called when the handler throws; the subscription retries the same batch after a delay. */
  onError?: (error: unknown) => void;
  /** Delay before retrying after a handler or read error (default 1000 ms). */
  retryDelayMs?: number;
}

export interface Subscription {
  /** Stops after the batch in flight; resolves when stopped. */
  stop(): Promise<void>;
  /** Resolves when the subscription has delivered everything up to `position` (or already had). */
  caughtUp(position?: GlobalPosition): Promise<void>;
}

/** Called with each batch in global order; when it resolves, the batch counts as delivered. */
export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface EventStore {
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Every event of the stream from revision 0 (or `fromRevision`), in order; [] when the stream does not exist. */
  readStream(stream: string, fromRevision?: number): Promise<RecordedEvent[]>;
  /**
   * Several whole streams in one read (one round trip where the store can): each requested stream is a key, [] when
   * it does not exist. Absent on a store without it: callers read the streams one by one (`readStreams` below).
   */
  readStreams?(streams: readonly string[]): Promise<Map<string, RecordedEvent[]>>;
  /** Up to `limit` events strictly after `after`, in global order, never past a transaction still in flight. */
  readAll(after: GlobalPosition, limit: number): Promise<RecordedEvent[]>;
  /** Catch-up from `after`, then live. */
  subscribeToAll(after: GlobalPosition, handler: BatchHandler, options?: SubscriptionOptions): Subscription;
  /**
   * A hint that an append committed, in this process or any other (PostgreSQL: LISTEN on the append NOTIFY); returns
   * its removal. Hints may be lost or absent (a store without it): `readAll` loops keep a slower poll behind it.
   */
  onAppended?(wake: () => void): () => void;
  /** Whether the store answers (for /health/ready). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `store.readStreams` when the store has it, else one `readStream` per stream (concurrently). */
export async function readStreams(
  store: EventStore,
  streams: readonly string[],
): Promise<Map<string, RecordedEvent[]>> {
  const distinct = [...new Set(streams)];
  if (store.readStreams) return store.readStreams(distinct);
  return new Map(await Promise.all(distinct.map(async (s) => [s, await store.readStream(s)] as const)));
}

export class ConcurrencyError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'NO_STREAM',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, found ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * Some, but not all, of the appended event ids are already stored (or they are stored in another stream): not an
 * idempotent retry of one earlier append, which is always all-or-nothing, but a writer reusing ids.
 */
export class EventIdConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly eventIds: string[],
  ) {
    super(`stream ${stream}: event ids already stored elsewhere or in part: ${eventIds.join(', ')}`);
    this.name = 'EventIdConflictError';
  }
}

/**
 * One append names the same event id twice. Refused before anything is written: such a batch can neither be stored
 * (ids are unique) nor be an idempotent retry of one.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly stream: string,
    readonly eventIds: string[],
  ) {
    super(`stream ${stream}: the batch names an event id more than once: ${eventIds.join(', ')}`);
    this.name = 'DuplicateEventIdError';
  }
}

/** Throws DuplicateEventIdError when `events` names an id twice (every adapter calls it first). */
export function assertDistinctEventIds(stream: string, events: readonly NewEvent[]): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of events) (seen.has(id) ? repeated : seen).add(id);
  if (repeated.size > 0) throw new DuplicateEventIdError(stream, [...repeated]);
}

/** The event store cannot be reached (e.g. EventStoreDB's raw gRPC `14 UNAVAILABLE`). */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

export const EVENT_STORE = Symbol('EVENT_STORE');
