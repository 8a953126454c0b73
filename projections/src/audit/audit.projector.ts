import { streams } from '@libs/domain';
import { PREPARED, type RecordedEvent } from '@libs/event-store';
import { type Projector } from '../projector';
import { upsertFromJson } from '../sql-values';

/** R10.1: the audited event types and the action names of schema.graphql's AuditEntry. */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  RequestCreated: 'REQUEST_CREATED',
  RequestDeleted: 'REQUEST_DELETED',
  AppAuthorized: 'APP_AUTHORIZED',
  AppDeclined: 'APP_DECLINED',
  AccessRevoked: 'ACCESS_REVOKED',
  ReauthorizationRequested: 'REAUTHORIZATION_REQUESTED',
  AppReauthorized: 'APP_REAUTHORIZED',
  ConnectionExpired: 'CONNECTION_EXPIRED',
  AppAuthorizationFailed: 'APP_AUTHORIZATION_FAILED',
};

/** R13.13 / R10.1: membership changes of the organization stream, as `membershipAuditLog` names them. */
export const MEMBERSHIP_AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  // A creation is its creator's first membership: without it the trail starts with a stranger adding people.
  OrganizationCreated: 'ORG_CREATED',
  TeamCreated: 'TEAM_CREATED',
  OrganizationMemberAdded: 'ORG_MEMBER_ADDED',
  OrganizationMemberRoleChanged: 'ORG_ROLE_CHANGED',
  OrganizationMemberRemoved: 'ORG_MEMBER_REMOVED',
  TeamMemberAdded: 'TEAM_MEMBER_ADDED',
  TeamMemberRoleChanged: 'TEAM_ROLE_CHANGED',
  TeamMemberRemoved: 'TEAM_MEMBER_REMOVED',
};

const INSERT_MEMBERSHIP = `INSERT INTO membership_entries (id, global_position, at, action, actor_id, organization_id,
    team_id, user_id, role)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS e(id text, global_position text, at timestamptz, action text,
    actor_id text, organization_id text, team_id text, user_id text, role text)
  ON CONFLICT (id) DO NOTHING`;

const INSERT_REQUESTS = upsertFromJson(
  'audit_requests',
  [
    ['request_id', 'text'],
    ['name', 'text'],
    ['organization_id', 'text'],
    ['team_id', 'text'],
  ],
  ['request_id'],
);

/**
 * The audit trail: one row per auditable event, kept after the request is deleted (R10.1-R10.2). The request's
 * name, organization and team come from its RequestCreated, remembered in `audit_requests`, and are joined in as
 * the batch is inserted: two statements per batch.
 */
export const auditProjector: Projector = {
  name: 'audit',
  // 2: membership_entries (R13.13); 3: creations in them. A bump rebuilds the audit read model from the start.
  version: 3,
  tables: [
    {
      name: 'audit_requests',
      ddl: `CREATE TABLE audit_requests (
        request_id text PRIMARY KEY, name text NOT NULL, organization_id text NOT NULL, team_id text NOT NULL
      );`,
    },
    {
      name: 'audit_entries',
      ddl: `CREATE TABLE audit_entries (
        id text PRIMARY KEY,
        global_position text NOT NULL,
        position bigint NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor_id text,
        request_id text NOT NULL,
        request_name text NOT NULL,
        organization_id text NOT NULL,
        team_id text NOT NULL,
        app_key text
      );`,
      indexes: `
      -- Newest first by global order, per organization, team or request (R10.2).
      CREATE INDEX audit_by_org ON audit_entries (organization_id, global_position DESC);
      CREATE INDEX audit_by_team ON audit_entries (team_id, global_position DESC);
      CREATE INDEX audit_by_request ON audit_entries (request_id, global_position DESC);`,
    },
    {
      name: 'membership_entries',
      ddl: `CREATE TABLE membership_entries (
        id text PRIMARY KEY,
        global_position text NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor_id text,
        organization_id text NOT NULL,
        team_id text,
        user_id text NOT NULL,
        role text
      );`,
      indexes: `CREATE INDEX membership_by_org ON membership_entries (organization_id, global_position DESC);`,
    },
  ],
  async apply(tx, events) {
    const requests: Record<string, unknown>[] = [];
    const entries: Record<string, unknown>[] = [];
    const memberships = events.flatMap(membershipEntry);
    if (memberships.length > 0) await tx.query(INSERT_MEMBERSHIP, [JSON.stringify(memberships)], PREPARED);
    for (const event of events) {
      const requestId = streams.credentialRequestId(event.stream);
      const action = AUDIT_ACTIONS[event.type];
      if (requestId === null || !action) continue;
      if (event.type === 'RequestCreated') {
        const d = event.data;
        requests.push({ request_id: requestId, name: d.name, organization_id: d.organizationId, team_id: d.teamId });
      }
      entries.push(entry(event, requestId, action));
    }
    if (requests.length > 0) await tx.query(INSERT_REQUESTS, [JSON.stringify(requests)], PREPARED);
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO audit_entries (id, global_position, position, at, action, actor_id, request_id, request_name,
         organization_id, team_id, app_key)
       SELECT e.id, e.global_position, e.position, e.at, e.action, e.actor_id, e.request_id, r.name,
         r.organization_id, r.team_id, e.app_key
       FROM jsonb_to_recordset($1::jsonb) AS e(id text, global_position text, position bigint, at timestamptz,
         action text, actor_id text, request_id text, app_key text)
       JOIN audit_requests r ON r.request_id = e.request_id
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(entries)],
      PREPARED,
    );
  },
};

function entry(event: RecordedEvent, requestId: string, action: string): Record<string, unknown> {
  const appKey = event.data.appKey;
  return {
    id: event.id,
    global_position: event.globalPosition,
    position: event.position.toString(),
    at: event.metadata.occurredAt,
    action,
    actor_id: event.metadata.actorId,
    request_id: requestId,
    app_key: typeof appKey === 'string' ? appKey : null,
  };
}

function membershipEntry(event: RecordedEvent): Record<string, unknown>[] {
  const organizationId = streams.organizationId(event.stream);
  const action = MEMBERSHIP_AUDIT_ACTIONS[event.type];
  if (organizationId === null || !action) return [];
  const d = event.data;
  // The creator: the organization's first owner, the team's first admin.
  const member = event.type === 'OrganizationCreated' ? d.ownerId : event.type === 'TeamCreated' ? d.adminId : d.userId;
  const role = event.type === 'OrganizationCreated' ? 'OWNER' : event.type === 'TeamCreated' ? 'ADMIN' : d.role;
  return [
    {
      id: event.id,
      global_position: event.globalPosition,
      at: event.metadata.occurredAt,
      action,
      actor_id: event.metadata.actorId,
      organization_id: organizationId,
      team_id: typeof d.teamId === 'string' ? d.teamId : null,
      user_id: member,
      role: typeof role === 'string' ? role : null,
    },
  ];
}
