import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, runMigrations, type EventStore, type SqlClient } from '@libs/event-store';
import { LOGGER, ReadinessRegistry, setUpOrAwait, SQL_CLIENT } from '@libs/infrastructure';
import { allProjectors } from './all-projectors';
import { readModelMigrations } from './read-models.migrations';
import { ReadModels } from './queries/read-models';
import { ensureProjection, readCheckpoints } from './runner/checkpoints';
import { ProjectionRunner } from './runner/projection-runner';

export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const READ_MODELS = Symbol('READ_MODELS');

/** Each projector creates its tables with its checkpoint row (one transaction): all rows there, all tables there. */
async function projectorsSetUp(sql: SqlClient): Promise<void> {
  const names = allProjectors.map((p) => p.name);
  const stored = await readCheckpoints(sql, names);
  const missing = names.filter((name) => !stored.has(name));
  if (missing.length > 0) throw new Error(`waiting for the projector to set up ${missing.join(', ')}`);
}

/**
 * The read side of a process. With `runProjectors` (ROLE all or projector) this process feeds the projectors
 * (one active instance per projection across processes); otherwise it only reads them and waits on their
 * checkpoints for read-your-writes (R7.6), whichever process applies them, and on PostgreSQL leaves creating them
 * to the projector (readiness reports `read-models` until it has).
 */
@Global()
@Module({})
export class ReadSideModule implements OnApplicationShutdown {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  /** `servesReads`: this process answers queries from the read models (gateway), so it is not ready without them. */
  static forRoot(options: { runProjectors: boolean; servesReads: boolean }): DynamicModule {
    return {
      module: ReadSideModule,
      providers: [
        {
          provide: PROJECTION_RUNNER,
          inject: [SQL_CLIENT, EVENT_STORE, LOGGER, ReadinessRegistry],
          useFactory: async (sql: SqlClient, store: EventStore, logger: Logger, readiness: ReadinessRegistry) => {
            const runner = new ProjectionRunner({
              sql,
              store,
              projectors: allProjectors,
              onError: (projection, error) => logger.error({ projection, err: error }, 'projection batch failed'),
            });
            if (options.runProjectors) {
              await runner.start();
            } else if (options.servesReads) {
              await setUpOrAwait(
                readiness,
                sql,
                {
                  name: 'read-models',
                  owner: 'projector (ROLE=projector)',
                  tables: ['read.projection_checkpoints'],
                  settled: () => projectorsSetUp(sql),
                },
                {
                  ownerHere: false,
                  setUp: async () => {
                    await runMigrations(sql, readModelMigrations);
                    for (const projector of allProjectors) await ensureProjection(sql, projector);
                  },
                },
              );
              await runner.watchElsewhere();
            }
            return runner;
          },
        },
        {
          provide: READ_MODELS,
          inject: [SQL_CLIENT, PROJECTION_RUNNER],
          useFactory: (sql: SqlClient) => new ReadModels(sql),
        },
      ],
      exports: [PROJECTION_RUNNER, READ_MODELS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
