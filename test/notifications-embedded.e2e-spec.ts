import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore, type SqlClient } from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import { EventWriter } from '@apps/worker/testing/sample-events';
import { bootApp, type BootedApp } from './support/app';
import { captureLogs } from './support/logs';
import { freshPgliteDataDir } from './support/pglite';
import { redisUrl, uniquePrefix } from './support/redis';

// Embedded mode (no DATABASE_URL, no SMTP_URL): PGlite holds the delivery log, e-mails become .eml files under
// $DATA_DIR/mail (SPEC §11; apps/worker/README.md "File transport"). `npm start` on a fresh machine runs this path.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('notifications in embedded mode (PGlite, .eml files)', () => {
  let booted: BootedApp;
  let dataDir: string;
  const logs = captureLogs('info');

  beforeAll(async () => {
    dataDir = await freshPgliteDataDir('embedded-mail');
    booted = await bootApp(
      { DATA_DIR: dataDir, REDIS_URL: redisUrl, BULL_PREFIX: uniquePrefix('embedded'), LOG_LEVEL: 'info' },
      logs.logger,
    );
  }, 60_000);

  afterAll(() => booted?.close());

  const emlFiles = async () => (await readdir(join(dataDir, 'mail')).catch(() => [])).filter((f) => f.endsWith('.eml'));

  it('writes each e-mail once as an .eml file, records it, and logs where it went', async () => {
    const store = booted.app.get<EventStore>(EVENT_STORE);
    const w = new EventWriter(store);
    const { requestId } = await w.request({
      organizationId: 'acme',
      teamId: 'team-1',
      requester: { userId: 'bob', name: 'Bob', email: 'bob@acme.com' },
      recipient: { userId: 'carol', name: 'Carol', email: 'carol@acme.com' },
    });
    const end = Date.now() + 20_000;
    while ((await emlFiles()).length === 0 && Date.now() < end) await sleep(100);
    await sleep(1000); // a second copy would have landed by now
    const files = await emlFiles();
    expect(files).toHaveLength(1);
    const eml = await readFile(join(dataDir, 'mail', files[0]), 'utf8');
    expect(eml).toContain('To: carol@acme.com');
    expect(eml).toContain(`/requests/${requestId}`);
    const sql = booted.app.get<SqlClient>(SQL_CLIENT);
    const records = await sql.query<{ job_id: string }>('SELECT job_id FROM worker_deliveries');
    expect(records.map((r) => r.job_id)).toEqual([expect.stringContaining(':carol@acme.com')]);
    expect(logs.text()).toContain('e-mail written (no SMTP_URL)');
    expect(logs.text()).toContain(files[0]);
  });
});
