// A team's webhooks for those who manage them (R12.6). Pages load on demand (code-split).
import type { Feature } from '../../lib/feature';
import { en } from './messages/en';
import { ptBR } from './messages/pt-BR';

export const webhooksFeature: Feature = {
  namespace: 'webhooks',
  messages: { en, 'pt-BR': ptBR },
  nav: [{ to: '/webhooks', label: 'nav.webhooks', needsTeam: true, needsAdmin: true }],
  routes: [
    {
      path: 'webhooks',
      lazy: async () => ({ Component: (await import('./routes/WebhooksPage')).CurrentWebhooksPage }),
    },
    {
      path: 'teams/:teamId/webhooks',
      lazy: async () => ({ Component: (await import('./routes/WebhooksPage')).WebhooksPage }),
    },
  ],
};
