// Catalogue of the audit-log feature (namespace "auditLog"); R10.1, R10.2.
export const en = {
  nav: { auditLog: 'Audit log' },
  title: 'Audit log',
  intro:
    'Audit logs show when and by whom a credential request was created, deleted or authorized, and what else happened to its apps (declined, revoked, reauthorized, expired). They also show who joined, changed role in or left the organization and its teams. Organization admins see this for the whole organization; team admins for their teams.',
  organization: 'Organization: {{name}}',
  noOrganization: 'Choose an organization in the switcher above.',
  team: 'Filter by team',
  allTeams: 'All teams you may see',
  empty: 'Nothing has happened yet.',
  columns: {
    at: 'When',
    action: 'Action',
    actor: 'By',
    request: 'Request',
    app: 'App',
    team: 'Team',
    member: 'Member',
    role: 'New role',
  },
  views: { label: 'What the audit log shows', requests: 'Requests', members: 'Membership changes' },
  membership: {
    // Rarely seen: an organization's and a team's creation start their trail.
    empty: 'No membership changes to show.',
    wholeOrganization: 'The organization',
    actions: {
      ORG_CREATED: 'Created the organization',
      ORG_MEMBER_ADDED: 'Added to the organization',
      ORG_ROLE_CHANGED: 'Organization role changed',
      ORG_MEMBER_REMOVED: 'Removed from the organization',
      TEAM_CREATED: 'Created the team',
      TEAM_MEMBER_ADDED: 'Added to the team',
      TEAM_ROLE_CHANGED: 'Team role changed',
      TEAM_MEMBER_REMOVED: 'Removed from the team',
    },
    roles: { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', GUEST: 'Guest' },
  },
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
    // With an actor: found by their request for reauthorization (R5.4); the system finds the others.
    CONNECTION_EXPIRED_FOUND: 'Connection found expired when reauthorization was requested',
    APP_AUTHORIZATION_FAILED: 'Authorization failed',
  },
  paging: {
    label: 'Audit log pages',
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {{page}}',
    shown_one: '{{count}} entry on this page.',
    shown_other: '{{count}} entries on this page.',
  },
  errors: {
    FORBIDDEN:
      'You cannot see the audit log: only organization owners and admins, and team admins for their own teams, can see it.',
    NOT_FOUND: 'This organization does not exist or you are not a member of it.',
    generic: 'The audit log could not be loaded: {{message}}',
  },
};
