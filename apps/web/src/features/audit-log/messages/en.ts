// Catalogue of the audit-log feature (namespace "auditLog"); R10.1, R10.2.
export const en = {
  nav: { auditLog: 'Audit log' },
  title: 'Audit log',
  intro:
    'Audit logs show when and by whom a credential request was created, deleted or authorized. Organization admins see this for the whole organization; team admins for their teams.',
  organization: 'Organization: {{name}}',
  noOrganization: 'Choose an organization in the switcher above.',
  team: 'Filter by team',
  allTeams: 'All teams you may see',
  empty: 'Nothing has happened yet.',
  columns: { at: 'When', action: 'Action', actor: 'By', request: 'Request', app: 'App', team: 'Team' },
  system: 'System',
  actions: {
    REQUEST_CREATED: 'Request created',
    REQUEST_DELETED: 'Request deleted',
    APP_AUTHORIZED: 'App authorized',
    APP_DECLINED: 'App declined',
    ACCESS_REVOKED: 'Access revoked',
    REAUTHORIZATION_REQUESTED: 'Reauthorization requested',
    APP_REAUTHORIZED: 'App reauthorized',
    CONNECTION_EXPIRED: 'Connection expired',
    APP_AUTHORIZATION_FAILED: 'Authorization failed',
  },
  paging: {
    label: 'Audit log pages',
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {{page}}',
  },
  errors: {
    FORBIDDEN:
      'You cannot see the audit log: only organization owners and admins, and team admins for their own teams, can see it.',
    NOT_FOUND: 'This organization does not exist or you are not a member of it.',
    generic: 'The audit log could not be loaded: {{message}}',
  },
};
