import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Names the request's server span after the GraphQL operation (`graphql mutation createCredentialRequest`) and
 * marks it failed when the operation answered errors. A no-op when no span records (tracing off).
 */
export function graphqlTracingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          const field = operation.selectionSet.selections.find((s) => s.kind === 'Field');
          const name = operationName ?? (field && 'name' in field ? field.name.value : '');
          span.updateName(`graphql ${operation.operation} ${name}`.trim());
          span.setAttributes({ 'graphql.operation.type': operation.operation, 'graphql.operation.name': name });
        },
        async didEncounterErrors({ errors }) {
          // The code, not the message: messages can quote the input.
          const code = errors[0]?.extensions?.code;
          span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'GraphQLError' });
        },
      };
    },
  };
}
