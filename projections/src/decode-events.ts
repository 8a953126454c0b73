import { streams, upcastCredentialRequestEvent } from '@libs/domain';
import type { RecordedEvent } from '@libs/event-store';

/** Projectors only ever see the current shape of an event (libs/domain upcasters), whatever version was stored. */
export function decodeEvents(events: readonly RecordedEvent[]): RecordedEvent[] {
  return events.map((event) => {
    if (streams.credentialRequestId(event.stream) === null) return event;
    const upcast = upcastCredentialRequestEvent({
      type: event.type,
      data: event.data,
      schemaVersion: event.metadata.schemaVersion,
    });
    return upcast.data === event.data ? event : { ...event, data: upcast.data as unknown as Record<string, unknown> };
  });
}
