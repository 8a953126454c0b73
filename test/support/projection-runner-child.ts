// A projection runner in its own process, for the crash test: DATABASE_URL, BATCH_DELAY_MS (time spent inside each
// batch's transaction before commit), BATCH_SIZE. Runs until killed or sent SIGTERM.
import { PgSqlClient, PostgresEventStore } from '@libs/event-store';
import { allProjectors, ProjectionRunner } from '@projections';
import { countingProjector } from './counting-projector';

async function main(): Promise<void> {
  const sql = new PgSqlClient(process.env.DATABASE_URL ?? '');
  const store = new PostgresEventStore(sql);
  const runner = new ProjectionRunner({
    sql,
    store,
    projectors: [...allProjectors, countingProjector],
    batchSize: Number(process.env.BATCH_SIZE ?? 100),
    batchDelayMs: Number(process.env.BATCH_DELAY_MS ?? 0),
    idlePollMs: 20,
    standbyPollMs: 50,
  });
  await runner.start();
  process.stdout.write('started\n');
  process.once('SIGTERM', () => {
    void runner
      .stop()
      .then(() => store.close())
      .then(() => sql.close());
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
