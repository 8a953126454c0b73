import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { TokenVerifier } from '@libs/auth';
import { ApplicationModule } from '@libs/application';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { AuthFailureThrottle, LOGGER } from '@libs/infrastructure';
import { AuthGuard } from './platform/auth/auth.guard';
import { DirectoryGraphqlModule } from './directory/directory-graphql.module';
import { ConnectionsModule } from './connections/connections.module';
import { CommandIdentityProvisioner } from './platform/auth/command-identity-provisioner';
import { IDENTITY_PROVISIONER } from './platform/auth/identity-provisioner';
import { tokenVerifierProvider } from './platform/auth/token-verifier.provider';
import { InputValidationPipe } from './platform/errors/validation.pipe';
import { graphqlOptions, SCHEMA_FILE } from './platform/graphql-options';
import { HealthResolver } from './platform/health/health.resolver';
import { GatewayHttpSetup } from './platform/throttle/http-setup';
import { RequestsGraphqlModule } from './requests/requests-graphql.module';
import { WebAppModule } from './platform/web-app/web-app.module';
import { WebSchemaModule } from './platform/web-schema/web-schema.module';
import { WebSessionModule } from './platform/web-session/web-session.module';
import { WebSessions } from './platform/web-session/web-sessions';

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
      inject: [
        APP_CONFIG,
        LOGGER,
        TokenVerifier,
        WebSessions,
        AuthFailureThrottle,
        { token: SCHEMA_FILE, optional: true },
      ],
      // Tests provide SCHEMA_FILE = true (in memory) so their probe resolvers never reach the committed file.
      useFactory: (
        config: AppConfig,
        logger: Logger,
        verifier: TokenVerifier,
        sessions: WebSessions,
        throttle: AuthFailureThrottle,
        schemaFile?: string | true,
      ) => graphqlOptions(config, logger, verifier, sessions, throttle, schemaFile ?? undefined),
    }),
  ],
  providers: [
    HealthResolver,
    GatewayHttpSetup,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: IDENTITY_PROVISIONER, useClass: CommandIdentityProvisioner },
  ],
  exports: [GatewayAuthModule],
})
export class GatewayModule implements NestModule {
  constructor(private readonly http: GatewayHttpSetup) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.http.middleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
