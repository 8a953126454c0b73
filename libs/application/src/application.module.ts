import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { Catalog } from '@libs/catalog';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { runMigrations, type SqlClient } from '@libs/event-store';
import { CommandTracing, LOGGER, SQL_CLIENT } from '@libs/infrastructure';
import { invitationSecretFromEnv } from '@libs/invitations';
import { type FetchLike, loadMasterKeys, VaultRepository } from '@libs/vault';
import { ConnectionRefresher, RefreshingConnectionHealth } from './connections';
import { vaultMigrationSet } from './open-vault';
import { DirectoryHandlers } from './directory';
import { APPLICATION_MIGRATIONS } from './ports/application.migrations';
import type { ConnectionHealth } from './ports/connection-health';
import { SqlDirectoryIndex, SqlInvitationLookup } from './ports/sql-directory-index';
import { CredentialRequestHandlers, RequestCommands, RequestMembership } from './requests';
import { DirectoryReader } from './shared/directory-reader';
import { StreamRunner } from './shared/stream-runner';
import {
  CATALOG,
  CLOCK,
  type Clock,
  CONNECTION_HEALTH,
  DIRECTORY_INDEX,
  INVITATION_LOOKUP,
  INVITATION_SECRET,
  systemClock,
  VAULT,
  VERIFICATION_FETCH,
} from './shared/tokens';
import { UserHandlers } from './users';
import { vaultSqlClient } from './vault-sql-client';

// Resolved before any table of this module is used: every port below depends on it.
const MIGRATED = Symbol('APPLICATION_MIGRATED');

export interface ApplicationModuleOptions {
  /** The app catalog; default `Catalog.load` of APPS_CATALOG (or the shipped one). */
  catalog?: Catalog;
  clock?: Clock;
  /** The fetch of verification calls. */
  fetch?: FetchLike;
  /** R5.4; default VaultConnectionHealth (no provider call). The OAuth side supplies one that refreshes. */
  connectionHealth?: ConnectionHealth;
}

/**
 * The command side, shared by the gateway, the OAuth callback and the worker: `ApplicationModule.forRoot()`.
 * Needs SQL_CLIENT and EVENT_STORE (DatabaseModule) and APP_CONFIG / LOGGER (CoreModule) from global modules.
 * Runs its migrations (namespaces 'application' and 'vault') before any port that uses those tables.
 */
@Module({})
export class ApplicationModule {
  private static defaults: DynamicModule | null = null;

  /**
   * Without options the same DynamicModule object is returned on every call, so modules that each import
   * `ApplicationModule.forRoot()` (the gateway, its connections module) share one instance of the command side.
   */
  static forRoot(options?: ApplicationModuleOptions): DynamicModule {
    if (options === undefined) return (ApplicationModule.defaults ??= ApplicationModule.build({}));
    return ApplicationModule.build(options);
  }

  private static build(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: ApplicationModule,
      imports: [CqrsModule],
      providers: [
        CommandTracing,
        {
          provide: MIGRATED,
          inject: [SQL_CLIENT],
          useFactory: async (sql: SqlClient) => {
            await runMigrations(sql, { namespace: 'application', migrations: APPLICATION_MIGRATIONS });
            await runMigrations(sql, vaultMigrationSet);
            return true;
          },
        },
        {
          provide: VAULT,
          inject: [APP_CONFIG, LOGGER, SQL_CLIENT, MIGRATED],
          useFactory: (config: AppConfig, logger: Logger, sql: SqlClient) => {
            const { ring, warning } = loadMasterKeys({
              env: { CREDENTIALS_MASTER_KEY: config.credentialsMasterKey },
              dataDir: config.dataDir,
              production: config.production,
            });
            if (warning) logger.warn(warning);
            return new VaultRepository(vaultSqlClient(sql), ring);
          },
        },
        {
          provide: INVITATION_SECRET,
          inject: [APP_CONFIG],
          // The same source as the mail worker (@libs/invitations): both must derive the same link tokens.
          useFactory: (config: AppConfig) =>
            invitationSecretFromEnv(config.dataDir, { INVITATION_SECRET: config.invitationSecret }),
        },
        {
          provide: CATALOG,
          inject: [APP_CONFIG, LOGGER],
          useFactory: (config: AppConfig, logger: Logger) => {
            const catalog = options.catalog ?? Catalog.load({ APPS_CATALOG: config.appsCatalog });
            // Checked at start (issue 11 item 10): an OAuth2 app without its client settings is unavailable.
            for (const { appKey, variables } of catalog.unconfiguredApps()) {
              logger.warn(
                { app: appKey, variables },
                `OAuth2 app ${appKey} is unavailable (not offered for new requests): set ${variables.join(' and ')}`,
              );
            }
            return catalog;
          },
        },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        {
          provide: VERIFICATION_FETCH,
          useValue: options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
        },
        {
          provide: DIRECTORY_INDEX,
          inject: [SQL_CLIENT, MIGRATED],
          useFactory: (sql: SqlClient) => new SqlDirectoryIndex(sql),
        },
        {
          provide: INVITATION_LOOKUP,
          inject: [SQL_CLIENT, MIGRATED],
          useFactory: (sql: SqlClient) => new SqlInvitationLookup(sql),
        },
        {
          provide: CONNECTION_HEALTH,
          inject: [ConnectionRefresher],
          // Default: a real refresh attempt under the per-connection lock (R5.4). VaultConnectionHealth stays
          // available for callers that must not reach the provider.
          useFactory: (refresher: ConnectionRefresher) =>
            options.connectionHealth ?? new RefreshingConnectionHealth(refresher),
        },
        StreamRunner,
        DirectoryReader,
        RequestMembership,
        RequestCommands,
        ConnectionRefresher,
        ...DirectoryHandlers,
        ...UserHandlers,
        ...CredentialRequestHandlers,
      ],
      exports: [
        CqrsModule,
        VAULT,
        CATALOG,
        CLOCK,
        DIRECTORY_INDEX,
        INVITATION_LOOKUP,
        INVITATION_SECRET,
        CONNECTION_HEALTH,
        StreamRunner,
        DirectoryReader,
        ConnectionRefresher,
      ],
    };
  }
}
