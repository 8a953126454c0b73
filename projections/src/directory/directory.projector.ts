import { streams } from '@libs/domain';
import type { RecordedEvent, SqlExecutor } from '@libs/event-store';
import { type Projector } from '../projector';

type Data = Record<string, unknown>;

/**
 * Organizations, teams, memberships and users. Directory events are few (people and teams, not requests), so each
 * is one small idempotent upsert rather than a batched fold: simpler, and never the bottleneck.
 */
export const directoryProjector: Projector = {
  name: 'directory',
  // 2: users.language (issue 10), rebuilt from the events. 3: null until the user chooses (Viewer.languageChosen).
  version: 3,
  tables: [
    {
      name: 'organizations',
      ddl: `CREATE TABLE organizations (
        id text PRIMARY KEY, name text NOT NULL, plan text NOT NULL, partner boolean NOT NULL
      );`,
    },
    {
      name: 'teams',
      ddl: `CREATE TABLE teams (id text PRIMARY KEY, organization_id text NOT NULL, name text NOT NULL);`,
      indexes: `CREATE INDEX teams_organization ON teams (organization_id, name, id);`,
    },
    {
      name: 'org_members',
      ddl: `CREATE TABLE org_members (
        organization_id text NOT NULL, user_id text NOT NULL, role text NOT NULL,
        PRIMARY KEY (organization_id, user_id)
      );`,
      indexes: `CREATE INDEX org_members_user ON org_members (user_id);`,
    },
    {
      name: 'team_members',
      ddl: `CREATE TABLE team_members (
        team_id text NOT NULL, organization_id text NOT NULL, user_id text NOT NULL, role text NOT NULL,
        PRIMARY KEY (team_id, user_id)
      );`,
      indexes: `CREATE INDEX team_members_user ON team_members (user_id);`,
    },
    {
      name: 'users',
      ddl: `CREATE TABLE users (
        id text PRIMARY KEY, email text NOT NULL, name text NOT NULL, subject text,
        application text NOT NULL DEFAULT 'NONE', enabled boolean NOT NULL DEFAULT false,
        language text
      );
      CREATE UNIQUE INDEX users_email ON users (email);
      CREATE UNIQUE INDEX users_subject ON users (subject) WHERE subject IS NOT NULL;`,
    },
  ],
  async apply(tx, events) {
    for (const event of events) {
      const orgId = streams.organizationId(event.stream);
      if (orgId !== null) await applyOrganization(tx, orgId, event);
      const userId = streams.userId(event.stream);
      if (userId !== null) await applyUser(tx, userId, event);
    }
  },
};

async function applyOrganization(tx: SqlExecutor, orgId: string, event: RecordedEvent): Promise<void> {
  const d = event.data as Data;
  switch (event.type) {
    case 'OrganizationCreated':
      await tx.query(
        `INSERT INTO organizations (id, name, plan, partner) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, plan = EXCLUDED.plan, partner = EXCLUDED.partner`,
        [orgId, d.name, d.plan, d.partner],
      );
      await upsertOrgMember(tx, orgId, d.ownerId, 'OWNER');
      return;
    case 'OrganizationPlanChanged':
      await tx.query('UPDATE organizations SET plan = $2, partner = $3 WHERE id = $1', [orgId, d.plan, d.partner]);
      return;
    case 'OrganizationMemberAdded':
    case 'OrganizationMemberRoleChanged':
      await upsertOrgMember(tx, orgId, d.userId, d.role);
      return;
    case 'TeamCreated':
      await tx.query(
        `INSERT INTO teams (id, organization_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
        [d.teamId, orgId, d.name],
      );
      await upsertTeamMember(tx, orgId, d.teamId, d.adminId, 'ADMIN');
      return;
    case 'TeamMemberAdded':
    case 'TeamMemberRoleChanged':
      await upsertTeamMember(tx, orgId, d.teamId, d.userId, d.role);
      return;
    case 'TeamMemberRemoved':
      await tx.query('DELETE FROM team_members WHERE team_id = $1 AND user_id = $2', [d.teamId, d.userId]);
      return;
    case 'OrganizationMemberRemoved':
      // R13.13: the decider already ended each team membership; the second delete keeps a replay of older data safe.
      await tx.query('DELETE FROM org_members WHERE organization_id = $1 AND user_id = $2', [orgId, d.userId]);
      await tx.query('DELETE FROM team_members WHERE organization_id = $1 AND user_id = $2', [orgId, d.userId]);
      return;
  }
}

async function applyUser(tx: SqlExecutor, userId: string, event: RecordedEvent): Promise<void> {
  const d = event.data as Data;
  switch (event.type) {
    case 'UserRegistered':
      await tx.query(
        `INSERT INTO users (id, email, name) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name`,
        [userId, String(d.email).toLowerCase(), d.name],
      );
      return;
    case 'UserIdentityBound':
      await tx.query('UPDATE users SET subject = $2, name = $3 WHERE id = $1', [userId, d.subject, d.name]);
      return;
    case 'CredentialRequestsApplied':
      await setApplication(tx, userId, 'PENDING');
      return;
    case 'CredentialRequestsApproved':
      await setApplication(tx, userId, 'APPROVED');
      return;
    case 'CredentialRequestsRejected':
      await setApplication(tx, userId, 'REJECTED');
      return;
    case 'LanguageChosen':
      await tx.query('UPDATE users SET language = $2 WHERE id = $1', [userId, d.language]);
      return;
  }
}

async function upsertOrgMember(tx: SqlExecutor, orgId: string, userId: unknown, role: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO org_members (organization_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [orgId, userId, role],
  );
}

async function upsertTeamMember(
  tx: SqlExecutor,
  orgId: string,
  teamId: unknown,
  userId: unknown,
  role: unknown,
): Promise<void> {
  await tx.query(
    `INSERT INTO team_members (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, $4)
     ON CONFLICT (team_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [teamId, orgId, userId, role],
  );
}

async function setApplication(tx: SqlExecutor, userId: string, application: string): Promise<void> {
  // R2.2: the feature is enabled exactly when the application is approved.
  await tx.query('UPDATE users SET application = $2, enabled = $3 WHERE id = $1', [
    userId,
    application,
    application === 'APPROVED',
  ]);
}
