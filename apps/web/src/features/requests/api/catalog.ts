import { useQuery } from '@apollo/client/react';
import { CatalogApps } from './queries';

/**
 * The app catalog, fixed while the service runs: read once per visit, not on every page that needs it (ten requests
 * opened read it ten times). A failed read is not kept, so the next page asks again; `refetch` asks at once.
 */
export const useCatalogApps = (skip = false) => useQuery(CatalogApps, { fetchPolicy: 'cache-first', skip });
