// The credential requests feature: lists, create, details, invitations. Pages load on demand (code-split).
import type { Feature } from '../../lib/feature';
import { en } from './messages/en';
import { ptBR } from './messages/pt-BR';

const details = async () => ({ Component: (await import('./routes/RequestDetailsPage')).RequestDetailsPage });

export const requestsFeature: Feature = {
  namespace: 'requests',
  messages: { en, 'pt-BR': ptBR },
  nav: [{ to: '/requests', label: 'nav.credentials' }],
  routes: [
    { path: 'requests', lazy: async () => ({ Component: (await import('./routes/RequestsPage')).RequestsPage }) },
    {
      path: 'requests/new',
      lazy: async () => ({ Component: (await import('./routes/CreateRequestPage')).CreateRequestRoute }),
    },
    { path: 'requests/:id', lazy: details },
    { path: 'requests/:id/apps/:appKey/reauthorize', lazy: details },
    {
      path: 'invitations/:token',
      lazy: async () => ({ Component: (await import('./routes/InvitationPage')).InvitationPage }),
    },
  ],
};
