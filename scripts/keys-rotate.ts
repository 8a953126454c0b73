// `npm run keys:rotate`: re-wraps every data key in the vault (connection secrets and webhook signing secrets) under
// the newest CREDENTIALS_MASTER_KEY entry (list `old:…,new:…`); once it has run, the old entry can be removed from
// the configuration.
import { openVault } from '@libs/application';
import { loadConfig } from '@libs/config';
import { createSqlClient } from '@libs/event-store';
import { loadMasterKeys } from '@libs/vault';

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
    const count = await (await openVault(sql, ring)).rotate();
    console.log(`re-wrapped ${count} secret(s) (connections and webhooks) under master key "${ring.currentId}"`);
  } finally {
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
