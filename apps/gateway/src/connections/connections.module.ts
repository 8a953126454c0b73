import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApplicationModule } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { runMigrations, type SqlClient } from '@libs/event-store';
import { LOGGER, SQL_CLIENT } from '@libs/infrastructure';
import { OAuthCallbackController } from './oauth-callback/oauth-callback.controller';
import { RuntimeCredentialsController } from './runtime-credentials/runtime-credentials.controller';
import { RUNTIME_TOKEN, runtimeTokenFrom } from './runtime-credentials/runtime-token';
import { ReadYourWrites } from '@projections';
import { StartOAuthAuthorizationResolver } from './start-oauth-authorization/start-oauth-authorization.resolver';
import { CONNECTIONS_MIGRATIONS } from './connections.migrations';
import { CONNECTIONS_MIGRATED, OAUTH_STATES } from './connections.tokens';
import { OAUTH_STATE_PURGE_MS, OAuthStatePurge } from './oauth-state.purge';
import { WebSessionModule } from '../platform/web-session/web-session.module';
import { OAuthStateStore } from './oauth-state.store';

/**
 * Connections and secrets: the OAuth2 start and callback and the runtime credentials endpoint. The scheduled refresh
 * and end-of-access jobs run in the worker (apps/worker/src/connection-jobs), never here. Shares the command side with GatewayModule (`ApplicationModule.forRoot()` without options is one instance) and the read side (READ_MODELS, PROJECTION_RUNNER).
 */
@Module({
  imports: [ApplicationModule.forRoot(), WebSessionModule],
  controllers: [OAuthCallbackController, RuntimeCredentialsController],
  providers: [
    {
      provide: CONNECTIONS_MIGRATED,
      inject: [SQL_CLIENT],
      useFactory: async (sql: SqlClient) => {
        await runMigrations(sql, { namespace: 'connections', migrations: CONNECTIONS_MIGRATIONS });
        return true;
      },
    },
    {
      provide: OAUTH_STATES,
      inject: [SQL_CLIENT, CONNECTIONS_MIGRATED],
      useFactory: (sql: SqlClient) => new OAuthStateStore(sql),
    },
    {
      provide: RUNTIME_TOKEN,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => runtimeTokenFrom(config, logger),
    },
    { provide: OAUTH_STATE_PURGE_MS, useValue: 60_000 },
    OAuthStatePurge,
    ReadYourWrites,
    StartOAuthAuthorizationResolver,
  ],
})
export class ConnectionsModule {}
