import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@libs/event-store';

/** An event of the shape and size of a real small one, for the event-store benches. */
export function benchEvent(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CredentialRequestNoted',
    data: { requestId: randomUUID(), n, note: 'benchmark payload of a typical small event' },
    metadata: { actorId: 'user-bench', correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  };
}
