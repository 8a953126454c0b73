// Feature access (R2): apply and see the application; support staff review applications and set plans.
import type { Feature } from '../../lib/feature';
import { en } from './messages/en';
import { ptBR } from './messages/pt-BR';

export const featureAccessFeature: Feature = {
  namespace: 'featureAccess',
  messages: { en, 'pt-BR': ptBR },
  nav: [
    { to: '/feature-access', label: 'nav.featureAccess' },
    { to: '/support', label: 'nav.support', supportOnly: true },
  ],
  routes: [
    {
      path: 'feature-access',
      lazy: async () => ({ Component: (await import('./routes/FeatureAccessPage')).FeatureAccessPage }),
    },
    { path: 'support', lazy: async () => ({ Component: (await import('./routes/SupportPage')).SupportPage }) },
  ],
};
