import type { MigrationSet } from '../sql/migrations';

/** Schema of the PostgreSQL/PGlite event store. Append-only: add migrations, never edit shipped ones. */
export const eventStoreMigrations: MigrationSet = {
  namespace: 'event-store',
  migrations: [
    {
      version: 1,
      name: 'events and streams',
      sql: `
        CREATE TABLE es_events (
          position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          -- The writing transaction: readers stop below the oldest one still running, so a transaction that took
          -- its positions early and commits late is never skipped.
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
          event_id text NOT NULL UNIQUE,
          stream_id text NOT NULL,
          revision integer NOT NULL,
          type text NOT NULL,
          data jsonb NOT NULL,
          metadata jsonb NOT NULL,
          UNIQUE (stream_id, revision)
        );
        CREATE INDEX es_events_global_order ON es_events (transaction_id, position);
        -- One row per stream: its last revision and hash. The conditional UPDATE of this row during an append is
        -- the row lock that makes the expected-revision check and the hash chain exact.
        CREATE TABLE es_streams (
          stream_id text PRIMARY KEY,
          revision integer NOT NULL,
          last_hash text NOT NULL
        );
      `,
    },
  ],
};
