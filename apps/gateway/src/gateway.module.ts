import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { HealthController } from './health/health.controller';
import { HealthResolver } from './health/health.resolver';

/** The public face: GraphQL at /graphql (subscriptions over graphql-ws on the same path) and the REST endpoints. */
@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      path: '/graphql',
      autoSchemaFile: join(process.cwd(), 'apps/gateway/schema.gql'),
      sortSchema: true,
      subscriptions: { 'graphql-ws': true },
      introspection: true,
    }),
  ],
  controllers: [HealthController],
  providers: [HealthResolver],
})
export class GatewayModule {}
