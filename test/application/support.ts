import { Global, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationModule, type Clock, type CommandContext } from '@libs/application';
import { Catalog } from '@libs/catalog';
import { APP_CONFIG, loadConfig } from '@libs/config';
import { EVENT_STORE, type EventStore, PostgresEventStore, createSqlClient, type SqlClient } from '@libs/event-store';
import { LOGGER, SQL_CLIENT } from '@libs/infrastructure';
import { generateMasterKeyValue } from '@libs/vault';
import { captureLogs } from '../support/logs';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

/** The process-wide pieces the ApplicationModule expects from CoreModule/DatabaseModule, without Redis. */
@Global()
@Module({})
class TestInfrastructureModule {
  static with(providers: {
    sql: SqlClient;
    store: EventStore;
    dataDir: string;
    logs: ReturnType<typeof captureLogs>;
  }): DynamicModule {
    const config = loadConfig({ DATA_DIR: providers.dataDir, CREDENTIALS_MASTER_KEY: generateMasterKeyValue('k1') });
    return {
      module: TestInfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: providers.logs.logger },
        { provide: SQL_CLIENT, useValue: providers.sql },
        { provide: EVENT_STORE, useValue: providers.store },
      ],
      exports: [APP_CONFIG, LOGGER, SQL_CLIENT, EVENT_STORE],
    };
  }
}

export interface ApplicationHarness {
  module: INestApplicationContext;
  bus: CommandBus;
  store: EventStore;
  sql: SqlClient;
  logs: ReturnType<typeof captureLogs>;
  /** Moves the handlers' clock (R12.4 end dates) without waiting. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** A real ApplicationModule over a fresh PostgreSQL database; `catalog` replaces the shipped one. */
export async function startApplication(catalog?: Catalog): Promise<ApplicationHarness> {
  const db: TestDatabase = await createTestDatabase('app');
  const sql = await createSqlClient({ databaseUrl: db.url, dataDir: tmpdir(), poolSize: 4 });
  const store = await PostgresEventStore.create(sql, { ownsClient: false });
  const logs = captureLogs();
  const dataDir = mkdtempSync(join(tmpdir(), 'cr-app-'));
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const module = await NestFactory.createApplicationContext(
    {
      module: class ApplicationTestRoot {},
      imports: [
        TestInfrastructureModule.with({ sql, store, dataDir, logs }),
        ApplicationModule.forRoot({ catalog, clock }),
      ],
    },
    { logger: false },
  );
  return {
    module,
    bus: module.get(CommandBus),
    store,
    sql,
    logs,
    advanceClock: (ms) => {
      offset += ms;
    },
    async close() {
      await module.close();
      await store.close();
      await sql.close();
      await db.drop();
    },
  };
}

let counter = 0;
export function ctx(userId: string | null, isSupport = false): CommandContext {
  counter++;
  return { actor: { userId, isSupport }, correlationId: `corr-${counter}`, causationId: `cause-${counter}` };
}

/** An error's code, or the error itself when it is not a DomainError (so the assertion shows it). */
export async function codeOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return 'NO_ERROR';
  } catch (error) {
    return (error as { code?: string }).code ?? error;
  }
}
