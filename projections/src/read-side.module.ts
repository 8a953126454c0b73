import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, runMigrations, type EventStore, type SqlClient } from '@libs/event-store';
import { LOGGER, SQL_CLIENT } from '@libs/infrastructure';
import { allProjectors } from './all-projectors';
import { readModelMigrations } from './read-models.migrations';
import { ReadModels } from './queries/read-models';
import { ensureProjection } from './runner/checkpoints';
import { ProjectionRunner } from './runner/projection-runner';

export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const READ_MODELS = Symbol('READ_MODELS');

/**
 * The read side of a process. With `runProjectors` (ROLE all or projector) this process feeds the projectors
 * (one active instance per projection across processes); otherwise it only reads them and waits on their
 * checkpoints for read-your-writes (R7.6), whichever process applies them.
 */
@Global()
@Module({})
export class ReadSideModule implements OnApplicationShutdown {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  static forRoot(options: { runProjectors: boolean }): DynamicModule {
    return {
      module: ReadSideModule,
      providers: [
        {
          provide: PROJECTION_RUNNER,
          inject: [SQL_CLIENT, EVENT_STORE, LOGGER],
          useFactory: async (sql: SqlClient, store: EventStore, logger: Logger) => {
            const runner = new ProjectionRunner({
              sql,
              store,
              projectors: allProjectors,
              onError: (projection, error) => logger.error({ projection, err: error }, 'projection batch failed'),
            });
            if (options.runProjectors) {
              await runner.start();
            } else {
              await runMigrations(sql, readModelMigrations);
              for (const projector of allProjectors) await ensureProjection(sql, projector);
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
