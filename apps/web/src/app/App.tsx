// Providers: i18n (initialised in main.tsx), Apollo, the router.
import { useMemo } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router';
import { createApolloClient } from '../lib/apollo';
import { createRouter } from './router';

export function App() {
  const client = useMemo(createApolloClient, []);
  const router = useMemo(createRouter, []);
  return (
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
