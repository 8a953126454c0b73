import type { Migration } from '@libs/event-store';

/** Tables owned by the command side (namespace 'application'); idempotent DDL. */
export const APPLICATION_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'directory index and invitation lookup',
    sql: `CREATE TABLE IF NOT EXISTS app_team_organizations (
  team_id text PRIMARY KEY,
  organization_id text NOT NULL
);
CREATE TABLE IF NOT EXISTS app_user_organizations (
  user_id text NOT NULL,
  organization_id text NOT NULL,
  PRIMARY KEY (user_id, organization_id)
);
CREATE TABLE IF NOT EXISTS app_invitations (
  token_hash text PRIMARY KEY,
  request_id text NOT NULL
);`,
  },
];
