import type { ReadModelTable } from '../projector';

/** One row per live request; a deleted request's rows are removed (R7.5), its audit and connections stay. */
export const requestsTables: readonly ReadModelTable[] = [
  {
    name: 'requests',
    ddl: `
      CREATE TABLE requests (
        id text PRIMARY KEY,
        organization_id text NOT NULL,
        team_id text NOT NULL,
        name text NOT NULL,
        name_lower text NOT NULL,
        description text,
        requester_id text NOT NULL,
        requester_name text NOT NULL,
        requester_email text NOT NULL,
        recipient_id text,
        recipient_name text NOT NULL,
        recipient_email text NOT NULL,
        recipient_external boolean NOT NULL,
        sent_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        status text NOT NULL,
        idempotency_key text,
        payload_digest text NOT NULL,
        invitation_id text,
        invitation_token_hash text,
        invitation_email text,
        invitation_accepted_by text,
        invitation_language text
      );
      -- R4.3 idempotency and R4.4 invitation lookups.
      CREATE UNIQUE INDEX requests_idempotency ON requests (requester_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
      CREATE UNIQUE INDEX requests_invitation ON requests (invitation_token_hash)
        WHERE invitation_token_hash IS NOT NULL;
    `,
    indexes: `
      -- Sent list (R7.1): keyset on (sent_at, id) newest first, per team, optionally per status.
      CREATE INDEX requests_sent ON requests (team_id, sent_at DESC, id DESC);
      CREATE INDEX requests_sent_status ON requests (team_id, status, sent_at DESC, id DESC);
      -- Received list (R7.2), all organizations or one.
      CREATE INDEX requests_received ON requests (recipient_id, sent_at DESC, id DESC);
      CREATE INDEX requests_received_org ON requests (recipient_id, organization_id, sent_at DESC, id DESC);
    `,
  },
  {
    name: 'request_apps',
    ddl: `
      CREATE TABLE request_apps (
        request_id text NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        app_key text NOT NULL,
        position integer NOT NULL,
        app_name text NOT NULL,
        version integer NOT NULL,
        connection_type text NOT NULL,
        modules jsonb NOT NULL,
        scopes jsonb NOT NULL,
        note text,
        connection_name text NOT NULL,
        expected_account_domain text,
        status text NOT NULL,
        decline_reason text,
        error text,
        connection_id text,
        connection_status text,
        access_until timestamptz,
        expires_at timestamptz,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (request_id, app_key)
      );
    `,
  },
];
