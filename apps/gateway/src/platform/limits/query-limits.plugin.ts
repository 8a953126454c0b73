import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { GraphqlLimits } from '@libs/config';
import { costErrors, queryLimitRules, withoutSuggestions } from './query-limits';

/** The schema Apollo serves, kept for graphql-ws (which Nest starts with the same schema, after Apollo). */
export class ServedSchema {
  schema?: GraphQLSchema;
}

/**
 * R13.12 over HTTP: the depth/alias/directive rules run in Apollo's validation (options `validationRules`,
 * `parseOptions.maxTokens`); the cost, which needs the variables, runs here once the operation is resolved and
 * before anything executes. Also records the schema for graphql-ws.
 */
export function queryLimitsPlugin(limits: GraphqlLimits, served: ServedSchema): ApolloServerPlugin {
  return {
    async serverWillStart({ schema }) {
      served.schema = schema;
      return {
        async schemaDidLoadOrUpdate({ apiSchema }) {
          served.schema = apiSchema;
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const [error] = costErrors(schema, document, request.variables, limits);
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * R13.12 over graphql-ws (`onSubscribe`): the same token limit, rules and cost as HTTP, before graphql-ws runs
 * anything. Returns the errors, or the execution arguments (graphql-ws then adds the context itself).
 */
export function wsQueryLimits(limits: GraphqlLimits, introspection: boolean, served: ServedSchema) {
  const rules = [...specifiedRules, ...queryLimitRules(limits, introspection)];
  return (_ctx: unknown, _id: string, payload: SubscribePayload) => {
    const schema = served.schema;
    if (!schema) return undefined;
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('Syntax Error: invalid document')];
    }
    const errors = validate(schema, document, rules);
    if (errors.length) return introspection ? errors : errors.map(withoutSuggestions);
    const tooCostly = costErrors(schema, document, payload.variables ?? undefined, limits);
    if (tooCostly.length) return tooCostly;
    return { schema, document, operationName: payload.operationName ?? undefined, variableValues: payload.variables };
  };
}
