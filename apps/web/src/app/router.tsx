import { createBrowserRouter, Navigate } from 'react-router';
import { features } from './features';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';
import { SignInPage } from './SignInPage';

// A page that fails (most often: its code, loaded on demand, is gone after a new deployment) shows RouteError: inside
// the frame for the pages in it, so the navigation stays; alone for the others.
export function createRouter() {
  return createBrowserRouter([
    { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
    {
      element: <RequireAuth />,
      errorElement: <RouteError />,
      children: [
        ...features.flatMap((f) => f.bareRoutes ?? []),
        {
          element: <Layout />,
          children: [
            {
              errorElement: <RouteError />,
              children: [
                { index: true, element: <Navigate to="/requests" replace /> },
                ...features.flatMap((f) => f.routes),
                { path: '*', element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
