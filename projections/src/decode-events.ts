import { upcastCredentialRequestEvent } from '@libs/domain';
import type { RecordedEvent } from '@libs/event-store';
import { CREDENTIAL_REQUEST_STREAM } from './projector';

/** Projectors only ever see the current shape of an event (libs/domain upcasters), whatever version was stored. */
export function decodeEvents(events: readonly RecordedEvent[]): RecordedEvent[] {
  return events.map((event) => {
    if (!event.stream.startsWith(CREDENTIAL_REQUEST_STREAM)) return event;
    const upcast = upcastCredentialRequestEvent({
      type: event.type,
      data: event.data,
      schemaVersion: event.metadata.schemaVersion,
    });
    return upcast.data === event.data ? event : { ...event, data: upcast.data as unknown as Record<string, unknown> };
  });
}
