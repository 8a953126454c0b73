import { createBrowserRouter, Navigate } from 'react-router';
import { features } from './features';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RequireAuth } from './RequireAuth';
import { SignInPage } from './SignInPage';

export function createRouter() {
  return createBrowserRouter([
    { path: '/signin', element: <SignInPage /> },
    {
      element: <RequireAuth />,
      children: [
        ...features.flatMap((f) => f.bareRoutes ?? []),
        {
          element: <Layout />,
          children: [
            { index: true, element: <Navigate to="/requests" replace /> },
            ...features.flatMap((f) => f.routes),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
}
