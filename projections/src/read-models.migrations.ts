import type { MigrationSet } from '@libs/event-store';

/**
 * What every read model shares: schema `read`, the checkpoints, and the usage ledger. Projector tables are not
 * migrations: each projector creates its own on first start and a version bump rebuilds them from the events.
 */
export const readModelMigrations: MigrationSet = {
  namespace: 'read-models',
  migrations: [
    {
      version: 1,
      name: 'read schema, checkpoints, connection usage',
      sql: `
        CREATE SCHEMA IF NOT EXISTS read;
        CREATE TABLE read.projection_checkpoints (
          name text PRIMARY KEY,
          version integer NOT NULL,
          position text NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now()
        );
        -- Written by the runtime endpoint (R8.2), not by events: outside every projector, so a rebuild keeps it.
        CREATE TABLE read.connection_usage (
          connection_id text NOT NULL,
          module_key text NOT NULL,
          scenario_id text NOT NULL,
          scenario_name text,
          uses bigint NOT NULL DEFAULT 0,
          last_used_at timestamptz NOT NULL,
          PRIMARY KEY (connection_id, module_key, scenario_id)
        );
      `,
    },
  ],
};
