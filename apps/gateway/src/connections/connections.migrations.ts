import type { Migration } from '@libs/event-store';

/**
 * `oauth_states`: one row per started OAuth2 grant. The state is stored only as its SHA-256 (a database reader
 * cannot complete someone's grant); the PKCE verifier never leaves the server and is useless without the code,
 * which only the provider's redirect carries. Rows are consumed once (used_at) and expire after 10 minutes.
 */
export const CONNECTIONS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'oauth states',
    sql: `CREATE TABLE IF NOT EXISTS oauth_states (
      state_hash text PRIMARY KEY,
      user_id text NOT NULL,
      request_id text NOT NULL,
      app_key text NOT NULL,
      code_verifier text NOT NULL,
      access_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX IF NOT EXISTS oauth_states_expires_at ON oauth_states (expires_at);`,
  },
  {
    version: 2,
    name: 'connection job scheduler checkpoint',
    sql: `CREATE TABLE IF NOT EXISTS connection_job_checkpoints (
      name text PRIMARY KEY,
      position text NOT NULL DEFAULT '',
      updated_at timestamptz NOT NULL DEFAULT now()
    );`,
  },
  {
    // R5.6 / R12.4 without Redis: the refresh times and end dates the delayed jobs fire at, kept durably so a sweep
    // can catch up what Redis lost (apps/gateway/src/connections/README.md "Scheduled work without trusting Redis").
    version: 3,
    name: 'connection schedule',
    sql: `CREATE TABLE IF NOT EXISTS connection_schedule (
      kind text NOT NULL,
      request_id text NOT NULL,
      app_key text NOT NULL,
      connection_id text,
      due_at timestamptz NOT NULL,
      PRIMARY KEY (kind, request_id, app_key)
    );
    CREATE INDEX IF NOT EXISTS connection_schedule_due ON connection_schedule (due_at);`,
  },
  {
    // Issue 11 item 5: a grant started from a browser session completes only in that session (the SHA-256 of its
    // cookie, i.e. the session's id hash); null for a grant started with a bearer token (unbound, see docs/security.md).
    version: 4,
    name: 'oauth state browser binding',
    sql: `ALTER TABLE oauth_states ADD COLUMN IF NOT EXISTS browser_binding text;`,
  },
];
