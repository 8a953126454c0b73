import { PREPARED, sqlLiteral, type SqlClient, type SqlSession } from '@libs/event-store';

const CLAIM = 'INSERT INTO worker_deliveries (job_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING job_id';
const RECORD = 'INSERT INTO worker_deliveries (job_id) VALUES ($1) ON CONFLICT DO NOTHING';
const FORGET = 'DELETE FROM worker_deliveries WHERE job_id = $1';

/**
 * A delivery about to happen: the record is written but not committed. `seal()` commits it and must be called at
 * the hand-over point (its COMMIT is written to the server inside the call, before it returns); `abandon()` undoes
 * it — a rollback before `seal()`, a delete after (the send failed after all).
 */
export interface DeliveryClaim {
  seal(): Promise<void>;
  abandon(): Promise<void>;
}

/**
 * Durable record of what was delivered, in PostgreSQL rather than Redis: Redis here may run without persistence,
 * and a marker that disappears together with the jobs it guards cannot stop the replay that follows a Redis loss.
 *
 * On a PostgreSQL server `claim()` holds the record in an open transaction on a dedicated session (one per delivery
 * in flight, kept for reuse), so its commit can be tied to the moment the message leaves (apps/worker/README.md
 * "The hand-over point"). A second claim of the same job id waits on the first one's row lock and gets `null` once it
 * committed, the claim once it rolled back. On PGlite (one process: a crash takes the database with it) the claim
 * is a check now and a plain insert at `seal()`.
 */
export class DeliveryLog {
  private readonly idle: SqlSession[] = [];
  private readonly lost = new WeakSet<SqlSession>();
  private closed = false;

  constructor(
    private readonly sql: SqlClient,
    private readonly maxIdleSessions = 10,
  ) {}

  async has(jobId: string): Promise<boolean> {
    const rows = await this.sql.query('SELECT 1 FROM worker_deliveries WHERE job_id = $1', [jobId], PREPARED);
    return rows.length > 0;
  }

  /** Records after the fact (webhooks: at least once, receivers dedupe by the idempotency key). */
  async record(jobId: string): Promise<void> {
    await this.sql.query(RECORD, [jobId], PREPARED);
  }

  /** `null`: already delivered (or being delivered by a claim that then committed). */
  async claim(jobId: string): Promise<DeliveryClaim | null> {
    if (!this.sql.connect) return this.claimWithoutSession(jobId);
    const session = await this.acquire();
    try {
      const quoted = sqlLiteral(jobId);
      let rows;
      // One round trip instead of two where the id allows it (issue 12: a statement costs more than its SQL here).
      // A function, not a string, as the replacement: `$&` or `$'` in an address would be read as patterns.
      if (quoted) rows = await session.query(`BEGIN; ${CLAIM.replace('$1', () => quoted)}`);
      else {
        await session.query('BEGIN');
        rows = await session.query(CLAIM, [jobId], PREPARED);
      }
      if (rows.length === 0) {
        await session.query('ROLLBACK');
        this.giveBack(session);
        return null;
      }
    } catch (error) {
      await this.discard(session);
      throw error;
    }
    let sealed = false;
    return {
      seal: () => {
        sealed = true;
        const commit = session.query('COMMIT');
        return commit.then(
          () => this.giveBack(session),
          async (error: unknown) => {
            await this.discard(session);
            throw error;
          },
        );
      },
      abandon: async () => {
        if (sealed) {
          await this.sql.query(FORGET, [jobId], PREPARED);
          return;
        }
        sealed = true;
        await session.query('ROLLBACK').then(
          () => this.giveBack(session),
          () => this.discard(session),
        );
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((s) => s.release()));
  }

  private async claimWithoutSession(jobId: string): Promise<DeliveryClaim | null> {
    if (await this.has(jobId)) return null;
    let sealed: Promise<void> | null = null;
    return {
      seal: () => (sealed ??= this.record(jobId)),
      abandon: async () => {
        if (sealed) await sealed.then(() => this.sql.query(FORGET, [jobId], PREPARED));
      },
    };
  }

  private async acquire(): Promise<SqlSession> {
    for (let session = this.idle.pop(); session; session = this.idle.pop()) {
      if (!this.lost.has(session)) return session;
      void session.release();
    }
    return this.open();
  }

  private async open(): Promise<SqlSession> {
    const session = await this.sql.connect!();
    void session.lost.then(() => this.lost.add(session));
    return session;
  }

  private giveBack(session: SqlSession): void {
    if (this.closed || this.lost.has(session) || this.idle.length >= this.maxIdleSessions) {
      void session.release();
      return;
    }
    this.idle.push(session);
  }

  private async discard(session: SqlSession): Promise<void> {
    this.lost.add(session);
    await session.release();
  }
}
