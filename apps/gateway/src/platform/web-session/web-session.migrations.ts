import type { Migration } from '@libs/event-store';

/**
 * `web_sessions`: one row per browser sign-in. The cookie holds 32 random bytes; the table only their SHA-256, so a
 * database reader cannot take over a session. A session ends at `expires_at` (absolute) or when `ended_at` is set
 * (sign-out). The identity is what the gateway needs from the ID token (or the development form), nothing more:
 * no ID, access or refresh token is kept.
 */
export const WEB_SESSION_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'web sessions',
    sql: `CREATE TABLE IF NOT EXISTS web_sessions (
      id_hash text PRIMARY KEY,
      method text NOT NULL,
      subject text NOT NULL,
      email text NOT NULL,
      name text NOT NULL,
      email_verified boolean NOT NULL,
      support boolean NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ended_at timestamptz
    );
    CREATE INDEX IF NOT EXISTS web_sessions_expires_at ON web_sessions (expires_at);`,
  },
];
