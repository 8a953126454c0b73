export interface VaultMigration {
  version: number;
  sql: string;
}

/** Idempotent, so running them again (or from several processes) is harmless. */
export const VAULT_MIGRATIONS: readonly VaultMigration[] = [
  {
    version: 1,
    sql: `CREATE TABLE IF NOT EXISTS vault_secrets (
  connection_id text PRIMARY KEY,
  key_id text NOT NULL,
  wrapped_key bytea NOT NULL,
  iv bytea NOT NULL,
  tag bytea NOT NULL,
  ciphertext bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS vault_secrets_key_id_idx ON vault_secrets (key_id);`,
  },
];
