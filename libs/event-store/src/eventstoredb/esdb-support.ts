import { UnavailableError, type ResolvedEvent } from '@eventstore/db-client';
import type { GlobalPosition, RecordedEvent } from '../event-store.port';
import { encodeGlobalPosition } from '../global-position';

export type Recorded = NonNullable<ResolvedEvent['event']>;

export function positionOf(event: Recorded): GlobalPosition {
  return event.position ? encodeGlobalPosition(event.position.commit, event.position.prepare) : '';
}

/** Up to ~100 ms, growing with the attempt, jittered so that racing writers spread out. */
export function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(100, 2 ** Math.min(attempt, 7));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isUnavailable(error: unknown): boolean {
  if (error instanceof UnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 14 || (typeof message === 'string' && /\b14 UNAVAILABLE\b/.test(message));
}

export function isSystem(event: Recorded): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Host part of the connection string only: never echo credentials into an error. */
export function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return url.host || 'the configured address';
  } catch {
    return 'the configured address';
  }
}

export function toRecorded(event: Recorded): RecordedEvent {
  const metadata = event.metadata as unknown as RecordedEvent['metadata'];
  const commit = event.position?.commit ?? 0n;
  const prepare = event.position?.prepare ?? 0n;
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: commit,
    globalPosition: encodeGlobalPosition(commit, prepare),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
  };
}
