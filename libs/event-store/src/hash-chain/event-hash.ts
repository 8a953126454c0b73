import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of revision 0. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields of one event (SPEC R10.3). */
export interface HashedEventFields {
  stream: string;
  revision: number;
  type: string;
  at: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** `sha256hex(prevHash + JCS({stream, revision, type, at, actorId, data}))`. */
export function computeEventHash(prevHash: string, fields: HashedEventFields): string {
  const body = canonicalJson({
    stream: fields.stream,
    revision: fields.revision,
    type: fields.type,
    at: fields.at,
    actorId: fields.actorId,
    data: fields.data,
  });
  return createHash('sha256')
    .update(prevHash + body, 'utf8')
    .digest('hex');
}

export interface ChainVerification {
  valid: boolean;
  /** How many events were checked. */
  events: number;
  /** The first revision whose stored hash or link does not match; null when valid. */
  firstBrokenRevision: number | null;
}

/**
 * Recomputes the chain of one stream's events, in revision order. A slice that does not start at revision 0 is
 * anchored on its first event's stored `prevHash`.
 */
export function verifyChain(events: readonly RecordedEvent[]): ChainVerification {
  let prevHash = events.length > 0 && events[0].revision > 0 ? events[0].metadata.prevHash : GENESIS_HASH;
  let expectedRevision = events.length > 0 ? events[0].revision : 0;
  for (const event of events) {
    const recomputed = computeEventHash(prevHash, {
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      at: event.metadata.occurredAt,
      actorId: event.metadata.actorId,
      data: event.data,
    });
    if (
      event.revision !== expectedRevision ||
      event.metadata.prevHash !== prevHash ||
      event.metadata.hash !== recomputed
    ) {
      return { valid: false, events: events.length, firstBrokenRevision: event.revision };
    }
    prevHash = event.metadata.hash;
    expectedRevision += 1;
  }
  return { valid: true, events: events.length, firstBrokenRevision: null };
}
