import type { MigrationSet } from '@libs/event-store';

/**
 * The scheduler's own tables, migrated by the role that runs it (ROLE=worker or all). They were migrations 2 and 3 of
 * the gateway's `connections` namespace; `IF NOT EXISTS` keeps a database migrated by that older version as it is.
 */
export const CONNECTION_JOBS_MIGRATIONS: MigrationSet = {
  namespace: 'connection-jobs',
  migrations: [
    {
      version: 1,
      name: 'scheduler checkpoint and connection schedule',
      // R5.6 / R12.4 without Redis: the refresh times and end dates the delayed jobs fire at, kept durably so a sweep
      // can catch up what Redis lost (apps/gateway/src/connections/README.md "Scheduled work without trusting Redis").
      sql: `CREATE TABLE IF NOT EXISTS connection_job_checkpoints (
        name text PRIMARY KEY,
        position text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS connection_schedule (
        kind text NOT NULL,
        request_id text NOT NULL,
        app_key text NOT NULL,
        connection_id text,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (kind, request_id, app_key)
      );
      CREATE INDEX IF NOT EXISTS connection_schedule_due ON connection_schedule (due_at);`,
    },
  ],
};
