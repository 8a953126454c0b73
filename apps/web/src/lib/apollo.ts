// One Apollo Client for the app: queries and mutations over HTTP, subscriptions over graphql-ws, both on this
// origin and authenticated by the session cookie (no token is ever stored in the browser).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { Kind, OperationTypeNode } from 'graphql';

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
  const ws = new GraphQLWsLink(createClient({ url: wsUrl, lazy: true, retryAttempts: Infinity }));
  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
    },
    ws,
    http,
  );
  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // A requested app is identified by its request and key; the list of apps is replaced as a whole.
        RequestedApp: { keyFields: false },
        CredentialRequest: { fields: { apps: { merge: false } } },
        Query: {
          fields: { sentCredentialRequests: { keyArgs: false }, receivedCredentialRequests: { keyArgs: false } },
        },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
