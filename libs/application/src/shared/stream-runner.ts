import { Inject, Injectable } from '@nestjs/common';
import { type DomainEvent, DomainError } from '@libs/domain';
import {
  ConcurrencyError,
  EVENT_STORE,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  readStreams,
} from '@libs/event-store';
import { traceCarrier } from '@libs/infrastructure';
import type { CommandContext } from './command-context';
import { newId } from './ids';

/** A stored event as deciders' folds and upcasters take it. */
export interface StoredEvent {
  type: string;
  data: object;
  schemaVersion?: number;
}

export const asStored = (e: RecordedEvent): StoredEvent => ({
  type: e.type,
  data: e.data,
  schemaVersion: e.metadata.schemaVersion,
});

export interface LoadedStream<S> {
  state: S;
  expected: ExpectedRevision;
  /** Global position of the stream's last event ('' when the stream is empty). */
  lastPosition: string;
}

export interface RunOptions<S, E extends DomainEvent> {
  stream: string;
  fold: (events: StoredEvent[]) => S;
  /**
   * Other streams the decision folds (the actor, an organization…), read in the same round trip as `stream` on every
   * attempt and handed to `decide` by name ([] for a stream that does not exist).
   */
  alsoRead?: readonly string[];
  /** Called again on every retry with freshly loaded state; may do I/O (lookups), must not have side effects. */
  decide: (state: S, read: ReadonlyMap<string, StoredEvent[]>) => E[] | Promise<E[]>;
  context: CommandContext;
  /** Deterministic event ids make a retried append of the same decision a no-op; default: fresh UUIDs. */
  eventId?: (event: E, index: number, state: S) => string;
  /** Side effects that must happen before the events are durable (a vault write, a lookup row). */
  beforeAppend?: (events: E[], state: S) => Promise<void>;
}

export interface RunResult<S, E extends DomainEvent> {
  /** The state the final decision was taken on. */
  state: S;
  events: E[];
  /** Global position of the last event written, or of the stream's last event when nothing was appended. */
  position: string;
  appended: boolean;
}

export const MAX_ATTEMPTS = 5;

function loaded<S>(recorded: RecordedEvent[], fold: (events: StoredEvent[]) => S): LoadedStream<S> {
  const last = recorded[recorded.length - 1];
  return {
    state: fold(recorded.map(asStored)),
    expected: last === undefined ? 'NO_STREAM' : last.revision,
    lastPosition: last?.globalPosition ?? '',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one load → fold → decide → append loop of every handler. A concurrent writer (ConcurrencyError) makes it
 * reload and decide again on the new state, at most MAX_ATTEMPTS times with a jittered pause, then CONFLICT.
 */
@Injectable()
export class StreamRunner {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  async load<S>(stream: string, fold: (events: StoredEvent[]) => S): Promise<LoadedStream<S>> {
    return loaded(await this.store.readStream(stream), fold);
  }

  /** `stream` loaded as `load` does, and every stream of `others` as stored events, in one read. */
  async loadWith<S>(
    stream: string,
    fold: (events: StoredEvent[]) => S,
    others: readonly string[],
  ): Promise<LoadedStream<S> & { read: ReadonlyMap<string, StoredEvent[]> }> {
    if (others.length === 0) return { ...(await this.load(stream, fold)), read: new Map() };
    const recorded = await readStreams(this.store, [stream, ...others]);
    const read = new Map(others.map((s) => [s, (recorded.get(s) ?? []).map(asStored)]));
    return { ...loaded(recorded.get(stream) ?? [], fold), read };
  }

  async run<S, E extends DomainEvent>(options: RunOptions<S, E>): Promise<RunResult<S, E>> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.loadWith(options.stream, options.fold, options.alsoRead ?? []);
      const events = await options.decide(loaded.state, loaded.read);
      if (events.length === 0) {
        return { state: loaded.state, events, position: loaded.lastPosition, appended: false };
      }
      const { actor, correlationId, causationId } = options.context;
      // Empty unless tracing is on: consumers in other processes continue the command's trace from the event.
      const trace = traceCarrier();
      const newEvents: NewEvent[] = events.map((event, index) => ({
        id: options.eventId ? options.eventId(event, index, loaded.state) : newId(),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          actorId: actor.userId,
          correlationId,
          causationId,
          schemaVersion: event.schemaVersion ?? 1,
          ...trace,
        },
      }));
      if (options.beforeAppend) await options.beforeAppend(events, loaded.state);
      try {
        const result = await this.store.append(options.stream, newEvents, loaded.expected);
        return { state: loaded.state, events, position: result.lastGlobalPosition, appended: result.written };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new DomainError('CONFLICT', 'Someone else changed this at the same time; please try again.');
        }
        await sleep(5 + Math.random() * 20 * attempt);
      }
    }
  }
}
