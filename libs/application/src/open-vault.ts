import { type MigrationSet, runMigrations, type SqlClient } from '@libs/event-store';
import { type MasterKeyRing, VAULT_MIGRATIONS, VaultRepository } from '@libs/vault';
import { vaultSqlClient } from './vault-sql-client';

export const vaultMigrationSet: MigrationSet = {
  namespace: 'vault',
  migrations: VAULT_MIGRATIONS.map((m) => ({ ...m, name: `vault ${m.version}` })),
};

/** The vault outside Nest (scripts, the standalone worker, tests), its table migrated first. */
export async function openVault(sql: SqlClient, ring: MasterKeyRing): Promise<VaultRepository> {
  await runMigrations(sql, vaultMigrationSet);
  return new VaultRepository(vaultSqlClient(sql), ring);
}
