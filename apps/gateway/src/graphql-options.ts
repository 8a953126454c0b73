import type { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { ServerOptions } from 'graphql-ws';
import { type ExecutionResult, type GraphQLError, type FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import type { TokenVerifier } from '@libs/auth';
import type { AppConfig } from '@libs/config';
import { createContextBuilder } from './auth/gateway-context';
import type { WebSessions } from './web-session/web-sessions';
import { wsSessionOnConnect, type WsConnectContext } from './web-session/ws-session';
import { createErrorFormatter } from './errors/format-error';
import { mergeInputErrorsPlugin } from './errors/merge-input-errors.plugin';
import { DateTimeScalar } from './graphql/scalars/date-time.scalar';

/** Where the generated schema is written (committed, sorted, compared with the contract in CI). */
export const GENERATED_SCHEMA_FILE = join(process.cwd(), 'apps/gateway/schema.gql');

/**
 * Optional override of where the schema is written (`true`: in memory only). Tests that add probe resolvers
 * provide it globally so they never rewrite the committed file.
 */
export const SCHEMA_FILE = Symbol('SCHEMA_FILE');

export function graphqlOptions(
  config: AppConfig,
  logger: Logger,
  verifier: TokenVerifier,
  sessions: WebSessions,
  schemaFile: string | true = GENERATED_SCHEMA_FILE,
): ApolloDriverConfig {
  const formatError = createErrorFormatter(logger);
  const context = createContextBuilder(verifier, logger, sessions);
  return {
    path: '/graphql',
    autoSchemaFile: schemaFile,
    // Sorted so that the generated file only changes when the schema does.
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    introspection: true,
    // Off: Nest's GraphiQL page loads its script from unpkg.com, which the CSP (and offline machines) forbid.
    graphiql: false,
    // Our formatter maps HTTP exceptions itself (Nest's own transform turns NotFoundException into an internal error).
    autoTransformHttpErrors: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [mergeInputErrorsPlugin()],
    context,
    subscriptions: { 'graphql-ws': graphqlWsOptions(formatError, wsSessionOnConnect(sessions, logger)) },
  };
}

type Formatter = ReturnType<typeof createErrorFormatter>;

/** graphql-ws does not use Apollo's formatError: subscription errors are shaped the same way here. */
function graphqlWsOptions(
  formatError: Formatter,
  onConnect: (ctx: WsConnectContext) => Promise<boolean>,
): GraphQLWsSubscriptionsConfig {
  const options: GraphQLWsSubscriptionsConfig & Pick<ServerOptions, 'onError'> = {
    onConnect: (ctx) => onConnect(ctx as unknown as WsConnectContext),
    onNext: (_ctx, _id, _payload, _args, result: ExecutionResult): FormattedExecutionResult | void => {
      if (!result.errors?.length) return;
      return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) };
    },
    // Errors before execution (parse, validation) arrive here, without the code Apollo would have given them.
    onError: (_ctx, _id, _payload, errors: readonly GraphQLError[]) =>
      errors.map((error) =>
        formatError({ ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error),
      ),
  };
  // Nest's config type lists fewer hooks than graphql-ws accepts; it passes them all through to useServer.
  return options;
}
