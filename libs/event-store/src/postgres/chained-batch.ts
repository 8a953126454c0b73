import type { NewEvent } from '../event-store.port';
import { computeEventHash, GENESIS_HASH } from '../hash-chain/event-hash';

export interface StreamState {
  revision: number;
  hash: string;
}

/** A batch with its hash chain computed, as the append statement's array parameters ($5…$9). */
export interface ChainedBatch {
  last: number;
  hash: string;
  columns: [string[], number[], string[], string[], string[]];
}

/** The rows to insert after `state` (null: a new stream), each event's hash chained to the one before. */
export function chain(stream: string, state: StreamState | null, events: NewEvent[]): ChainedBatch {
  const occurredAt = new Date().toISOString();
  const first = state ? state.revision + 1 : 0;
  let prevHash = state ? state.hash : GENESIS_HASH;
  const columns: ChainedBatch['columns'] = [[], [], [], [], []];
  events.forEach((event, i) => {
    const revision = first + i;
    const hash = computeEventHash(prevHash, {
      stream,
      revision,
      type: event.type,
      at: occurredAt,
      actorId: event.metadata.actorId,
      data: event.data,
    });
    columns[0].push(event.id);
    columns[1].push(revision);
    columns[2].push(event.type);
    columns[3].push(JSON.stringify(event.data));
    columns[4].push(JSON.stringify({ ...event.metadata, occurredAt, prevHash, hash }));
    prevHash = hash;
  });
  return { last: first + events.length - 1, hash: prevHash, columns };
}
