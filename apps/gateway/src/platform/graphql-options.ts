import type { ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { ServerOptions } from 'graphql-ws';
import { type ExecutionResult, type GraphQLError, type FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import type { TokenVerifier } from '@libs/auth';
import type { AppConfig } from '@libs/config';
import { type AuthFailureThrottle, graphqlTracingPlugin } from '@libs/infrastructure';
import { createContextBuilder } from './auth/gateway-context';
import type { WebSessions } from './web-session/web-sessions';
import { wsSessionOnConnect, type WsConnectContext } from './web-session/ws-session';
import { bearerFromConnectionParams, wsOnConnect } from './auth/ws-authentication';
import { createErrorFormatter } from './errors/format-error';
import { mergeInputErrorsPlugin } from './errors/merge-input-errors.plugin';
import { DateTimeScalar } from './graphql/scalars/date-time.scalar';
import { queryLimitRules } from './limits/query-limits';
import { queryLimitsPlugin, ServedSchema, wsQueryLimits } from './limits/query-limits.plugin';

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
  throttle: AuthFailureThrottle,
  // In production the schema is built in memory: the image's code is read-only and holds no source tree.
  schemaFile: string | true = config.production ? true : GENERATED_SCHEMA_FILE,
): ApolloDriverConfig {
  const formatError = createErrorFormatter(logger);
  const context = createContextBuilder(verifier, logger, sessions, throttle, config.trustProxy);
  const { graphqlLimits: limits, graphqlIntrospection: introspection } = config;
  const served = new ServedSchema();
  return {
    path: '/graphql',
    autoSchemaFile: schemaFile,
    // Sorted so that the generated file only changes when the schema does.
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    // R13.12: off in production unless GRAPHQL_INTROSPECTION=true; "Did you mean" hints go with it.
    introspection,
    hideSchemaDetailsFromClientErrors: !introspection,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: queryLimitRules(limits, introspection),
    // Off: Nest's GraphiQL page loads its script from unpkg.com, which the CSP (and offline machines) forbid.
    graphiql: false,
    // Our formatter maps HTTP exceptions itself (Nest's own transform turns NotFoundException into an internal error).
    autoTransformHttpErrors: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [queryLimitsPlugin(limits, served), mergeInputErrorsPlugin(), graphqlTracingPlugin()],
    context,
    subscriptions: {
      'graphql-ws': {
        // The origin and the session cookie first; a token in connection_init is verified like a bearer (R13.2).
        ...graphqlWsOptions(
          formatError,
          wsSessionOnConnect(sessions, logger, (ctx) =>
            wsOnConnect(bearerFromConnectionParams(verifier), logger, { throttle, trustProxy: config.trustProxy })(
              ctx as never,
            ),
          ),
        ),
        onSubscribe: wsQueryLimits(limits, introspection, served),
      },
    },
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
