import {
  type AppendResult,
  assertDistinctEventIds,
  type BatchHandler,
  ConcurrencyError,
  EventIdConflictError,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
  type SubscriptionOptions,
} from '../event-store.port';
import { decodeGlobalPosition, encodeGlobalPosition } from '../global-position';
import { runMigrations } from '../sql/migrations';
import { PREPARED, type SqlClient, type SqlExecutor, sqlState } from '../sql/sql-client';
import { PollingSubscription } from '../subscription/polling-subscription';
import { AppendNotifier } from './append-notifier';
import { type ChainedBatch, chain, type StreamState } from './chained-batch';
import { eventStoreMigrations } from './event-store.migrations';
import { type EventRow, toRecorded } from './event-row';
import {
  APPEND_EXISTING_STREAM,
  APPEND_NEW_STREAM,
  EVENTS_BY_ID,
  EVENTS_CHANNEL,
  HEAD,
  LOCK_STREAM,
  READ_ALL,
  READ_STREAM,
  READ_STREAMS,
  STREAM_STATE,
} from './postgres-event-store.sql';

interface StateRow extends Record<string, unknown> {
  revision: number;
  last_hash: string;
}

const UNIQUE_VIOLATION = '23505';
/** See appendAny: the second attempt cannot miss; the third only covers raw SQL writers beside the store. */
const ANY_ATTEMPTS = 3;
const STATE_CACHE_SIZE = 10_000;

export interface PostgresEventStoreOptions {
  /** Close the SqlClient with the store (when the store created it). */
  ownsClient?: boolean;
}

/**
 * The event store on PostgreSQL or PGlite (one SQL code path, see README.md). An append is one statement; the
 * stream's last revision and hash are cached per process so that the common case needs no read before writing.
 */
export class PostgresEventStore implements EventStore {
  private readonly states = new Map<string, StreamState>();
  private readonly wakeCallbacks = new Set<() => void>();
  private unlisten: Promise<() => Promise<void>> | null = null;
  private readonly notifier: AppendNotifier;

  constructor(
    private readonly sql: SqlClient,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.notifier = new AppendNotifier(sql);
  }

  /** Applies the event store migrations, then returns the store. */
  static async create(sql: SqlClient, options?: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    await runMigrations(sql, eventStoreMigrations);
    return new PostgresEventStore(sql, options);
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.appendNothing(stream, expected);
    assertDistinctEventIds(stream, events);
    if (expected === 'ANY') return this.appendAny(stream, events);
    const state = await this.stateFor(stream, expected);
    if (state === 'conflict') return this.explainRejection(stream, events, expected);
    const batch = chain(stream, state, events);
    let written: AppendResult | null;
    try {
      written = await this.write(this.sql, stream, state, batch);
      if (written) this.committed(stream, batch);
    } catch (error) {
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
      // An event id is already stored (the statement rolled back as a whole).
      this.states.delete(stream);
      return this.explainRejection(stream, events, expected);
    }
    if (written) return written;
    // The claim matched no row: the stream moved (stale cache or a concurrent writer). Find out which.
    this.states.delete(stream);
    return this.explainRejection(stream, events, expected);
  }

  /**
   * `ANY` takes the stream row's lock (LOCK_STREAM) and appends after what it finds, in one transaction: concurrent
   * `ANY` appends queue on the row instead of retrying. Only a stream created by someone else between our read and
   * our insert makes an attempt miss; the next one finds (and locks) that row, so two attempts always suffice.
   */
  private async appendAny(stream: string, events: NewEvent[]): Promise<AppendResult> {
    for (let attempt = 1; attempt <= ANY_ATTEMPTS; attempt++) {
      let written: { result: AppendResult; batch: ChainedBatch } | null;
      try {
        written = await this.sql.transaction(async (tx) => {
          const [row] = await tx.query<StateRow>(LOCK_STREAM, [stream], PREPARED);
          const state = row ? { revision: Number(row.revision), hash: row.last_hash } : null;
          const batch = chain(stream, state, events);
          const result = await this.write(tx, stream, state, batch);
          return result && { result, batch };
        });
      } catch (error) {
        if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
        this.states.delete(stream);
        const stored = await this.sql.query(EVENTS_BY_ID, [events.map((e) => e.id)]);
        if (stored.length > 0) return this.explainRejection(stream, events, 'ANY');
        continue; // a revision taken by a writer that bypassed the stream row (only raw SQL can): look again
      }
      if (written) {
        this.committed(stream, written.batch);
        return written.result;
      }
    }
    throw new Error(`stream ${stream}: ANY append found the stream row moving ${ANY_ATTEMPTS} times (cannot happen)`);
  }

  /** One append statement (committed by the caller); null when its claim on the stream row matched nothing. */
  private async write(
    db: SqlExecutor,
    stream: string,
    state: StreamState | null,
    batch: ChainedBatch,
  ): Promise<AppendResult | null> {
    const [row] = await db.query<{ position: string | null; transaction_id: string | null }>(
      state ? APPEND_EXISTING_STREAM : APPEND_NEW_STREAM,
      [stream, state ? state.revision : null, batch.last, batch.hash, ...batch.columns],
      PREPARED,
    );
    if (!row?.position || !row.transaction_id) return null;
    return {
      nextExpectedRevision: batch.last,
      lastGlobalPosition: encodeGlobalPosition(row.transaction_id, row.position),
      written: true,
    };
  }

