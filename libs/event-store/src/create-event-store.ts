import type { EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { createSqlClient } from './sql/create-sql-client';

export interface EventStoreConfig {
  eventStore: 'postgres' | 'eventstoredb';
  /** PostgreSQL URL; unset: embedded PGlite in `<dataDir>/pglite`. */
  databaseUrl?: string;
  dataDir: string;
  /** Required with `eventStore: 'eventstoredb'`. */
  eventStoreConnectionString?: string;
}

/** The configured adapter, migrated and ready. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStore === 'eventstoredb') {
    if (!config.eventStoreConnectionString) {
      throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
    }
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
    return EventStoreDbEventStore.connect(config.eventStoreConnectionString);
  }
  const sql = await createSqlClient({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await PostgresEventStore.create(sql, { ownsClient: true });
  } catch (error) {
    await sql.close();
    throw error;
  }
}
