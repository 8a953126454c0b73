import { randomUUID } from 'node:crypto';
import { type EventStore, type GlobalPosition, type NewEvent, START } from '../event-store.port';

export type UnrelatedTransaction = 'other-database' | 'same-database' | 'other-database-appender';

/** What one adapter gives the contract suite. */
export interface ContractHarness {
  store: EventStore;
  /** Overwrites one stored event's data behind the store's back (absent: see ContractSkips.tamper). */
  tamper?: (stream: string, revision: number, data: Record<string, unknown>) => Promise<void>;
  /** Starts a raw transaction (another connection) that inserts one event of `stream` and stays open. */
  openLateTransaction?: (stream: string, eventId: string) => Promise<{ commit(): Promise<void> }>;
  /**
   * Opens a transaction that has a transaction id (it wrote, or asked for one) but appends no event to this store,
   * and keeps it open until `end()`: in another database of the same server, in the store's own, or an appender of
   * another database's event store (it holds the appender lock there).
   */
  holdUnrelatedTransaction?: (where: UnrelatedTransaction) => Promise<{ end(): Promise<void> }>;
  /** Releases everything (the store included). */
  close(): Promise<void>;
}

/**
 * Why an adapter cannot run a case, known when the suite is declared: the case becomes `it.skip` with the reason
 * in its name. A case that is not skipped and finds its harness hook missing fails.
 */
export interface ContractSkips {
  tamper?: string;
  lateCommit?: string;
  /** The held-transaction cases (a server with other connections and databases). */
  unrelatedTransactions?: string;
  /** Event ids unique across streams (a stored id re-appended to ANOTHER stream is rejected). */
  idsAcrossStreams?: string;
}

/** `it`, or `it.skip` with the reason in the test's name. */
export function itUnless(reason: string | undefined): (name: string, fn: () => Promise<void>) => void {
  return (name, fn) => (reason ? it.skip(`${name} [skipped: ${reason}]`, fn) : it(name, fn));
}

export function required<T>(hook: T | undefined, what: string): T {
  if (!hook) throw new Error(`the harness has no ${what}, and the adapter declares no reason to skip it`);
  return hook;
}

export function newEvent(type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actorId: 'user-1', correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
  };
}

export function streamName(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

/** The position of the newest event a reader can see now, via readAll (portable across adapters). */
export async function headOf(store: EventStore): Promise<GlobalPosition> {
  let position: GlobalPosition = START;
  for (;;) {
    const batch = await store.readAll(position, 1000);
    if (batch.length === 0) return position;
    position = batch[batch.length - 1].globalPosition;
  }
}
