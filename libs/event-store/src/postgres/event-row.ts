import type { RecordedEvent } from '../event-store.port';
import { encodeGlobalPosition } from '../global-position';

/** An `es_events` row as the store's SELECTs return it (positions as text: bigint and xid8 exceed JS numbers). */
export interface EventRow extends Record<string, unknown> {
  event_id: string;
  stream_id: string;
  revision: number;
  position: string;
  transaction_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: RecordedEvent['metadata'];
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream_id,
    revision: Number(row.revision),
    position: BigInt(row.position),
    globalPosition: encodeGlobalPosition(row.transaction_id, row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}