  /** After the commit (not before: a wake-up before it would find nothing new to read). */
  private committed(stream: string, batch: ChainedBatch): void {
    this.remember(stream, { revision: batch.last, hash: batch.hash });
    this.notifier.poke();
  }

  async readStream(stream: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const rows = await this.sql.query<EventRow>(READ_STREAM, [stream, fromRevision], PREPARED);
    return rows.map(toRecorded);
  }

  /** One statement for all of them: a command's own stream and the streams its decision reads. */
  async readStreams(streams: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    const read = new Map<string, RecordedEvent[]>(streams.map((s) => [s, []]));
    if (streams.length === 0) return read;
    const rows = await this.sql.query<EventRow>(READ_STREAMS, [[...new Set(streams)]], PREPARED);
    for (const row of rows) read.get(row.stream_id)?.push(toRecorded(row));
    return read;
  }

  async readAll(after: GlobalPosition, limit: number): Promise<RecordedEvent[]> {
    const [xid, position] = decodeGlobalPosition(after);
    const rows = await this.sql.query<EventRow>(READ_ALL, [xid.toString(), position.toString(), limit], PREPARED);
    return rows.map(toRecorded);
  }

  subscribeToAll(after: GlobalPosition, handler: BatchHandler, options?: SubscriptionOptions): Subscription {
    this.ensureListening();
    return new PollingSubscription(
      {
        readAll: (from, limit) => this.readAll(from, limit),
        head: () => this.head(),
        ready: async () => void (await this.unlisten),
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

  onAppended(wake: () => void): () => void {
    this.ensureListening();
    this.wakeCallbacks.add(wake);
    return () => this.wakeCallbacks.delete(wake);
  }

  /** The global position of the newest committed event ('' when none); readers reach it once older transactions end. */
  async head(): Promise<GlobalPosition> {
    const [row] = await this.sql.query<{ position: string; transaction_id: string }>(HEAD);
    return row ? encodeGlobalPosition(row.transaction_id, row.position) : '';
  }

  async ping(): Promise<void> {
    await this.sql.query('SELECT 1');
  }

  async close(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    if (unlisten) await (await unlisten.catch(() => async () => undefined))();
    await this.notifier.drain();
    if (this.options.ownsClient) await this.sql.close();
  }

  private ensureListening(): void {
    this.unlisten ??= this.sql.listen(EVENTS_CHANNEL, () => {
      for (const cb of this.wakeCallbacks) cb();
    });
    // Without LISTEN, subscribers still poll; do not fail the subscription for it.
    this.unlisten.catch((error: unknown) => console.warn('event store: LISTEN failed, polling only', error));
  }

  /**
   * The state to append after: `null` for a new stream, 'conflict' when it cannot match `expected`. A cached state is
   * trusted optimistically; the append's compare-and-set catches a stale one.
   */
  private async stateFor(stream: string, expected: number | 'NO_STREAM'): Promise<StreamState | null | 'conflict'> {
    if (expected === 'NO_STREAM') return null;
    let state = this.states.get(stream);
    if (state?.revision !== expected) state = await this.readState(stream);
    return state && state.revision === expected ? state : 'conflict';
  }

  private async readState(stream: string): Promise<StreamState | undefined> {
    const [row] = await this.sql.query<StateRow>(STREAM_STATE, [stream], PREPARED);
    if (!row) return undefined;
    const state = { revision: Number(row.revision), hash: row.last_hash };
    this.remember(stream, state);
    return state;
  }

  private remember(stream: string, state: StreamState): void {
    this.states.delete(stream);
    this.states.set(stream, state);
    if (this.states.size > STATE_CACHE_SIZE) this.states.delete(this.states.keys().next().value as string);
  }

  /**
   * Why an append could not be written: an idempotent retry (every id already stored in this stream → written:
   * false), a writer reusing ids (EventIdConflictError), or a revision mismatch (ConcurrencyError).
   */
  private async explainRejection(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision | 'ANY',
  ): Promise<AppendResult> {
    const stored = (await this.sql.query<EventRow>(EVENTS_BY_ID, [events.map((e) => e.id)])).map(toRecorded);
    if (stored.length === events.length && stored.every((e) => e.stream === stream)) {
      const last = stored[stored.length - 1];
      const state = await this.readState(stream);
      return {
        nextExpectedRevision: state?.revision ?? last.revision,
        lastGlobalPosition: last.globalPosition,
        written: false,
      };
    }
    if (stored.length > 0)
      throw new EventIdConflictError(
        stream,
        stored.map((e) => e.id),
      );
    const state = await this.readState(stream);
    throw new ConcurrencyError(stream, expected, state ? state.revision : 'NO_STREAM');
  }

  private async appendNothing(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const state = await this.readState(stream);
    const actual = state ? state.revision : 'NO_STREAM';
    if ((expected === 'NO_STREAM' && state) || (typeof expected === 'number' && actual !== expected)) {
      throw new ConcurrencyError(stream, expected, actual);
    }
    return { nextExpectedRevision: state ? state.revision : -1, lastGlobalPosition: '', written: false };
  }
}
