import type { EventStore } from '@libs/event-store';
import { CORRELATION_ID, inSpan, SpanKind } from './spans';

/**
 * The event store with a span around each append (its stream, event count and the command's correlation id).
 * Reads are left alone: they are many and cheap, and the projection/job spans around them say why they happen.
 */
export function tracedEventStore(store: EventStore): EventStore {
  const append: EventStore['append'] = (stream, events, expected) =>
    inSpan(
      'event-store append',
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'app.stream': stream,
          'app.event_count': events.length,
          'app.event_types': [...new Set(events.map((e) => e.type))],
          [CORRELATION_ID]: events[0]?.metadata.correlationId ?? '',
        },
      },
      async (span) => {
        const result = await store.append(stream, events, expected);
        span.setAttribute('app.written', result.written);
        return result;
      },
    );
  // A Proxy keeps every other member (and `this`) of whichever adapter it wraps.
  return new Proxy(store, {
    get: (target, key, receiver) => (key === 'append' ? append : Reflect.get(target, key, receiver)),
  });
}
