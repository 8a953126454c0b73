// Starts only the reactor and the notification processors from the environment (fault tests, benchmarks):
// DATABASE_URL, REDIS_URL, BULL_PREFIX, SMTP_URL, PUBLIC_URL, INVITATION_SECRET, CREDENTIALS_MASTER_KEY (else the
// development key in DATA_DIR, default ./data), WORKER_LOCK_MS, WORKER_BACKOFF_MS, WORKER_MAIL_CONCURRENCY.
import { Redis } from 'ioredis';
import pino from 'pino';
import { openVault, vaultWebhookSecrets } from '@libs/application';
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { createMailer, mailerConfigFromEnv, publicUrlFromEnv } from '@libs/mailer';
import { startNotificationWorker } from '@apps/worker';
import { loadMasterKeys } from '@libs/vault';

async function main(): Promise<void> {
  const env = process.env;
  const logger = pino({ level: env.LOG_LEVEL ?? 'warn' });
  const sql = new PgSqlClient(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const store = await PostgresEventStore.create(sql);
  const { ring, warning } = loadMasterKeys({
    env,
    dataDir: env.DATA_DIR ?? './data',
    production: env.NODE_ENV === 'production',
  });
  if (warning) logger.warn(warning);
  const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: null,
    retryStrategy: () => 100,
  });
  redis.on('error', () => undefined);
  const worker = await startNotificationWorker({
    store,
    sql,
    webhookSecrets: vaultWebhookSecrets(await openVault(sql, ring)),
    redis,
    prefix: env.BULL_PREFIX ?? 'bull',
    mailer: createMailer({ ...mailerConfigFromEnv(env), smtpPool: 10 }),
    publicUrl: publicUrlFromEnv(env),
    allowInsecureWebhooks: env.WEBHOOKS_ALLOW_INSECURE === 'true',
    invitationSecret: env.INVITATION_SECRET ?? 'dev-invitation-secret',
    logger,
    lockDurationMs: Number(env.WORKER_LOCK_MS ?? 30_000),
    backoffMs: Number(env.WORKER_BACKOFF_MS ?? 1000),
    pollIntervalMs: 20,
    concurrency: { mail: Number(env.WORKER_MAIL_CONCURRENCY ?? 10) },
  });
  process.send?.('ready');
  const shutdown = async () => {
    await worker.stop();
    redis.disconnect();
    await store.close();
    await sql.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

void main();
