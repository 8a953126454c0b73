/**
 * `npm run projections:rebuild [name…]`: rebuilds the named read models (all when none is named) from position 0
 * into fresh tables, swapped in at the end. Safe while the application runs on PostgreSQL (see README.md).
 */
import { loadConfig } from '@libs/config';
import { createEventStore, createSqlClient, type EventStore, PostgresEventStore } from '@libs/event-store';
import { allProjectors, projectorNamed } from './all-projectors';
import { progressBar } from './rebuild/progress-bar';
import { rebuildProjection } from './rebuild/rebuild-projection';

async function main(): Promise<void> {
  const config = loadConfig();
  const names = process.argv.slice(2);
  const projectors = names.length ? names.map(projectorNamed) : allProjectors;
  const sql = await createSqlClient({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  let store: EventStore | null = null;
  try {
    store =
      config.eventStore === 'eventstoredb'
        ? await createEventStore({
            eventStore: 'eventstoredb',
            dataDir: config.dataDir,
            eventStoreConnectionString: config.eventStoreConnectionString,
          })
        : await PostgresEventStore.create(sql);
    const total =
      config.eventStore === 'postgres'
        ? Number((await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events'))[0]?.n ?? 0)
        : null;
    for (const projector of projectors) {
      const bar = progressBar(`rebuild ${projector.name}`, total);
      const result = await rebuildProjection({ sql, store, projector, onProgress: bar.update });
      bar.finish(result.events);
      process.stderr.write(
        `rebuild ${projector.name}: ${result.events} events in ${result.seconds.toFixed(2)} s ` +
          `(${Math.round(result.events / Math.max(result.seconds, 0.001))} events/s)\n`,
      );
    }
  } finally {
    await store?.close();
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
