// Organizations, teams and their members (R1.1, R2.4, R13.1, R13.11, R13.13). Pages load on demand (code-split).
import type { Feature } from '../../lib/feature';
import { en } from './messages/en';
import { ptBR } from './messages/pt-BR';

export const directoryFeature: Feature = {
  namespace: 'directory',
  messages: { en, 'pt-BR': ptBR },
  nav: [
    { to: '/team-members', label: 'nav.teamMembers', needsTeam: true },
    { to: '/organizations', label: 'nav.organizations' },
  ],
  routes: [
    {
      path: 'organizations',
      lazy: async () => ({ Component: (await import('./routes/OrganizationsPage')).OrganizationsPage }),
    },
    {
      path: 'organizations/:organizationId',
      lazy: async () => ({ Component: (await import('./routes/OrganizationPage')).OrganizationPage }),
    },
    { path: 'teams/:teamId', lazy: async () => ({ Component: (await import('./routes/TeamPage')).TeamPage }) },
    { path: 'team-members', lazy: async () => ({ Component: (await import('./routes/TeamPage')).CurrentTeamPage }) },
  ],
};
