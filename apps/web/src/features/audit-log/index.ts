// The audit log for those allowed (R10.2), with paging. Pages load on demand (code-split).
import type { Feature } from '../../lib/feature';
import { en } from './messages/en';
import { ptBR } from './messages/pt-BR';

export const auditLogFeature: Feature = {
  namespace: 'auditLog',
  messages: { en, 'pt-BR': ptBR },
  nav: [{ to: '/audit-log', label: 'nav.auditLog', needsTeam: true, needsAdmin: true }],
  routes: [
    {
      path: 'audit-log',
      lazy: async () => ({ Component: (await import('./routes/AuditLogPage')).CurrentAuditLogPage }),
    },
    {
      path: 'organizations/:organizationId/audit-log',
      lazy: async () => ({ Component: (await import('./routes/AuditLogPage')).AuditLogPage }),
    },
  ],
};
