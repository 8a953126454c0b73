import { useCallback, useMemo, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { DocumentNode } from 'graphql';
import type { AppAuthorizationStatus } from '../../../gql/graphql';
import { readError } from '../../../lib/errors';
import { RequestDetails } from './queries';

const isConflict = (error: unknown) =>
  CombinedGraphQLErrors.is(error) &&
  error.errors.some((e) => (e.extensions as { code?: unknown } | undefined)?.code === 'CONFLICT');

/**
 * An app action (authorize, update, decline, revoke, request reauthorization, an OAuth2 grant's start) answers with
 * the app's new status only, and an app is no cache entry of its own: the details page learns the rest from its
 * subscription. Behind a proxy that refuses WebSockets there is none, so the page reads itself again after the action
 * (R7.6: the read sees it). A CONFLICT says the app changed under the page (another tab, the other party, the
 * system): the page reads itself again then too, so that the refusal can say the page shows the app as it is now.
 */
export function useAfterAction(): {
  refetchQueries: DocumentNode[];
  onError: (error: unknown) => void;
} {
  const client = useApolloClient();
  return useMemo(
    () => ({
      refetchQueries: [RequestDetails],
      onError: (error: unknown) => {
        if (isConflict(error)) void client.refetchQueries({ include: [RequestDetails] }).catch(() => undefined);
      },
    }),
    [client],
  );
}

/**
 * An action whose answer never came (the network dropped it) may well have been done: before the dialog says "could
 * not be reached" — and a second press is refused as a change made meanwhile — the request is read again, and an app
 * already in the status the action leads to means it was. Only for an error with no answer from the service.
 * `checking`: that read is under way; the dialog's button stays busy meanwhile, so that it is not pressed again.
 */
export function useDoneDespiteLostAnswer(): {
  checking: boolean;
  doneDespiteLostAnswer: (
    error: unknown,
    target: { requestId: string; appKey: string },
    leadsTo: AppAuthorizationStatus,
  ) => Promise<boolean>;
} {
  const client = useApolloClient();
  const [checking, setChecking] = useState(false);
  const doneDespiteLostAnswer = useCallback(
    async (error: unknown, target: { requestId: string; appKey: string }, leadsTo: AppAuthorizationStatus) => {
      if (readError(error).code !== null) return false;
      setChecking(true);
      const read = await client
        .query({ query: RequestDetails, variables: { id: target.requestId }, fetchPolicy: 'network-only' })
        .catch(() => null)
        .finally(() => setChecking(false));
      const app = read?.data?.credentialRequest?.apps.find((a) => a.appKey === target.appKey);
      return app?.status === leadsTo;
    },
    [client],
  );
  return { checking, doneDespiteLostAnswer };
}
