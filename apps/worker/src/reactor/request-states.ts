import {
  evolveCredentialRequest,
  initialCredentialRequestState,
  upcastCredentialRequestEvent,
  type CredentialRequestEvent,
  type CredentialRequestState,
} from '@libs/domain';
import type { EventStore, RecordedEvent } from '@libs/event-store';

export function toRequestEvent(e: RecordedEvent): CredentialRequestEvent {
  return upcastCredentialRequestEvent({ type: e.type, data: e.data, schemaVersion: e.metadata.schemaVersion });
}

export function foldRequest(events: RecordedEvent[]): CredentialRequestState {
  return events.reduce((s, e) => evolveCredentialRequest(s, toRequestEvent(e)), initialCredentialRequestState());
}

interface Cached {
  revision: number;
  state: CredentialRequestState;
}

/**
 * The state of a request just before and just after one of its events. The reactor reads events in order, so
 * the next event of a stream usually extends the cached state by one evolve; anything else reads the stream.
 */
export class RequestStates {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly maxEntries = 10_000,
  ) {}

  async around(event: RecordedEvent): Promise<{ before: CredentialRequestState; after: CredentialRequestState }> {
    const cached = this.cache.get(event.stream);
    let before: CredentialRequestState;
    if (cached && cached.revision === event.revision - 1) before = cached.state;
    else if (event.revision === 0) before = initialCredentialRequestState();
    else before = foldRequest((await this.store.readStream(event.stream)).filter((e) => e.revision < event.revision));
    const after = evolveCredentialRequest(before, toRequestEvent(event));
    this.cache.delete(event.stream);
    this.cache.set(event.stream, { revision: event.revision, state: after });
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    return { before, after };
  }

  clear(): void {
    this.cache.clear();
  }
}
