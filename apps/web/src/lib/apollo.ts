// One Apollo Client for the app: queries and mutations over HTTP, subscriptions over graphql-ws, both on this
// origin and authenticated by the session cookie (no token is ever stored in the browser).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { CloseCode, createClient } from 'graphql-ws';
import { Kind, OperationTypeNode } from 'graphql';
import { Observable } from 'rxjs';
import { waitToRetry } from './retry-wait';
import { fetchSession } from './session';
import { isSessionEnded, reportSessionEnded } from './session-ended';

/** The gateway's close for a socket it will not serve (no live session, another origin): not worth retrying. */
const refused = (e: unknown) => (e as { code?: unknown } | null)?.code === CloseCode.Forbidden;

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
  // A server that restarts (a deployment) closes the socket, and refuses the next connection while it is down: an
  // error event, not a close, which graphql-ws by default does not retry. Every open page then stopped hearing changes
  // for good, without a word. Everything but a refused session is retried, at most 30 s apart; once connected again,
  // what the pages show is read again, since the changes made meanwhile were never heard.
  const ws = new GraphQLWsLink(
    createClient({
      url: wsUrl,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: (e) => !refused(e),
      retryWait: (retries) => waitToRetry(retries),
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) void client.refetchObservableQueries().catch(() => undefined);
        },
      },
    }),
  );
  // UNAUTHENTICATED has several causes: the session ended (expired, signed out elsewhere), or an identity the server
  // refuses (an unverified e-mail, R13.2; an address bound to another identity), whose own message is for people.
  // The session endpoint tells them apart, before the error reaches the page that shows it.
  const sessionEnded = new ErrorLink(({ error, result }) => {
    const unauthenticated =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    // Once the end is known, every later refusal says the same: no need to ask again.
    if (!result || !unauthenticated || isSessionEnded()) return;
    // The same answer goes on to the page, once the session endpoint has been asked.
    return new Observable<ApolloLink.Result>((observer) => {
      void fetchSession()
        .then((session) => !session.signedIn && reportSessionEnded())
        .catch(() => undefined)
        .finally(() => {
          observer.next(result);
          observer.complete();
        });
    });
  });
  const transport = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
    },
    ws,
    http,
  );
  const link = ApolloLink.from([sessionEnded, transport]);
  const client: ApolloClient = new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // A requested app is identified by its request and key; the list of apps is replaced as a whole.
        RequestedApp: { keyFields: false },
        // One viewer, read by several queries (the header's language, Feature access): merged, not replaced. Replaced,
        // the query answered last dropped the others' fields, and Feature access kept its Apply button after applying.
        Viewer: { merge: true },
        CredentialRequest: { fields: { apps: { merge: false } } },
        // The lists keep one entry per team, tab, filter, search and page (Apollo's default keys: every argument).
        // One entry for all of them showed the previous team's rows first (cache-and-network) until the network
        // answered: a row of the wrong team, one click from Delete.
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return client;
}
