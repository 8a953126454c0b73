import type { Migration } from '@libs/event-store';

/**
 * `oauth_states`: one row per started OAuth2 grant. The state is stored only as its SHA-256 (a database reader
 * cannot complete someone's grant); the PKCE verifier never leaves the server and is useless without the code,
 * which only the provider's redirect carries. Rows are consumed once (used_at) and expire after 10 minutes.
 */
// Versions 2 and 3 (the refresh scheduler's checkpoint and schedule) moved to the worker, which runs the scheduler:
// apps/worker/src/connection-jobs/connection-jobs.migrations.ts. Never reuse those numbers here.
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
  // Versions 2 and 3 (the connection jobs' checkpoint and schedule) moved to the worker's 'connection-jobs'
  // namespace (apps/worker/src/connection-jobs); their numbers stay taken here.
  {
    // Issue 11 item 5: a grant started from a browser session completes only in that session (the SHA-256 of its
    // cookie, i.e. the session's id hash); null for a grant started with a bearer token (unbound, see docs/security.md).
    version: 4,
    name: 'oauth state browser binding',
    sql: `ALTER TABLE oauth_states ADD COLUMN IF NOT EXISTS browser_binding text;`,
  },
];
