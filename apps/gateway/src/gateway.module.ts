import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { TokenVerifier } from '@libs/auth';
import { ApplicationModule } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { LOGGER } from '@libs/infrastructure';
import { AuthGuard } from './auth/auth.guard';
import { DirectoryGraphqlModule } from './directory/directory-graphql.module';
import { ConnectionsModule } from './connections/connections.module';
import { CommandIdentityProvisioner } from './auth/command-identity-provisioner';
import { IDENTITY_PROVISIONER } from './auth/identity-provisioner';
import { tokenVerifierProvider } from './auth/token-verifier.provider';
import { InputValidationPipe } from './errors/validation.pipe';
import { graphqlOptions, SCHEMA_FILE } from './graphql-options';
import { HealthController } from './health/health.controller';
import { HealthResolver } from './health/health.resolver';
import { RequestsGraphqlModule } from './requests/requests-graphql.module';
import { WebAppModule } from './web-app/web-app.module';
import { WebSchemaModule } from './web-schema/web-schema.module';
import { WebSessionModule } from './web-session/web-session.module';
import { WebSessions } from './web-session/web-sessions';

/** Token checking, shared by the GraphQL context (HTTP and graphql-ws) and whoever else needs it. */
@Module({ providers: [tokenVerifierProvider], exports: [TokenVerifier] })
export class GatewayAuthModule {}

/** The public face: GraphQL at /graphql (subscriptions over graphql-ws on the same path) and the REST endpoints. */
@Module({
  imports: [
    GatewayAuthModule,
    ApplicationModule.forRoot(),
    DirectoryGraphqlModule,
    ConnectionsModule,
    RequestsGraphqlModule,
    WebSessionModule,
    WebAppModule,
    WebSchemaModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GatewayAuthModule, WebSessionModule],
      inject: [APP_CONFIG, LOGGER, TokenVerifier, WebSessions, { token: SCHEMA_FILE, optional: true }],
      // Tests provide SCHEMA_FILE = true (in memory) so their probe resolvers never reach the committed file.
      useFactory: (
        config: AppConfig,
        logger: Logger,
        verifier: TokenVerifier,
        sessions: WebSessions,
        schemaFile?: string | true,
      ) => graphqlOptions(config, logger, verifier, sessions, schemaFile ?? undefined),
    }),
  ],
  controllers: [HealthController],
  providers: [
    HealthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: IDENTITY_PROVISIONER, useClass: CommandIdentityProvisioner },
  ],
  exports: [GatewayAuthModule],
})
export class GatewayModule {}
