import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import {
  EVENT_STORE,
  PostgresEventStore,
  createEventStore,
  createSqlClient,
  type EventStore,
  type SqlClient,
} from '@libs/event-store';
import { ReadinessRegistry } from './readiness';
import { tracedEventStore } from './tracing/traced-event-store';
import { tracingStarted } from './tracing/tracing-sdk';
import { LOGGER, SQL_CLIENT } from './tokens';

/**
 * The database seam of every role: one SqlClient (PostgreSQL pool, or the one embedded PGlite — two PGlite
 * instances must never open the same directory, so the event store and the read models share it) and the
 * configured event store.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: SQL_CLIENT,
          inject: [APP_CONFIG, LOGGER, ReadinessRegistry],
          useFactory: async (config: AppConfig, logger: Logger, readiness: ReadinessRegistry) => {
            const sql = await createSqlClient({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
            readiness.register({ name: 'database', check: async () => void (await sql.query('SELECT 1')) });
            if (!config.databaseUrl) logger.info({ dataDir: config.dataDir }, 'using embedded PGlite');
            return sql;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [APP_CONFIG, SQL_CLIENT, ReadinessRegistry],
          useFactory: async (config: AppConfig, sql: SqlClient, readiness: ReadinessRegistry) => {
            let store: EventStore;
            if (config.eventStore === 'eventstoredb') {
              store = await createEventStore({
                eventStore: 'eventstoredb',
                eventStoreConnectionString: config.eventStoreConnectionString,
                dataDir: config.dataDir,
              });
            } else {
              store = await PostgresEventStore.create(sql, { ownsClient: false });
            }
            readiness.register({ name: 'event-store', check: () => store.ping() });
            // Wrapped only when spans are exported: with tracing off the store is the adapter itself.
            return tracingStarted() ? tracedEventStore(store) : store;
          },
        },
      ],
      exports: [SQL_CLIENT, EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    await this.sql.close();
  }
}
