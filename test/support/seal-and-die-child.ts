// For test/delivery-log.e2e-spec.ts: claims JOB_ID, seals it, and SIGKILLs itself in the same tick — no answer
// from PostgreSQL is ever read. DATABASE_URL, JOB_ID.
import { PgSqlClient } from '@libs/event-store';
import { DeliveryLog } from '@apps/worker';

async function main(): Promise<void> {
  const log = new DeliveryLog(new PgSqlClient(process.env.DATABASE_URL ?? ''), 1);
  const claim = await log.claim(process.env.JOB_ID ?? '');
  if (!claim) throw new Error('already claimed');
  void claim.seal();
  process.kill(process.pid, 'SIGKILL');
}

void main();
