import type { SqlExecutor } from '@libs/event-store';

/**
 * Durable record of what was delivered, in PostgreSQL rather than Redis: Redis here may run without persistence,
 * and a marker that disappears together with the jobs it guards cannot stop the replay that follows a Redis loss.
 */
export class DeliveryLog {
  constructor(private readonly sql: SqlExecutor) {}

  async has(jobId: string): Promise<boolean> {
    const rows = await this.sql.query('SELECT 1 FROM worker_deliveries WHERE job_id = $1', [jobId], { prepared: true });
    return rows.length > 0;
  }

  async record(jobId: string): Promise<void> {
    // Prepared: this write closes the window between "the SMTP server accepted" and "we know it did", which a crash
    // turns into a resend; keep it one short round trip.
    await this.sql.query('INSERT INTO worker_deliveries (job_id) VALUES ($1) ON CONFLICT DO NOTHING', [jobId], {
      prepared: true,
    });
  }
}
