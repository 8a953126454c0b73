// `npm run keys:rotate`: re-wraps every connection's data key under the newest CREDENTIALS_MASTER_KEY entry
// (list `old:…,new:…`); once it has run, the old entry can be removed from the configuration.
import { vaultSqlClient } from '@libs/application';
import { loadConfig } from '@libs/config';
import { createSqlClient, runMigrations } from '@libs/event-store';
import { loadMasterKeys, VAULT_MIGRATIONS, VaultRepository } from '@libs/vault';

async function main(): Promise<void> {
  const config = loadConfig();
  const { ring, warning } = loadMasterKeys({
    env: { CREDENTIALS_MASTER_KEY: config.credentialsMasterKey },
    dataDir: config.dataDir,
    production: config.production,
  });
  if (warning) console.warn(warning);
  const sql = await createSqlClient({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(sql, {
      namespace: 'vault',
      migrations: VAULT_MIGRATIONS.map((m) => ({ ...m, name: `vault ${m.version}` })),
    });
    const count = await new VaultRepository(vaultSqlClient(sql), ring).rotate();
    console.log(`re-wrapped ${count} connection secret(s) under master key "${ring.currentId}"`);
  } finally {
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
