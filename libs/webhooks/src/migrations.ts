import type { MigrationSet } from '@libs/event-store';

/** Tables of the worker side (namespace 'worker'). Append-only: add migrations, never edit shipped ones. */
export const workerMigrations: MigrationSet = {
  namespace: 'worker',
  migrations: [
    {
      version: 1,
      name: 'checkpoints, deliveries, webhooks',
      sql: `
        CREATE TABLE worker_checkpoints (
          name text PRIMARY KEY,
          -- Everything up to here is enqueued in Redis (advanced only after addBulk was acknowledged).
          position text NOT NULL DEFAULT '',
          -- Everything up to here was also processed (queues seen empty): where to rewind when Redis lost its data.
          low_water text NOT NULL DEFAULT '',
          -- Random marker also written into Redis; a Redis that no longer holds it lost the jobs we gave it.
          epoch text,
          updated_at timestamptz NOT NULL DEFAULT now()
        );
        -- One row per delivered job id (mail sent / webhook acknowledged): a job that runs again after a crash, a
        -- stall or a replay into an emptied Redis sees it and does not deliver twice.
        CREATE TABLE worker_deliveries (
          job_id text PRIMARY KEY,
          delivered_at timestamptz NOT NULL DEFAULT now()
        );
        -- The signing secret is kept as is (it must be used to sign), only here: never in events, read models, jobs
        -- or logs.
        CREATE TABLE webhooks (
          id text PRIMARY KEY,
          team_id text NOT NULL,
          url text NOT NULL,
          secret text NOT NULL,
          allow_insecure boolean NOT NULL DEFAULT false,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX webhooks_team ON webhooks (team_id);
      `,
    },
    {
      version: 2,
      name: 'directory index: organizations that ever named a user',
      sql: `
        -- Fed by the reactor from the events it reads (through the EventStore port, so it works on EventStoreDB
        -- too); a superset: the lookup folds each organization stream up to the event to decide membership then.
        CREATE TABLE worker_user_organizations (
          user_id text NOT NULL,
          organization_id text NOT NULL,
          PRIMARY KEY (user_id, organization_id)
        );
      `,
    },
    {
      version: 3,
      name: 'webhook signing secrets sealed in the vault',
      sql: `
        -- Signing secrets are now sealed through the WebhookSecrets port (the vault: same master keys and rotation as
        -- connection secrets). Sealing an existing plain secret needs those keys, which SQL does not have:
        -- WebhookRepository.sealPlainSecrets does it at start-up and sets this column to NULL. New rows never fill it;
        -- a later migration can drop it once every deployment has started with this version.
        ALTER TABLE webhooks ALTER COLUMN secret DROP NOT NULL;
      `,
    },
  ],
};
